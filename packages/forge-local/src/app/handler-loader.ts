/**
 * Finds a function's handler as Forge does: `handler: index.panelResolver` is the export
 * `panelResolver` of `src/index`. The file is loaded with a plain `require`, so it runs under
 * whatever compiles TypeScript in this process (tsx for `npm start`, ts-jest in tests).
 */
import { join } from 'node:path';
import type { AppManifest } from './app-manifest';

export type Handler = (...args: unknown[]) => unknown;

export class HandlerLoader {
  private readonly cache = new Map<string, Handler>();

  constructor(
    private readonly appRoot: string,
    private readonly manifest: AppManifest,
  ) {}

  handler(functionKey: string): Handler {
    const cached = this.cache.get(functionKey);
    if (cached) return cached;
    const fn = this.manifest.functions.get(functionKey);
    if (!fn) throw new Error(`manifest.yml has no function '${functionKey}'`);
    const modulePath = join(this.appRoot, 'src', fn.file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Forge loads handlers with require; so must we, to run the TypeScript through the active loader
    const exports = require(modulePath) as Record<string, unknown>;
    const handler = exports[fn.exportName];
    if (typeof handler !== 'function') {
      throw new Error(
        `${modulePath} has no exported function '${fn.exportName}' (manifest.yml function '${functionKey}')`,
      );
    }
    this.cache.set(functionKey, handler as Handler);
    return handler as Handler;
  }
}
