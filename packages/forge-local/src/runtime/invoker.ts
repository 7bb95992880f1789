/**
 * Runs one Forge invocation: builds the `__forge_runtime__` object Forge gives that invocation,
 * calls the handler inside its own async context, enforces the time limit (chosen by the caller,
 * see `AppRuntime`), records wall/CPU time and peak memory, and turns a thrown error into the
 * `InvokeError` the front end's `invoke()` would reject with. `Queue.push` events made during the
 * invocation are handed on only when it has finished.
 *
 * A timed-out invocation is cut off as on Forge: the caller gets `FUNCTION_TIME_OUT` at once, and
 * the abandoned handler's later `@forge/api` calls (Jira, storage, queue) are refused.
 */
import { randomUUID } from 'node:crypto';
import type { AppManifest } from '../app/app-manifest';
import type { HandlerLoader } from '../app/handler-loader';
import { InvokeError } from '../site-api';
import type { EventDispatcher } from './event-dispatcher';
import { runInInvocation, type InvocationState } from './forge-globals';
import type { ForgeProxy } from './forge-proxy';
import type { InvocationKind, InvocationLog } from './invocation-log';
import { toInvokeError } from './lambda-error';
import { MemorySampler } from './memory-sampler';

/**
 * Forge's runtime limits (https://developer.atlassian.com/platform/forge/limits-invocation/):
 * resolvers, web triggers and product-event triggers get 25 s; scheduled triggers and async-event
 * consumers get their function's `timeoutSeconds` (default 55 s, at most 900 s), which Forge
 * applies only to functions referenced by those two modules.
 */
export const RESOLVER_TIMEOUT_MS = 25_000;
export const PRODUCT_TRIGGER_TIMEOUT_MS = 25_000;
export const ASYNC_DEFAULT_TIMEOUT_MS = 55_000;

export interface SiteIdentity {
  cloudId: string;
  appId: string;
  environmentId: string;
  installationId: string;
  appRoot: string;
}

export interface InvocationSpec {
  kind: InvocationKind;
  moduleKey: string;
  moduleType: string;
  functionKey: string;
  resolverKey?: string;
  /** The invoking user; Forge passes it as `principal` and as `__forge_runtime__.aaid`. */
  principal?: string;
  /** `null` runs without a time limit (the seed's bulk import only). */
  timeoutMs: number | null;
  /** The handler's arguments. */
  args: unknown[];
}

export class Invoker {
  constructor(
    private readonly identity: SiteIdentity,
    private readonly manifest: AppManifest,
    private readonly loader: HandlerLoader,
    private readonly proxy: ForgeProxy,
    private readonly log: InvocationLog,
    private readonly events: EventDispatcher,
  ) {}

  get installContext(): string {
    return `ari:cloud:jira::site/${this.identity.cloudId}`;
  }

  /** The limit of a scheduled trigger or consumer: its function's `timeoutSeconds`, else 55 s. */
  asyncTimeoutFor(functionKey: string): number {
    const seconds = this.manifest.functions.get(functionKey)?.timeoutSeconds;
    return seconds === undefined ? ASYNC_DEFAULT_TIMEOUT_MS : seconds * 1000;
  }

  async run(spec: InvocationSpec): Promise<unknown> {
    const invocationId = randomUUID();
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const deadline = spec.timeoutMs === null ? Infinity : Date.now() + spec.timeoutMs;
    const memory = MemorySampler.start();
    const state: InvocationState = {
      invocationId,
      principal: spec.principal,
      runtime: this.runtimeObject(spec, invocationId, deadline),
      fetch: (s, options, path, init) => this.proxy.forgeFetch(s, options, path, init),
      expired: false,
      jiraCalls: 0,
      storageCalls: 0,
      inFlight: 0,
      sequentialRoundTrips: 0,
      pushes: [],
    };
    let outcome: 'ok' | 'error' | 'timeout' = 'ok';
    let failure: InvokeError | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = this.loader.handler(spec.functionKey);
      const execution = runInInvocation(state, () => Promise.resolve().then(() => handler(...spec.args)));
      if (spec.timeoutMs === null) return await execution;
      const limit = spec.timeoutMs;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          state.expired = true;
          reject(
            new InvokeError(`Task timed out after ${(limit / 1000).toFixed(2)} seconds`, 'FUNCTION_TIME_OUT'),
          );
        }, limit);
      });
      return await Promise.race([execution, timeout]);
    } catch (error) {
      failure = toInvokeError(error);
      outcome = failure.errorType === 'FUNCTION_TIME_OUT' ? 'timeout' : 'error';
      throw failure;
    } finally {
      if (timer) clearTimeout(timer);
      const peakGrowthMB = memory.stop();
      const limitMB = this.manifest.memoryMB;
      const overLimit = peakGrowthMB > limitMB;
      if (overLimit) {
        console.warn(
          `[local-site] ${spec.moduleKey} (${spec.functionKey}${spec.resolverKey === undefined ? '' : ` ${spec.resolverKey}`}) ` +
            `grew the heap by ${peakGrowthMB.toFixed(0)} MB, over the manifest's memoryMB of ${String(limitMB)} MB: ` +
            'on Forge this invocation could run out of memory.',
        );
      }
      const cpu = process.cpuUsage(cpuStart);
      this.log.add({
        invocationId,
        kind: spec.kind,
        moduleKey: spec.moduleKey,
        functionKey: spec.functionKey,
        ...(spec.resolverKey === undefined ? {} : { resolverKey: spec.resolverKey }),
        ...(spec.principal === undefined ? {} : { accountId: spec.principal }),
        startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
        wallMs: performance.now() - started,
        cpuMs: (cpu.user + cpu.system) / 1000,
        jiraCalls: state.jiraCalls,
        storageCalls: state.storageCalls,
        sequentialRoundTrips: state.sequentialRoundTrips,
        timeoutMs: spec.timeoutMs,
        memory: { peakGrowthMB, limitMB, overLimit },
        outcome,
        ...(failure ? { error: { errorType: failure.errorType, errorMessage: failure.message } } : {}),
      });
      // A push that reached Forge stands even if the invocation failed afterwards.
      if (state.pushes.length > 0) this.events.asyncEvents(state.pushes);
    }
  }

  private runtimeObject(
    spec: InvocationSpec,
    invocationId: string,
    deadline: number,
  ): Record<string, unknown> {
    const fn = this.manifest.functions.get(spec.functionKey);
    const noopTimer = { measure: () => ({ stop: () => undefined }) };
    const noopCounter = {
      incr: () => undefined,
      incrBy: () => undefined,
      decr: () => undefined,
      decrBy: () => undefined,
    };
    return {
      proxy: { token: 'local-forge-proxy-token', url: 'http://localhost/local-forge-proxy' },
      contextAri: this.installContext,
      container: {
        region: 'local',
        runtime: 'nodejs22.x',
        handler: fn ? `${fn.file}.${fn.exportName}` : undefined,
        appCodeDir: this.identity.appRoot,
      },
      appContext: {
        appId: this.identity.appId,
        appVersion: '1.0.0',
        environmentId: this.identity.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId,
        installationId: this.identity.installationId,
        functionKey: spec.functionKey,
        moduleType: spec.moduleType,
        moduleKey: spec.moduleKey,
        permissions: { scopes: [...this.manifest.scopes], external: {} },
      },
      ...(spec.principal === undefined ? {} : { aaid: spec.principal }),
      lambdaContext: {
        awsRequestId: invocationId,
        getRemainingTimeInMillis: () =>
          deadline === Infinity ? 900_000 : Math.max(0, deadline - Date.now()),
      },
      tracing: {
        traceId: randomUUID().replace(/-/g, ''),
        spanId: randomUUID().replace(/-/g, '').slice(0, 16),
      },
      realtime: {},
      metrics: {
        timing: () => noopTimer,
        counter: () => noopCounter,
        gauge: () => ({ set: () => undefined }),
      },
      featureFlags: () => false,
    };
  }
}
