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

/**
 * A Rovo agent calling one of the app's `action` modules for a user in a chat. The runtime passes
 * the handler the payload Forge documents: the inputs by their manifest names, and a `context`
 * with the site's cloud id, the module key and, when the chat is opened on an issue, `jira`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/rovo-action/).
 */
export interface ActionRequest {
  /** The `action` module's key in manifest.yml. */
  actionKey: string;
  /** The user chatting with the agent; the handler runs as them (`principal`, `asUser()`). */
  accountId: string;
  /** What the agent filled in, by input name; checked against the manifest's inputs. */
  inputs?: Record<string, string | number | boolean>;
  /** The issue the chat was opened on, by key: becomes `context.jira`. */
  issueKey?: string;
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

/** One of a user's in-app notifications (Jira's bell): someone mentioned them in a comment. */
export interface SiteNotification {
  id: string;
  kind: 'mention';
  /** The issue as it is now (its key after a move), or as it was when it has since been deleted. */
  issue: { id: string; key: string; summary: string };
  commentId: string;
  /** Who mentioned them; `displayName` is the account id when the user is no longer on the site. */
  actor: { accountId: string; displayName: string };
  /** When the comment was made (Jira's timestamp format). */
  created: string;
  /** The comment as one short line of plain text. */
  excerpt: string;
  /** The user has opened the notification drawer since it arrived. */
  seen: boolean;
  /** The user has opened this notification. */
  read: boolean;
  /** Jira's link to the comment: `/browse/KEY?focusedCommentId=ID`. */
  path: string;
}

export interface NotificationFeed {
  /** Newest first. */
  notifications: SiteNotification[];
  /** How many the bell counts: not seen yet. */
  unseen: number;
}

/** Each user's in-app notifications, as Jira's notification drawer shows them to that user. */
export interface SiteNotifications {
  feed(accountId: string): NotificationFeed;
  /** The user opened the drawer: every notification is seen and the bell's count clears. */
  markAllSeen(accountId: string): void;
  /** The user opened one notification; false when they have none of that id. */
  markRead(accountId: string, notificationId: string): boolean;
}

export interface LocalSite {
  readonly users: readonly DemoUser[];
  readonly siteUrl: string;
  readonly cloudId: string;
  /** The users' in-app notifications (a comment that mentions someone notifies them). */
  readonly notifications: SiteNotifications;
  /** Runs the resolver as Forge does; resolves to exactly what the front end's `invoke()` gets. */
  invoke(request: InvokeRequest): Promise<unknown>;
  /** Runs a Rovo `action` as the agent would for the user; resolves to what the handler returns. */
  invokeAction(request: ActionRequest): Promise<unknown>;
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
