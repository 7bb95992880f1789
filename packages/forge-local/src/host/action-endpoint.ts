/**
 * `POST /api/action`: runs a Rovo action as an agent would for a user (`site.invokeAction`), so a
 * developer can try an app's actions without Rovo: `curl -d '{"actionKey": …, "accountId": …,
 * "inputs": {…}}'`. Answers the handler's result, or a Forge-like `{errorType, errorMessage}`.
 */
import { z } from 'zod';
import type { LocalSite } from '../site-api';
import { answerSiteCall, type SiteCallAnswer } from './site-call-endpoint';

export const actionRequestSchema = z.strictObject({
  actionKey: z.string().min(1),
  accountId: z.string().min(1),
  inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  issueKey: z.string().min(1).optional(),
});

export function handleAction(site: LocalSite, body: unknown): Promise<SiteCallAnswer> {
  return answerSiteCall(site, body, actionRequestSchema, 'action', (request) =>
    site.invokeAction({
      actionKey: request.actionKey,
      accountId: request.accountId,
      ...(request.inputs === undefined ? {} : { inputs: request.inputs }),
      ...(request.issueKey === undefined ? {} : { issueKey: request.issueKey }),
    }),
  );
}
