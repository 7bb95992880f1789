/**
 * What `POST /api/invoke` and `POST /api/action` share: both run app code on the site for a user
 * and answer as Forge does, with the result or a Forge-like `{errorType, errorMessage}`, rather
 * than with the host's plain errors.
 */
import { z } from 'zod';
import { InvokeError, type LocalSite } from '../site-api';
import type { HostError } from './api-types';

export type SiteCallAnswer =
  | { status: 200; body: unknown }
  /** The app code returned `undefined`, which JSON cannot carry; the shell turns 204 back into it. */
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

/**
 * Checks `body` against `schema` and its `accountId` against the site's users, then answers what
 * `call` returns or throws. `requestName` names the request in a 400 ("Invalid invoke request").
 */
export async function answerSiteCall<Request extends { accountId: string }>(
  site: LocalSite,
  body: unknown,
  schema: z.ZodType<Request>,
  requestName: string,
  call: (request: Request) => Promise<unknown>,
): Promise<SiteCallAnswer> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) return badRequest(`Invalid ${requestName} request: ${z.prettifyError(parsed.error)}`);
  const request = parsed.data;
  const noUser = unknownUser(site, request.accountId);
  if (noUser) return noUser;
  try {
    const result = await call(request);
    return result === undefined ? { status: 204 } : { status: 200, body: result };
  } catch (error) {
    if (error instanceof InvokeError) {
      return { status: 500, body: { errorType: error.errorType, errorMessage: error.message } };
    }
    // Not the app's doing (an unknown module, a runtime fault): say so rather than hide it.
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { errorType: 'LOCAL_RUNTIME_ERROR', errorMessage: message } };
  }
}
