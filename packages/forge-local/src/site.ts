/**
 * The local Forge site: the app, unchanged, running on emulated Forge runtime seams
 * (`__forge_fetch__`, `__forge_runtime__`), an emulated Jira Cloud REST API and emulated Forge
 * storage, persisted under a data folder. `openLocalSite` implements the `LocalSite` contract of
 * site-api.ts; `LocalSiteRuntime` adds the seams tests and benchmarks use.
 */
import { resolve } from 'node:path';
import { readAppManifest } from './app/app-manifest';
import { HandlerLoader } from './app/handler-loader';
import { CallCounter } from './faults/call-stats';
import { FaultInjector } from './faults/fault-injector';
import { AppFields } from './jira/app-fields';
import { importCloudIssue } from './jira/issue-import';
import { JiraEmulator } from './jira/jira-emulator';
import { JiraStore } from './jira/jira-store';
import { JiraNotifications } from './jira/notification-feed';
import { JiraUserActions } from './jira/user-actions';
import { CollectionStore, type StoreStats } from './persistence/collection-store';
import { AppRuntime } from './runtime/app-runtime';
import { EventDispatcher } from './runtime/event-dispatcher';
import { installForgeGlobals } from './runtime/forge-globals';
import { ForgeProxy, type JiraExchange } from './runtime/forge-proxy';
import { InvocationLog, type InvocationRecord } from './runtime/invocation-log';
import { Invoker } from './runtime/invoker';
import type { SeedAppOutcome, SiteSeed } from './seed/site-seed';
import {
  InvokeError,
  type ActionRequest,
  type CallStats,
  type DemoUser,
  type FaultConfig,
  type InvokeRequest,
  type LocalSite,
  type OpenSiteOptions,
  type ProductRequest,
  type ProductResponse,
} from './site-api';
import { SiteClock } from './runtime/site-clock';
import { StorageSeams } from './storage/storage-seams';
import { KvsEmulator } from './storage/kvs-emulator';
import { KvsStore } from './storage/kvs-store';

export const DEFAULT_DATA_DIR = '.local-site';

export interface OpenLocalSiteOptions extends OpenSiteOptions {
  /** The app to run: the folder holding its manifest.yml (and the handlers the manifest names). */
  appRoot: string;
  /** The site's seed: it writes the site when the data folder is new (or `reset` is set). */
  seed: SiteSeed;
  /** Run the seed's `seedApp` step (default true); benchmarks that bring their own data turn it off. */
  seedApp?: boolean;
  /**
   * `manual` (default): product and queue events wait for `deliverPendingEvents()`.
   * `auto`: they are delivered on their own soon after they are raised (what `npm start` wants).
   */
  eventDelivery?: 'manual' | 'auto';
  /** Where the site reports seeding; default `console.log` with a `[local-site]` prefix. */
  log?: (line: string) => void;
  /** Forge's resolver time limit, 25 s; tests shorten it to see a timeout quickly. */
  resolverTimeoutMs?: number;
  /** Forge's product-event trigger time limit, 25 s; tests shorten it. */
  productTriggerTimeoutMs?: number;
  /** Replaces every scheduled trigger's and consumer's limit (their `timeoutSeconds`, default 55 s); tests only. */
  asyncTimeoutMs?: number;
}

export interface LocalSiteRuntime extends LocalSite {
  /** What people do in Jira's own UI (create, move, re-parent, transition, delete), as a given user. */
  readonly jiraUi: JiraUserActions;
  /** Forge storage as the app sees it, for tests that arrange or inspect stored data. */
  readonly storage: StorageSeams;
  /** How the seed's `seedApp` step went: `not-needed` when there was nothing (left) to hand over. */
  readonly seedAppOutcome: SeedAppOutcome | 'not-needed';
  /** The last 1,000 invocations with wall and CPU time and calls made, oldest first. */
  invocations(): InvocationRecord[];
  /** Calls `listener` after every invocation; returns the unsubscribe function. */
  onInvocation(listener: (record: InvocationRecord) => void): () => void;
  /** Events raised and not yet delivered. */
  pendingEventCount(): number;
  /** Loads real Jira Cloud issue documents (`IssueBean`s) into the emulator as they are. */
  loadIssueDocuments(documents: readonly unknown[]): void;
  /** Calls `listener` with every Jira REST call and its answer (contract tests); returns the unsubscribe function. */
  onJiraExchange(listener: (exchange: JiraExchange) => void): () => void;
  faults(): FaultConfig;
  storeStats(): StoreStats;
}

export async function openLocalSite(options: OpenLocalSiteOptions): Promise<LocalSiteRuntime> {
  installForgeGlobals();
  const appRoot = resolve(options.appRoot);
  const log =
    options.log ??
    ((line: string) => {
      console.log(`[local-site] ${line}`);
    });
  const manifest = readAppManifest(appRoot);
  const dataDir = options.dataDir === null ? null : resolve(options.dataDir);
  const seed = options.seed;
  // A reset wipes the site: make sure the seed can be built before anything is lost.
  if (options.reset === true) seed.check?.();
  const store = CollectionStore.open(dataDir, { reset: options.reset === true });
  const jiraStore = new JiraStore(store);

  if (!jiraStore.hasSiteInfo()) {
    const started = performance.now();
    let seeded: ReturnType<SiteSeed['seedJira']>;
    try {
      seed.check?.();
      seeded = seed.seedJira(jiraStore);
      if (!jiraStore.hasSiteInfo())
        throw new Error(`The seed '${seed.name}' wrote no site: call writeSiteIdentity first`);
    } catch (error) {
      // Leave the data folder unlocked, so the next start can open it.
      store.close();
      throw error;
    }
    jiraStore.putSiteInfo({
      ...jiraStore.siteInfo(),
      seed: seed.name,
      ...(seeded.memo === undefined ? {} : { seedMemo: seeded.memo }),
      seedAppPending: seeded.appDataPending === true,
    });
    store.checkpoint();
    log(`seeded '${seed.name}': ${seeded.summary} in ${String(Math.round(performance.now() - started))} ms`);
  }
  const info = jiraStore.siteInfo();
  // App data the app could not take yet (say its import did not exist) is offered again on a later
  // start, by the seed the site was made with.
  const seedAppPending =
    info.seedAppPending === true && info.seed === seed.name && seed.seedApp !== undefined;

  const stats = new CallCounter();
  const faults = new FaultInjector({}, (name) => {
    stats.countFault(name);
  });
  const invocationLog = new InvocationLog();
  const loader = new HandlerLoader(appRoot, manifest);
  let appRuntime: AppRuntime | null = null;
  const events = new EventDispatcher((event) => {
    if (!appRuntime) throw new Error('The app runtime is not ready');
    return appRuntime.deliver(event);
  }, options.eventDelivery ?? 'manual');
  const apiBase = `https://api.atlassian.com/ex/jira/${info.cloudId}`;
  const environmentId = 'a7c3e1f0-5d2b-4c8e-9f6a-0e1d2c3b4a5f';
  const jira = new JiraEmulator({
    appFields: new AppFields(manifest.customFields, jiraStore, {
      appId: manifest.appId,
      environmentId,
      environmentKey: 'DEVELOPMENT',
    }),
    store: jiraStore,
    render: { store: jiraStore, apiBase, siteUrl: info.siteUrl },
    indexedProperties: manifest.indexedProperties,
    grantedScopes: manifest.scopes,
    onEvent: (event) => {
      events.productEvent(event);
    },
  });
  const kvsStore = new KvsStore(store);
  const kvs = new KvsEmulator(kvsStore, manifest.entities, store);
  const proxy = new ForgeProxy({
    manifest,
    jira,
    storage: kvs,
    store,
    faults,
    stats,
    events,
    appAccountId: info.appAccountId,
  });
  const identity = {
    cloudId: info.cloudId,
    appId: manifest.appId,
    environmentId,
    installationId: '2b9e4d6a-8c1f-4a3e-b5d7-6f8e9a0b1c2d',
    appRoot,
  };
  const invoker = new Invoker(identity, manifest, loader, proxy, invocationLog, events);
  const runtime = new AppRuntime(
    manifest,
    invoker,
    {
      cloudId: info.cloudId,
      siteUrl: info.siteUrl,
      appId: manifest.appId,
      environmentId: identity.environmentId,
    },
    {
      resolverMs: options.resolverTimeoutMs,
      productTriggerMs: options.productTriggerTimeoutMs,
      asyncMs: options.asyncTimeoutMs,
    },
  );
  appRuntime = runtime;

  let seedAppOutcome: SeedAppOutcome | 'not-needed' = 'not-needed';
  if (seedAppPending && seed.seedApp && options.seedApp !== false) {
    const started = performance.now();
    seedAppOutcome = await seed.seedApp({
      invoke: (request) => runtime.invokeResolver(request, { enforce: false }),
      jira: jiraStore,
      memo: info.seedMemo,
      log,
    });
    if (seedAppOutcome === 'imported')
      log(`the seed's app data took ${String(Math.round(performance.now() - started))} ms`);
    jiraStore.putSiteInfo({ ...jiraStore.siteInfo(), seedAppPending: seedAppOutcome === 'unavailable' });
    // The app's own writes raise events too; Forge would deliver them, so deliver them now.
    await events.drain();
  }
  stats.reset();
  invocationLog.clear();
  faults.configure(options.faults ?? {});

  const clock = new SiteClock();
  const users: readonly DemoUser[] = seed.users.filter((u) => jiraStore.user(u.accountId) !== undefined);
  let closed = false;

  const site: LocalSiteRuntime = {
    users,
    siteUrl: info.siteUrl,
    cloudId: info.cloudId,
    notifications: new JiraNotifications(jiraStore),
    jiraUi: new JiraUserActions(jiraStore, jira),
    storage: new StorageSeams(kvsStore, store),
    seedAppOutcome,

    async invoke(request: InvokeRequest): Promise<unknown> {
      if (closed) throw new Error('The local site is closed');
      if (!jiraStore.user(request.accountId)) {
        throw new InvokeError(`No user with account id '${request.accountId}' on this site`, 'UNKNOWN_USER');
      }
      return runtime.invokeResolver(request);
    },

    async invokeAction(request: ActionRequest): Promise<unknown> {
      if (closed) throw new Error('The local site is closed');
      if (!jiraStore.user(request.accountId)) {
        throw new InvokeError(`No user with account id '${request.accountId}' on this site`, 'UNKNOWN_USER');
      }
      if (request.issueKey === undefined) return runtime.invokeAction(request);
      const issue = jiraStore.resolveIssue(request.issueKey);
      if (!issue) throw new InvokeError(`No issue '${request.issueKey}' on this site`, 'UNKNOWN_ISSUE');
      const project = jiraStore.projectById(issue.projectId);
      // The chat's issue as Rovo describes it (ids as numbers, as in Atlassian's example).
      return runtime.invokeAction(request, {
        url: `${info.siteUrl}/browse/${issue.key}`,
        resourceType: 'issue',
        issueKey: issue.key,
        issueId: Number(issue.id),
        issueType: jiraStore.issueType(issue.issueTypeId)?.name ?? '',
        issueTypeId: Number(issue.issueTypeId),
        projectKey: project?.key ?? '',
        projectId: Number(issue.projectId),
      });
    },

    async requestJira(request: ProductRequest): Promise<ProductResponse> {
      if (closed) throw new Error('The local site is closed');
      const caller = jiraStore.user(request.accountId);
      if (!caller) {
        return {
          status: 401,
          statusText: 'Unauthorized',
          headers: { 'content-type': 'application/json;charset=UTF-8' },
          body: JSON.stringify({ errorMessages: ['You are not authenticated.'], errors: {} }),
        };
      }
      const answer = await proxy.jira(
        { kind: 'user', accountId: request.accountId },
        request.method,
        request.path,
        request.body,
        true,
      );
      return {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
        body: answer.body,
      };
    },

    async deliverPendingEvents(): Promise<void> {
      await events.drain();
    },

    async runScheduledTrigger(triggerKey: string): Promise<void> {
      await runtime.runScheduledTrigger(triggerKey);
      await events.drain();
    },

    setFaults(config: FaultConfig): void {
      faults.configure(config);
    },

    advanceClock(ms: number): void {
      clock.advance(ms);
    },
    now: () => clock.now(),

    faults: () => faults.current(),
    callStats: (): CallStats => stats.snapshot(),
    resetCallStats: () => {
      stats.reset();
    },
    invocations: () => invocationLog.list(),
    onInvocation: (listener) => invocationLog.subscribe(listener),
    onJiraExchange: (listener) => proxy.onJiraExchange(listener),
    pendingEventCount: () => events.pendingCount,
    storeStats: () => store.stats(),

    loadIssueDocuments(documents: readonly unknown[]): void {
      store.atomically(() => {
        for (const document of documents) importCloudIssue(jiraStore, document);
      });
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      if (clock.offsetMs !== 0) clock.reset();
      await events.close();
      store.close();
    },
  };
  return site;
}
