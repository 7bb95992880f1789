/** Starts the host on a free port against a fake site, for tests that speak HTTP to it. */
import { resolve } from 'node:path';
import { startHost, type HostOptions, type RunningHost } from '../../src/host/server';
import { createFakeSite, type FakeSite } from './fake-site';

/** The package's fixture app: the host tests serve its manifest and Custom UI resources. */
export const fixtureAppRoot = resolve(__dirname, '../fixtures/forge-app');

export interface TestHost {
  site: FakeSite;
  host: RunningHost;
  /** `http://127.0.0.1:<port>` */
  base: string;
  request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; text: string; headers: Headers }>;
}

export async function startTestHost(options: Partial<Omit<HostOptions, 'site'>> = {}): Promise<TestHost> {
  const site = createFakeSite();
  const host = await startHost({ site, rootDir: fixtureAppRoot, port: 0, dataDir: null, ...options });
  const base = `http://127.0.0.1:${String(host.port)}`;
  return {
    site,
    host,
    base,
    async request(method, path, body) {
      const response = await fetch(base + path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: tests that expect JSON fail on `json` being undefined
      }
      return { status: response.status, json, text, headers: response.headers };
    },
  };
}
