/**
 * Calls the app's handlers with exactly the arguments Forge passes each kind of module:
 * - resolvers: `({call: {functionKey, payload, jobId}, context}, {principal, installContext, ...})`;
 * - product event triggers: `(event, context)`, honouring `filter.ignoreSelf`;
 * - scheduled triggers: `({context: {cloudId, moduleKey}, contextToken}, {principal: undefined, installContext})`;
 * - queue consumers: `(asyncEvent, context)` with `{body, queueName, jobId, eventId, retryContext?}`,
 *   retried (up to 4 times) when the handler throws or returns an `InvocationError`;
 * - Rovo actions: `({...inputs, context: {cloudId, moduleKey, jira?}}, {principal, installContext})`.
 */
import { randomUUID } from 'node:crypto';
import type { AppManifest } from '../app/app-manifest';
import { InvokeError, type ActionRequest, type InvokeRequest } from '../site-api';
import type { DeliveryOutcome, PendingEvent } from './event-dispatcher';
import { PRODUCT_TRIGGER_TIMEOUT_MS, RESOLVER_TIMEOUT_MS, type Invoker } from './invoker';

/** The front end's `invoke()` request and response size limits. */
export const MAX_INVOKE_REQUEST_BYTES = 500 * 1024;
export const MAX_INVOKE_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface ResolverLimits {
  /** Apply the bridge's payload limits and the 25 s resolver timeout (off only for the seed's import). */
  enforce: boolean;
}

/**
 * The time limits invocations run under. Defaults are Forge's; tests shorten them to see a
 * timeout quickly. `asyncMs`, when set, replaces every scheduled trigger's and consumer's
 * `timeoutSeconds`.
 */
export interface InvocationTimeouts {
  resolverMs?: number;
  productTriggerMs?: number;
  asyncMs?: number;
}

export interface SiteFacts {
  cloudId: string;
  siteUrl: string;
  appId: string;
  environmentId: string;
}

export class AppRuntime {
  constructor(
    private readonly manifest: AppManifest,
    private readonly invoker: Invoker,
    private readonly site: SiteFacts,
    private readonly timeouts: InvocationTimeouts = {},
  ) {}

  private asyncTimeoutFor(functionKey: string): number {
    return this.timeouts.asyncMs ?? this.invoker.asyncTimeoutFor(functionKey);
  }

  async invokeResolver(request: InvokeRequest, limits: ResolverLimits = { enforce: true }): Promise<unknown> {
    const module = this.manifest.resolverModules.get(request.moduleKey);
    if (!module) {
      throw new InvokeError(
        `manifest.yml has no module '${request.moduleKey}' with a resolver`,
        'MODULE_NOT_FOUND',
      );
    }
    // The payload crosses the bridge as JSON, exactly as from a browser.
    const payloadJson = request.payload === undefined ? undefined : JSON.stringify(request.payload);
    if (
      limits.enforce &&
      payloadJson !== undefined &&
      Buffer.byteLength(payloadJson) > MAX_INVOKE_REQUEST_BYTES
    ) {
      throw new InvokeError('The invoke request payload exceeds the 500 KB limit.', 'PAYLOAD_TOO_LARGE');
    }
    const payload: unknown = payloadJson === undefined ? undefined : JSON.parse(payloadJson);
    const context = {
      localId: `ari:cloud:ecosystem::extension/${this.site.appId}/${this.site.environmentId}/static/${module.moduleKey}`,
      cloudId: this.site.cloudId,
      siteUrl: this.site.siteUrl,
      moduleKey: module.moduleKey,
      environmentId: this.site.environmentId,
      environmentType: 'DEVELOPMENT',
      accountType: 'licensed',
      locale: 'en-US',
      timezone: 'Europe/London',
      extension: { ...(request.extension ?? {}), type: module.moduleType },
    };
    const result = await this.invoker.run({
      kind: 'resolver',
      moduleKey: module.moduleKey,
      moduleType: module.moduleType,
      functionKey: module.functionKey,
      resolverKey: request.functionKey,
      principal: request.accountId,
      timeoutMs: limits.enforce ? (this.timeouts.resolverMs ?? RESOLVER_TIMEOUT_MS) : null,
      args: [
        { call: { functionKey: request.functionKey, payload, jobId: undefined }, context },
        { principal: { accountId: request.accountId }, installContext: this.invoker.installContext },
      ],
    });
    if (result === undefined) return undefined;
    const json = JSON.stringify(result);
    if (limits.enforce && Buffer.byteLength(json) > MAX_INVOKE_RESPONSE_BYTES) {
      throw new InvokeError('The resolver response exceeds the 5 MB limit.', 'PAYLOAD_TOO_LARGE');
    }
    return JSON.parse(json) as unknown;
  }

  /**
   * Runs a Rovo `action` as an agent does for the user chatting with it. The payload is the one
   * Forge documents for actions
   * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/rovo-action/): the
   * inputs at its top level, by their manifest names, and `context` with the site's `cloudId`,
   * the `moduleKey` and, when the chat is opened on an issue, `jira` (`url`, `resourceType`,
   * `issueKey`, `issueId`, `issueType`, `issueTypeId`, `projectKey`, `projectId`). The second
   * argument is the function context of every Forge function, with the user as `principal`
   * (https://developer.atlassian.com/platform/forge/function-reference/arguments/), so `asUser()`
   * calls act as them. Inputs are checked against the manifest as Rovo fills them: a required
   * one missing, an undeclared one or one of the wrong type is refused before the handler runs,
   * so a test cannot pass on a payload Rovo would never send. An action runs under the 25 s limit.
   */
  async invokeAction(request: ActionRequest, jira?: Record<string, unknown>): Promise<unknown> {
    const action = this.manifest.actions.get(request.actionKey);
    if (!action) {
      throw new InvokeError(`manifest.yml has no action '${request.actionKey}'`, 'MODULE_NOT_FOUND');
    }
    if (action.agentKeys.length === 0) {
      throw new InvokeError(
        `No rovo:agent in manifest.yml lists the action '${action.key}', so no agent can call it`,
        'MODULE_NOT_FOUND',
      );
    }
    const inputs = request.inputs ?? {};
    for (const [name, value] of Object.entries(inputs)) {
      const declared = action.inputs.get(name);
      if (!declared) {
        throw new InvokeError(`The action '${action.key}' declares no input '${name}'`, 'BAD_ACTION_INPUT');
      }
      const fits =
        declared.type === 'string'
          ? typeof value === 'string'
          : declared.type === 'boolean'
            ? typeof value === 'boolean'
            : typeof value === 'number' &&
              Number.isFinite(value) &&
              (declared.type === 'number' || Number.isInteger(value));
      if (!fits) {
        throw new InvokeError(
          `The input '${name}' of the action '${action.key}' is a ${declared.type}; Rovo would not send ${JSON.stringify(value)}`,
          'BAD_ACTION_INPUT',
        );
      }
    }
    for (const [name, declared] of action.inputs) {
      if (declared.required && !(name in inputs)) {
        throw new InvokeError(
          `The action '${action.key}' requires the input '${name}'; Rovo asks the user for it first`,
          'BAD_ACTION_INPUT',
        );
      }
    }
    const payload: unknown = JSON.parse(
      JSON.stringify({
        ...inputs,
        context: {
          cloudId: this.site.cloudId,
          moduleKey: action.key,
          ...(jira === undefined ? {} : { jira }),
        },
      }),
    );
    const result = await this.invoker.run({
      kind: 'action',
      moduleKey: action.key,
      moduleType: 'action',
      functionKey: action.functionKey,
      principal: request.accountId,
      timeoutMs: this.timeouts.resolverMs ?? RESOLVER_TIMEOUT_MS,
      args: [
        payload,
        { principal: { accountId: request.accountId }, installContext: this.invoker.installContext },
      ],
    });
    return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);
  }

  async runScheduledTrigger(triggerKey: string): Promise<void> {
    const trigger = this.manifest.scheduledTriggers.get(triggerKey);
    if (!trigger) throw new Error(`manifest.yml has no scheduledTrigger '${triggerKey}'`);
    await this.invoker.run({
      kind: 'scheduledTrigger',
      moduleKey: trigger.key,
      moduleType: 'scheduledTrigger',
      functionKey: trigger.functionKey,
      timeoutMs: this.asyncTimeoutFor(trigger.functionKey),
      args: [
        { context: { cloudId: this.site.cloudId, moduleKey: trigger.key }, contextToken: randomUUID() },
        { principal: undefined, installContext: this.invoker.installContext },
      ],
    });
  }

  /** Delivers one pending event to the modules that subscribe to it. */
  async deliver(pending: PendingEvent): Promise<DeliveryOutcome> {
    if (pending.kind === 'product') {
      const { event } = pending;
      for (const trigger of this.manifest.triggers) {
        if (!trigger.events.includes(event.eventType)) continue;
        if (trigger.ignoreSelf && event.selfGenerated) continue;
        try {
          await this.invoker.run({
            kind: 'trigger',
            moduleKey: trigger.key,
            moduleType: 'trigger',
            functionKey: trigger.functionKey,
            // Product-event triggers get 25 s; Forge ignores their function's timeoutSeconds.
            timeoutMs: this.timeouts.productTriggerMs ?? PRODUCT_TRIGGER_TIMEOUT_MS,
            args: [
              { ...event.payload, selfGenerated: event.selfGenerated },
              { installContext: this.invoker.installContext, principal: undefined },
            ],
          });
        } catch {
          // Already in the invocation log; Forge does not redeliver product events to a failed trigger.
        }
      }
      return { retry: false };
    }

    const { push } = pending;
    const consumers = this.manifest.consumers.filter((c) => c.queue === push.queueName);
    if (consumers.length === 0) {
      console.warn(`[local-site] no consumer in manifest.yml for queue '${push.queueName}'; event dropped`);
      return { retry: false };
    }
    let outcome: DeliveryOutcome = { retry: false };
    for (const consumer of consumers) {
      const asyncEvent: Record<string, unknown> = {
        body: push.body,
        queueName: push.queueName,
        jobId: push.jobId,
        eventId: push.eventId,
      };
      if (pending.retryCount > 0) {
        asyncEvent.retryContext = {
          retryCount: pending.retryCount,
          retryReason: pending.lastError ?? 'FUNCTION_RETRY_REQUEST',
          retryData: undefined,
        };
      }
      try {
        const result = await this.invoker.run({
          kind: 'consumer',
          moduleKey: consumer.key,
          moduleType: 'consumer',
          functionKey: consumer.functionKey,
          principal: push.principal,
          timeoutMs: this.asyncTimeoutFor(consumer.functionKey),
          args: [
            asyncEvent,
            {
              installContext: this.invoker.installContext,
              principal: push.principal === undefined ? undefined : { accountId: push.principal },
            },
          ],
        });
        const retry = retryRequest(result);
        if (retry) outcome = retry;
      } catch (error) {
        const timedOut = error instanceof InvokeError && error.errorType === 'FUNCTION_TIME_OUT';
        outcome = {
          retry: true,
          reason: timedOut ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR',
          afterSeconds: 1,
        };
      }
    }
    return outcome;
  }
}

/** An `InvocationError` from `@forge/events` (`{_retry: true, retryOptions}`) asks Forge to retry. */
function retryRequest(result: unknown): DeliveryOutcome | null {
  if (typeof result !== 'object' || result === null) return null;
  const candidate = result as {
    _retry?: unknown;
    retryOptions?: { retryAfter?: unknown; retryReason?: unknown };
  };
  if (candidate._retry !== true) return null;
  const after = candidate.retryOptions?.retryAfter;
  const reason = candidate.retryOptions?.retryReason;
  return {
    retry: true,
    reason: typeof reason === 'string' ? reason : 'FUNCTION_RETRY_REQUEST',
    afterSeconds: typeof after === 'number' && after > 0 ? after : 1,
  };
}
