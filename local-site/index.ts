/**
 * Value Layer on the local Forge runtime (packages/forge-local): the app's seeds handed to the
 * runtime, and `openLocalSite` as the app's tests and benchmarks open a site: seeded by name
 * (`demo`, `appcelerator`, `empty`), running this repository's manifest.yml and src/.
 */
import { resolve } from 'node:path';
import {
  openLocalSite as openForgeSite,
  type LocalSiteRuntime as ForgeSiteRuntime,
  type OpenLocalSiteOptions as ForgeSiteOptions,
  type SeedAppOutcome,
} from 'forge-local';
import { DEMO_SIZE, demoDocument, type SeedSize } from './seeds/demo-seed';
import { valueSeed, type SeedName } from './seeds/value-seeds';

export {
  InvokeError,
  JiraActionError,
  type CallStats,
  type CreateIssueAction,
  type DemoUser,
  type FaultConfig,
  type InvocationRecord,
  type InvokeRequest,
  type JiraExchange,
  type LocalSite,
  type ProductRequest,
  type ProductResponse,
} from 'forge-local';
export {
  APP_ACCOUNT_ID,
  DEMO_ACCOUNT_IDS,
  DEMO_GROUPS,
  DEMO_USERS,
  type DemoRole,
} from './seeds/site-directory';
export type { SeedSize } from './seeds/demo-seed';
export { SEED_NAMES, valueSeeds, type SeedName } from './seeds/value-seeds';

/** The repository root (manifest.yml, src/index.ts), one level above this folder. */
export const REPO_ROOT = resolve(__dirname, '..');
export const DEFAULT_DATA_DIR = '.local-site';

export interface OpenLocalSiteOptions extends Omit<ForgeSiteOptions, 'appRoot' | 'seed' | 'seedApp'> {
  /** The app to run (manifest.yml and src/); default this repository. */
  appRoot?: string;
  /** Default `demo`. */
  seed?: SeedName;
  /** Size of the generated portfolio for the `demo` and `empty` seeds; default 120 epics over 6 projects. */
  seedSize?: SeedSize;
  /** Apply the seed's value data through the app's admin import (default true). */
  importValues?: boolean;
  /**
   * The folder the seeds read their source beside (`../shared/reference` for `appcelerator`);
   * default this repository. Tests point it elsewhere to see a missing source.
   */
  seedSourceRoot?: string;
}

export interface LocalSiteRuntime extends ForgeSiteRuntime {
  /** How the seed's value import went: `not-needed` when the site was opened with its data already there. */
  readonly valueImport: SeedAppOutcome | 'not-needed';
}

export async function openLocalSite(options: OpenLocalSiteOptions): Promise<LocalSiteRuntime> {
  const { appRoot, seed, seedSize, importValues, seedSourceRoot, ...rest } = options;
  const site = await openForgeSite({
    ...rest,
    appRoot: appRoot ?? REPO_ROOT,
    seed: valueSeed(seed ?? 'demo', {
      repoRoot: seedSourceRoot ?? REPO_ROOT,
      ...(seedSize === undefined ? {} : { size: seedSize }),
    }),
    ...(importValues === undefined ? {} : { seedApp: importValues }),
  });
  return Object.assign(site, { valueImport: site.seedAppOutcome });
}

/** The generated demo document (value data) a site of this size is seeded with. */
export function demoPortfolioDocument(size: SeedSize = DEMO_SIZE): ReturnType<typeof demoDocument> {
  return demoDocument(size);
}
