/**
 * Shared set-up for the runtime's tests: sites over the fixture app, in memory and quiet.
 *
 * The site is the package's own fixture seed (fixtures/fixture-seed.ts): three users with
 * different permissions, a programme project and four delivery projects (PAY, CHK, CRM, OPS).
 * test/tiny-app.test.ts runs on the runtime's plain `basicSeed`.
 */
import { resolve } from 'node:path';
import {
  openLocalSite,
  type LocalSiteRuntime,
  type OpenLocalSiteOptions,
  type ProductResponse,
  type SiteSeed,
} from '../src';
import { FIXTURE_ACCOUNT_IDS, fixtureSiteSeed, type FixtureSeedVariant } from './fixtures/fixture-seed';

export const FIXTURE_APP = resolve(__dirname, 'fixtures/forge-app');
/** The fixture users' account ids, typed as plain strings like any account id. */
export const ADMIN: string = FIXTURE_ACCOUNT_IDS.admin;
export const PORTFOLIO: string = FIXTURE_ACCOUNT_IDS.portfolio;
export const TEAM: string = FIXTURE_ACCOUNT_IDS.team;

/** The fixture seed: `fixture` (default) or `empty` (users and projects only). */
export function fixtureSeed(variant: FixtureSeedVariant = 'fixture'): SiteSeed {
  return fixtureSiteSeed(variant);
}

export function openFixtureSite(
  options: Partial<Omit<OpenLocalSiteOptions, 'seed'>> & { seed?: FixtureSeedVariant | SiteSeed } = {},
): Promise<LocalSiteRuntime> {
  const { seed, ...rest } = options;
  return openLocalSite({
    dataDir: null,
    appRoot: FIXTURE_APP,
    log: () => undefined,
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
