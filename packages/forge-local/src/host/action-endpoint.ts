/**
 * `POST /api/action`: runs a Rovo action as an agent would for a user (`site.invokeAction`), so a
 * developer can try an app's actions without Rovo: `curl -d '{"actionKey": …, "accountId": …,
 * "inputs": {…}}'`. Answers the handler's result, or a Forge-like `{errorType, errorMessage}`.
 */
import { z } from 'zod';
import { InvokeError, type LocalSite } from '../site-api';
import type { HostError } from './api-types';
import { badRequest, unknownUser } from './invoke-endpoint';

export const actionRequestSchema = z.strictObject({
  actionKey: z.string().min(1),
  accountId: z.string().min(1),
  inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  issueKey: z.string().min(1).optional(),
});

export type ActionEndpointAnswer =
  { status: 200; body: unknown } | { status: 204 } | { status: 400 | 500; body: HostError };

export async function handleAction(site: LocalSite, body: unknown): Promise<ActionEndpointAnswer> {
  const parsed = actionRequestSchema.safeParse(body);
  if (!parsed.success) return badRequest(`Invalid action request: ${z.prettifyError(parsed.error)}`);
  const request = parsed.data;
  const noUser = unknownUser(site, request.accountId);
  if (noUser) return noUser;
  try {
    const result = await site.invokeAction({
      actionKey: request.actionKey,
      accountId: request.accountId,
      ...(request.inputs === undefined ? {} : { inputs: request.inputs }),
      ...(request.issueKey === undefined ? {} : { issueKey: request.issueKey }),
    });
    return result === undefined ? { status: 204 } : { status: 200, body: result };
  } catch (error) {
    if (error instanceof InvokeError) {
      return { status: 500, body: { errorType: error.errorType, errorMessage: error.message } };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { errorType: 'LOCAL_RUNTIME_ERROR', errorMessage: message } };
  }
}
