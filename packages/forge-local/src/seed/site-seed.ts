/**
 * The seed hook: how an app hands the runtime the Jira site it wants to run on. The runtime knows
 * no seed of its own beyond `basicSeed` (basic-seed.ts); an app passes its seeds to
 * `openLocalSite` and `runLocalForge`, and the runtime calls them in this order:
 *
 * 1. `check()` before anything is wiped (a reset refuses while the seed cannot be built);
 * 2. `seedJira(store)` once, on a site that has no data yet, writing straight into the store;
 * 3. `seedApp(context)` once the app runs, when `seedJira` said the app has data to receive
 *    (`appDataPending`), to hand it over through the app's own resolvers; answered
 *    `unavailable`, it is asked again on the next start.
 */
import type { JiraStore } from '../jira/jira-store';
import type { DemoUser } from '../site-api';

export interface SeededJira {
  /** One line for the log, e.g. `120 issues in 6 projects`. */
  summary: string;
  /** Whether `seedApp` has data to hand the app once it runs. */
  appDataPending?: boolean;
  /** JSON the site keeps for `seedApp` (e.g. the size of a generated site), also on later starts. */
  memo?: unknown;
}

/** `imported`: done; `unavailable`: the app cannot take it yet (asked again next start); `failed`: given up. */
export type SeedAppOutcome = 'imported' | 'unavailable' | 'failed';

export type SeedResolverCall = (request: {
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  accountId: string;
}) => Promise<unknown>;

export interface SeedAppContext {
  /** Invokes one of the app's resolvers as `accountId`, as its front end would (no time limit). */
  invoke: SeedResolverCall;
  /** The seeded site's Jira data, to read back what `seedJira` wrote (e.g. on a later start). */
  jira: JiraStore;
  /** `SeededJira.memo`, as kept with the site. */
  memo: unknown;
  log: (line: string) => void;
}

export interface SiteSeed {
  /** The name a site remembers its seed by, and `--seed <name>` picks. */
  readonly name: string;
  /** One line for `--help` and the README, e.g. `users and projects only`. */
  readonly description?: string;
  /**
   * The people who can sign in (the host's user switcher, `site.users`), the Jira admin first;
   * `seedJira` writes each of them as a Jira user.
   */
  readonly users: readonly DemoUser[];
  /** Throws, naming the problem, when the seed cannot be built (a missing source file, a bad size). */
  check?(): void;
  /** Writes the site into an empty store: `writeSiteIdentity` first, then users, grants, projects, issues. */
  seedJira(store: JiraStore): SeededJira;
  /** Hands the app the seed's app data through the app's own resolvers, once the app runs. */
  seedApp?(context: SeedAppContext): Promise<SeedAppOutcome>;
}
