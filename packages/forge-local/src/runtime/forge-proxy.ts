/**
 * The Forge proxy: where `__forge_fetch__` calls (and the Custom UI bridge's `requestJira`) land.
 * It works out who is calling (`asUser()` → the invoking user, `asApp()` → the app), applies the
 * injected faults, counts the call, and hands it to the Jira, storage or async-events emulator.
 */
import { randomUUID } from 'node:crypto';
import type { AppManifest } from '../app/app-manifest';
import type { CallCounter } from '../faults/call-stats';
import type { FaultInjector, InjectedFault } from '../faults/fault-injector';
import type { JiraEmulator } from '../jira/jira-emulator';
import type { Caller } from '../jira/permissions';
import type { KvsEmulator } from '../storage/kvs-emulator';
import type { CollectionStore } from '../persistence/collection-store';
import type { EventDispatcher } from './event-dispatcher';
import { reportAccounts } from './personal-data-reporting';
import type { ForgeFetchOptions, ForgeRequestInit, InvocationState } from './forge-globals';

export interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

/** One Jira REST call as made and as answered, for contract tests that check both against the spec. */
export interface JiraExchange {
  method: string;
  /** Path and query as sent. */
  path: string;
  /** The OpenAPI path template the call hit, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  template: string;
  requestBody: string | undefined;
  status: number;
  responseBody: string;
  /** Whether the fault injector answered instead of Jira. */
  injectedFault: boolean;
}

export interface ForgeProxyDeps {
  manifest: AppManifest;
  jira: JiraEmulator;
  storage: KvsEmulator;
  store: CollectionStore;
  faults: FaultInjector;
  stats: CallCounter;
  events: EventDispatcher;
  appAccountId: string;
}

export class ForgeProxy {
  private readonly exchangeListeners = new Set<(exchange: JiraExchange) => void>();

  constructor(private readonly deps: ForgeProxyDeps) {}

  onJiraExchange(listener: (exchange: JiraExchange) => void): () => void {
    this.exchangeListeners.add(listener);
    return () => this.exchangeListeners.delete(listener);
  }

  /** A Jira REST call by `caller`; `selfGenerated` marks the app's own calls for `ignoreSelf`. */
  async jira(
    caller: Caller,
    method: string,
    pathAndQuery: string,
    body: string | undefined,
    selfGenerated: boolean,
  ): Promise<RawResponse> {
    const url = new URL(pathAndQuery, 'https://jira.invalid');
    const endpoint = this.deps.jira.endpointOf(method, url.pathname);
    this.deps.stats.count('jira', endpoint);
    const fault = await this.deps.faults.before('jira');
    let answer: RawResponse;
    if (fault) {
      answer = jiraFault(fault);
    } else {
      const response = this.deps.store.atomically(() =>
        this.deps.jira.handle({
          method,
          path: url.pathname,
          query: url.searchParams,
          rawBody: body,
          caller,
          selfGenerated,
        }),
      );
      const headers: Record<string, string> = { 'x-arequestid': randomUUID(), ...(response.headers ?? {}) };
      if (response.body === undefined) {
        answer = raw(response.status, headers, '');
      } else {
        headers['content-type'] = 'application/json;charset=UTF-8';
        answer = raw(response.status, headers, JSON.stringify(response.body));
      }
    }
    for (const listener of this.exchangeListeners) {
      listener({
        method: method.toUpperCase(),
        path: pathAndQuery,
        template: endpoint.slice(endpoint.indexOf(' ') + 1),
        requestBody: body,
        status: answer.status,
        responseBody: answer.body,
        injectedFault: fault !== null,
      });
    }
    return answer;
  }

  async storage(path: string, body: string | undefined): Promise<RawResponse> {
    this.deps.stats.count('storage', `kvs ${path}`);
    const fault = await this.deps.faults.before('storage');
    if (fault) return storageFault(fault);
    const response = this.deps.storage.handle(path, body);
    const headers: Record<string, string> = { 'x-b3-traceid': randomUUID().replace(/-/g, '').slice(0, 16) };
    if (response.body === undefined) return raw(response.status, headers, '');
    headers['content-type'] = 'application/json';
    return raw(response.status, headers, JSON.stringify(response.body));
  }

  /** `__forge_fetch__` for one invocation. */
  async forgeFetch(
    state: InvocationState,
    options: ForgeFetchOptions,
    path: string,
    init: ForgeRequestInit | undefined,
  ): Promise<Response> {
    const body = bodyText(init?.body);
    const method = (init?.method ?? 'GET').toUpperCase();
    if (options.type === 'kvs') {
      state.storageCalls++;
      return toResponse(await inWave(state, () => this.storage(path, body)));
    }
    if (options.type === 'fpp' && options.remote === 'jira') {
      const caller = this.callerFor(state, options);
      if ('error' in caller) return toResponse(caller.error);
      state.jiraCalls++;
      return toResponse(await inWave(state, () => this.jira(caller, method, path, body, true)));
    }
    if (options.type === 'fpp' && options.remote === 'stargate' && path.startsWith('/webhook/queue/')) {
      this.deps.stats.count('other', `events ${path.split('/').slice(0, 4).join('/')}`);
      return toResponse(this.queue(state, path, body));
    }
    if (options.type === 'fpp' && options.remote === 'stargate' && path === '/app/report-accounts') {
      this.deps.stats.count('other', 'privacy /app/report-accounts');
      return toResponse(reportAccounts(this.deps.jira.context.store, body));
    }
    if (options.type === 'frc') return toResponse(proxyError(400, 'INVALID_REMOTE'));
    if (options.type === 'fcc') return toResponse(proxyError(400, 'INVALID_SERVICE_KEY'));
    return toResponse(
      proxyError(
        404,
        'UNSUPPORTED_BY_LOCAL_RUNTIME',
        `The local Forge runtime does not serve ${options.type}/${String(options.remote)} ${path}`,
      ),
    );
  }

  private callerFor(state: InvocationState, options: ForgeFetchOptions): Caller | { error: RawResponse } {
    if (options.provider === 'app') return { kind: 'app', accountId: this.deps.appAccountId };
    if (options.provider !== 'user') {
      return {
        error: proxyError(
          400,
          'UNSUPPORTED_PROVIDER',
          'Use asUser() or asApp() to call Jira; the bare requestJira is not supported.',
        ),
      };
    }
    if (options.accountId !== undefined && options.accountId !== state.principal) {
      // Offline impersonation (asUser(accountId)) needs `allowImpersonation` on the scope.
      if (!this.deps.manifest.impersonationScopes.has('read:jira-work')) {
        return {
          error: proxyError(
            403,
            'IMPERSONATION_NOT_ALLOWED',
            'asUser(accountId) needs a scope declared with allowImpersonation: true in manifest.yml.',
          ),
        };
      }
      return { kind: 'user', accountId: options.accountId };
    }
    if (state.principal === undefined) {
      return {
        error: proxyError(
          401,
          'NO_USER_CONTEXT',
          'asUser() needs an invocation made by a user; triggers and scheduled runs have none.',
        ),
      };
    }
    return { kind: 'user', accountId: state.principal };
  }

  /** `@forge/events` Queue.push / getStats / cancel (`/webhook/queue/{publish|stats|cancel}/...`). */
  private queue(state: InvocationState, path: string, body: string | undefined): RawResponse {
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(body ?? '') as Record<string, unknown>;
    } catch {
      return jsonRaw(400, { message: 'Invalid request body' });
    }
    const queueName = String(request.queueName);
    const jobId = String(request.jobId);
    if (path.startsWith('/webhook/queue/publish/')) {
      if (!QUEUE_NAME.test(queueName) || !Array.isArray(request.payload))
        return jsonRaw(400, { message: 'Invalid push request' });
      for (const event of request.payload as { body: Record<string, unknown>; delayInSeconds?: number }[]) {
        state.pushes.push({
          queueName,
          jobId,
          eventId: randomUUID(),
          body: event.body,
          delayInSeconds: event.delayInSeconds ?? 0,
          principal: state.principal,
        });
      }
      return jsonRaw(201, {});
    }
    const job = this.deps.events.jobStats(jobId);
    if (!job) return jsonRaw(404, { message: `Job ${jobId} does not exist in queue ${queueName}` });
    if (path.startsWith('/webhook/queue/stats/')) {
      return jsonRaw(200, { success: job.success, inProgress: job.inProgress, failed: job.failed });
    }
    if (path.startsWith('/webhook/queue/cancel/')) {
      this.deps.events.cancelJob(jobId);
      return raw(204, {}, '');
    }
    return jsonRaw(404, { message: `Unknown queue operation ${path}` });
  }
}

/** Runs one outbound call of an invocation, counting a new wave when none of its calls is in flight. */
async function inWave<T>(state: InvocationState, call: () => Promise<T>): Promise<T> {
  if (state.inFlight === 0) state.sequentialRoundTrips++;
  state.inFlight++;
  try {
    return await call();
  } finally {
    state.inFlight--;
  }
}

function jiraFault(fault: InjectedFault): RawResponse {
  if (fault.kind === 'rate-limited') {
    const reset = new Date(Date.now() + fault.retryAfterSeconds * 1000).toISOString();
    return raw(
      429,
      {
        'content-type': 'application/json;charset=UTF-8',
        'retry-after': String(fault.retryAfterSeconds),
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
        'ratelimit-reason': 'jira-burst-based',
      },
      JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }),
    );
  }
  if (fault.status === 500) {
    return raw(
      500,
      { 'content-type': 'application/json;charset=UTF-8' },
      JSON.stringify({ errorMessages: ['Internal server error'], errors: {} }),
    );
  }
  // Gateway errors come from the edge, not from Jira: not JSON.
  return raw(fault.status, { 'content-type': 'text/plain' }, STATUS_TEXT[fault.status] ?? 'Error');
}

function storageFault(fault: InjectedFault): RawResponse {
  if (fault.kind === 'rate-limited') {
    return raw(
      429,
      { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds) },
      JSON.stringify({ code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }),
    );
  }
  return raw(
    fault.status,
    { 'content-type': 'application/json' },
    JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'An internal server error has occurred' }),
  );
}

/** An error raised by the Forge proxy itself: `@forge/api` turns the header into a ProxyRequestError. */
function proxyError(status: number, code: string, message = code): RawResponse {
  return raw(
    status,
    { 'forge-proxy-error': code, 'content-type': 'application/json' },
    JSON.stringify({ code, message }),
  );
}

function jsonRaw(status: number, body: unknown): RawResponse {
  return raw(status, { 'content-type': 'application/json' }, JSON.stringify(body));
}

function raw(status: number, headers: Record<string, string>, body: string): RawResponse {
  return { status, statusText: STATUS_TEXT[status] ?? '', headers, body };
}

export function toResponse(response: RawResponse): Response {
  const nullBody = response.status === 204 || response.status === 304;
  return new Response(nullBody ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (body instanceof URLSearchParams) return body.toString();
  throw new Error('The local Forge runtime accepts string, byte or URLSearchParams request bodies only');
}
