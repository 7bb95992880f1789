/**
 * Shared set-up for the runtime's tests: sites over the fixture app, in memory and quiet.
 *
 * The site is Value Layer's `demo` seed (120 generated epics in six projects, three users with
 * different permissions), which the app hands the runtime through the seed hook: it is the one
 * place these tests borrow from the app, because their expectations (PAY-1, CHK-1, the three
 * users) were written against it. test/tiny-app.test.ts runs on the runtime's own `basicSeed`.
 */
import { DEMO_ACCOUNT_IDS, REPO_ROOT, SEED_NAMES, valueSeeds, type SeedSize } from '../../../local-site';
import { resolve } from 'node:path';
import {
  openLocalSite,
  type LocalSiteRuntime,
  type OpenLocalSiteOptions,
  type ProductResponse,
  type SiteSeed,
} from '../src';

export const FIXTURE_APP = resolve(__dirname, 'fixtures/forge-app');
/** The demo users' account ids, typed as plain strings like any account id. */
export const ADMIN: string = DEMO_ACCOUNT_IDS.admin;
export const PORTFOLIO: string = DEMO_ACCOUNT_IDS.portfolio;
export const TEAM: string = DEMO_ACCOUNT_IDS.team;

export type FixtureSeedName = (typeof SEED_NAMES)[number];

/** One of the app's seeds by name: `demo` (default) or `empty` (users and projects only). */
export function fixtureSeed(name: FixtureSeedName = 'demo', size?: SeedSize): SiteSeed {
  const seed = valueSeeds({ repoRoot: REPO_ROOT, ...(size ? { size } : {}) }).find((s) => s.name === name);
  if (!seed) throw new Error(`No seed ${name}`);
  return seed;
}

export function openFixtureSite(
  options: Partial<Omit<OpenLocalSiteOptions, 'seed'>> & { seed?: FixtureSeedName | SiteSeed } = {},
): Promise<LocalSiteRuntime> {
  const { seed, ...rest } = options;
  return openLocalSite({
    dataDir: null,
    appRoot: FIXTURE_APP,
    log: () => undefined,
    // The app's value import needs the app's admin page, which the fixture app does not have.
    seedApp: false,
    ...rest,
    seed: typeof seed === 'object' ? seed : fixtureSeed(seed),
  });
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
