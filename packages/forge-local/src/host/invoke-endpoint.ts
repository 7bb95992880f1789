/**
 * `POST /api/invoke`: runs a resolver the way the bridge's `invoke()` does and answers with its
 * result, or with a Forge-like `{errorType, errorMessage}` when the resolver throws.
 */
import { z } from 'zod';
import { InvokeError, type LocalSite } from '../site-api';
import type { HostError } from './api-types';

export const invokeRequestSchema = z.strictObject({
  moduleKey: z.string().min(1),
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  accountId: z.string().min(1),
  extension: z.record(z.string(), z.unknown()).optional(),
});

export type InvokeEndpointAnswer =
  | { status: 200; body: unknown }
  /** The resolver returned `undefined`, which JSON cannot carry; the shell turns 204 back into it. */
  | { status: 204 }
  | { status: 400 | 500; body: HostError };

export function badRequest(errorMessage: string): { status: 400; body: HostError } {
  return { status: 400, body: { errorType: 'BAD_REQUEST', errorMessage } };
}

/** 400 unless `accountId` is one of the site's demo users: a typo should not look like "no access". */
export function unknownUser(site: LocalSite, accountId: string): { status: 400; body: HostError } | null {
  if (site.users.some((u) => u.accountId === accountId)) return null;
  const known = site.users.map((u) => `${u.accountId} (${u.displayName})`).join(', ');
  return badRequest(`Unknown accountId "${accountId}"; the site's users are: ${known}.`);
}

export async function handleInvoke(site: LocalSite, body: unknown): Promise<InvokeEndpointAnswer> {
  const parsed = invokeRequestSchema.safeParse(body);
  if (!parsed.success) return badRequest(`Invalid invoke request: ${z.prettifyError(parsed.error)}`);
  const request = parsed.data;
  const noUser = unknownUser(site, request.accountId);
  if (noUser) return noUser;
  try {
    const result = await site.invoke(request);
    return result === undefined ? { status: 204 } : { status: 200, body: result };
  } catch (error) {
    if (error instanceof InvokeError) {
      return { status: 500, body: { errorType: error.errorType, errorMessage: error.message } };
    }
    // Not the resolver's doing (an unknown module, a runtime fault): say so rather than hide it.
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { errorType: 'LOCAL_RUNTIME_ERROR', errorMessage: message } };
  }
}
