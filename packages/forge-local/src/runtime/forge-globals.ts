/**
 * The two globals the real Forge runtime gives the app and that `@forge/api`, `@forge/kvs`,
 * `@forge/events` and `@forge/resolver` read: `__forge_fetch__` (every product, storage and
 * platform call goes through it) and `__forge_runtime__` (the invocation's context).
 *
 * Both are backed by one AsyncLocalStorage: each invocation runs in its own async context, so two
 * invocations in flight at once never see each other's user, module or time budget, and calls
 * reach the site that started the invocation (several sites may be open in one process, as in tests).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ForgeFetchOptions {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
  service?: string;
}

export interface ForgeRequestInit {
  method?: string;
  body?: unknown;
  headers?: unknown;
}

/** What one invocation carries through its async context. */
export interface InvocationState {
  invocationId: string;
  /** The invoking user (`context.accountId`), absent for triggers and scheduled runs. */
  principal: string | undefined;
  /** The object `__forge_runtime__` returns. */
  runtime: Record<string, unknown>;
  /** Answers this invocation's `__forge_fetch__` calls. */
  fetch: (
    state: InvocationState,
    options: ForgeFetchOptions,
    path: string,
    init: ForgeRequestInit | undefined,
  ) => Promise<Response>;
  /** Set once the invocation timed out: Forge has frozen it, so its late calls fail. */
  expired: boolean;
  jiraCalls: number;
  storageCalls: number;
  /** Jira and storage calls of this invocation started and not yet answered. */
  inFlight: number;
  /** Waves of Jira and storage calls: a call starts one when none of this invocation's is in flight. */
  sequentialRoundTrips: number;
  /** `Queue.push` events, handed to their consumer once this invocation has finished. */
  pushes: AsyncEventPush[];
}

export interface AsyncEventPush {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds: number;
  /** The user whose invocation pushed the event. */
  principal: string | undefined;
}

interface RuntimeGlobals {
  storage: AsyncLocalStorage<InvocationState>;
}

const GLOBALS_KEY = Symbol.for('forge-local.runtime');

function runtimeGlobals(): RuntimeGlobals {
  const holder = globalThis as typeof globalThis & { [GLOBALS_KEY]?: RuntimeGlobals };
  let globals = holder[GLOBALS_KEY];
  if (!globals) {
    globals = { storage: new AsyncLocalStorage<InvocationState>() };
    holder[GLOBALS_KEY] = globals;
    install(globals.storage);
  }
  return globals;
}

function install(storage: AsyncLocalStorage<InvocationState>): void {
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    enumerable: false,
    get: () => storage.getStore()?.runtime,
  });
  Object.defineProperty(globalThis, '__forge_fetch__', {
    configurable: true,
    enumerable: false,
    writable: false,
    value: async (options: ForgeFetchOptions, path: string, init?: ForgeRequestInit): Promise<Response> => {
      const state = storage.getStore();
      if (!state) {
        throw new Error(
          `@forge/api made a ${options.type} call to ${path} outside any Forge invocation. ` +
            'On Forge, app code only runs inside an invocation; start one with site.invoke(...) or a trigger.',
        );
      }
      if (state.expired) {
        throw new Error(
          `Invocation ${state.invocationId} has timed out; Forge does not run its later calls.`,
        );
      }
      return state.fetch(state, options, path, init);
    },
  });
}

/** Installs the globals (once per process or jest environment). */
export function installForgeGlobals(): void {
  runtimeGlobals();
}

export function runInInvocation<T>(state: InvocationState, body: () => T): T {
  return runtimeGlobals().storage.run(state, body);
}

export function currentInvocation(): InvocationState | undefined {
  return runtimeGlobals().storage.getStore();
}
