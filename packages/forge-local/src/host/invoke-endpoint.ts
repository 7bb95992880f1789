/**
 * `POST /api/invoke`: runs a resolver the way the bridge's `invoke()` does and answers with its
 * result, or with a Forge-like `{errorType, errorMessage}` when the resolver throws.
 */
import { z } from 'zod';
import type { LocalSite } from '../site-api';
import { answerSiteCall, type SiteCallAnswer } from './site-call-endpoint';

export const invokeRequestSchema = z.strictObject({
  moduleKey: z.string().min(1),
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  accountId: z.string().min(1),
  extension: z.record(z.string(), z.unknown()).optional(),
});

export function handleInvoke(site: LocalSite, body: unknown): Promise<SiteCallAnswer> {
  return answerSiteCall(site, body, invokeRequestSchema, 'invoke', (request) => site.invoke(request));
}
