/** Shared set-up for the local runtime's tests: sites over the fixture app, in memory and quiet. */
import { resolve } from 'node:path';
import {
  DEMO_ACCOUNT_IDS,
  openLocalSite,
  type LocalSiteRuntime,
  type OpenLocalSiteOptions,
} from '../../local-runtime/site';
import type { ProductResponse } from '../../local-runtime/site-api';

export const FIXTURE_APP = resolve(__dirname, '../fixtures/forge-app');
/** The demo users' account ids, typed as plain strings like any account id. */
export const ADMIN: string = DEMO_ACCOUNT_IDS.admin;
export const PORTFOLIO: string = DEMO_ACCOUNT_IDS.portfolio;
export const TEAM: string = DEMO_ACCOUNT_IDS.team;

export function openFixtureSite(options: Partial<OpenLocalSiteOptions> = {}): Promise<LocalSiteRuntime> {
  return openLocalSite({ dataDir: null, appRoot: FIXTURE_APP, log: () => undefined, ...options });
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed view of a JSON body, as each test reads it
export function bodyOf<T = Record<string, unknown>>(response: ProductResponse): T {
  return JSON.parse(response.body) as T;
}

/** A Jira REST call as `accountId`, the way the Custom UI's `requestJira` makes it. */
export async function rest(
  site: LocalSiteRuntime,
  accountId: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ProductResponse> {
  return site.requestJira({
    accountId,
    method,
    path,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** Calls the fixture app's panel resolver. */
export function callPanel(
  site: LocalSiteRuntime,
  functionKey: string,
  payload: unknown,
  accountId = ADMIN,
): Promise<unknown> {
  return site.invoke({ moduleKey: 'fixture-panel', functionKey, payload, accountId });
}

/** A Jira call the fixture app makes from its back end (`asUser()` or `asApp()`). */
export async function appJira(
  site: LocalSiteRuntime,
  call: { as: 'user' | 'app'; method?: string; path: string; body?: unknown },
  accountId = ADMIN,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return (await callPanel(site, 'jira', call, accountId)) as {
    status: number;
    body: Record<string, unknown>;
  };
}
