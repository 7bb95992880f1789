/**
 * What the local site (back-end runtime + Jira emulator + Forge storage emulator) offers to the
 * Custom UI host, the tests and the benchmarks. `site.ts` implements it; nothing else reaches into
 * the emulators' internals.
 */
/** Someone who can sign in to the local site: the seed names them (site-seed.ts). */
export interface DemoUser {
  accountId: string;
  displayName: string;
  /** A short id of what they are; `admin` is the Jira admin the host signs in as first. */
  role: string;
  /** The role as the user switcher shows it, e.g. `Jira admin`; default `role` itself. */
  roleLabel?: string;
  /** A sentence for the user switcher, e.g. "Jira admin: sees and edits everything". */
  description: string;
}

export interface InvokeRequest {
  /** The manifest module key, e.g. `issue-panel`; selects the resolver function. */
  moduleKey: string;
  /** The resolver key inside that function, e.g. `panel/get-value`. */
  functionKey: string;
  payload?: unknown;
  accountId: string;
  /** The module's `context.extension` as the front end would send it (untrusted, as on Forge). */
  extension?: Record<string, unknown>;
}

/** Thrown by `invoke` when the resolver throws, as Forge's `invoke()` rejects. */
export class InvokeError extends Error {
  constructor(
    message: string,
    readonly errorType: string,
  ) {
    super(message);
    this.name = 'InvokeError';
  }
}

export interface ProductRequest {
  accountId: string;
  method: string;
  /** Path and query, e.g. `/rest/api/3/issue/PAY-12?fields=summary`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface ProductResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

export interface FaultConfig {
  /** Added latency per Jira REST call, in ms. */
  jiraLatencyMs?: number;
  /** Added latency per Forge storage call, in ms. */
  storageLatencyMs?: number;
  /** Share (0..1) of Jira calls answered with 429 and a Retry-After header. */
  jira429Rate?: number;
  /** Share (0..1) of Jira calls answered with a 5xx. */
  jira5xxRate?: number;
  /** Share (0..1) of storage calls answered with 429 / 5xx. */
  storage429Rate?: number;
  storage5xxRate?: number;
  /** Longest `Retry-After` of an injected 429, in whole seconds (default 5; each is 1..this, or 0). */
  retryAfterMaxSeconds?: number;
  /**
   * The site's process dies after this many more Jira and storage calls (0: at the next call):
   * that call and every later one reject as a dropped connection, until faults are set again.
   * What was written before stays written (the journal is written as each write happens).
   */
  crashAfterCalls?: number;
  /** Seed for the fault dice, so a failing test can be replayed. */
  seed?: number;
}

export interface CallStats {
  jiraCalls: number;
  storageCalls: number;
  /** Calls by `METHOD path-template`, e.g. `POST /rest/api/3/search/jql`, `kvs /api/v1/get`. */
  byEndpoint: Record<string, number>;
  /** Faults injected, by target and kind (`jira 429`, `storage 503`, `storage crash`); absent when none. */
  faultsInjected?: Record<string, number>;
}

export interface OpenSiteOptions {
  /** Where the site persists (`npm start` uses `.local-site/`); null keeps it in memory (tests, benchmarks). */
  dataDir: string | null;
  /** Wipe and reseed (`npm start -- --reset`). */
  reset?: boolean;
  faults?: FaultConfig;
}

export interface LocalSite {
  readonly users: readonly DemoUser[];
  readonly siteUrl: string;
  readonly cloudId: string;
  /** Runs the resolver as Forge does; resolves to exactly what the front end's `invoke()` gets. */
  invoke(request: InvokeRequest): Promise<unknown>;
  /** The bridge's `requestJira` (`fetchProduct`): a Jira REST call made as the user. */
  requestJira(request: ProductRequest): Promise<ProductResponse>;
  /** Runs every `trigger` handler subscribed to a Jira event (the emulator raises these itself). */
  deliverPendingEvents(): Promise<void>;
  /** Runs a `scheduledTrigger` function now, and drains the async event queue it fills. */
  runScheduledTrigger(triggerKey: string): Promise<void>;
  setFaults(faults: FaultConfig): void;
  /**
   * Moves the site's time forward by `ms`: what the app, Jira and storage read as now (the app runs
   * in this process, so `Date` itself moves; see runtime/site-clock.ts). For scheduled work that
   * falls due later, e.g. run a `scheduledTrigger` three months on.
   */
  advanceClock(ms: number): void;
  /** The site's time now. */
  now(): Date;
  /** Calls made since the last reset, for benchmarks and for tests that count round trips. */
  callStats(): CallStats;
  resetCallStats(): void;
  close(): Promise<void>;
}
