/**
 * The one response shape every resolver returns across the bridge. Expected failures are data,
 * not exceptions, so the UI can always show a message and put field errors next to their inputs.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'UPSTREAM'
  /** The stored value record cannot be read; `details` say why and how to overwrite it. */
  | 'UNREADABLE_RECORD'
  /**
   * A save stored part of what it writes, or cannot tell whether Jira stored it: the message says
   * what is known; the user should reload.
   */
  | 'SAVE_INCOMPLETE'
  | 'INTERNAL';

export interface FieldError {
  /** Dotted path into the payload, e.g. `value.benefits[0].planned[1].amount`. */
  path: string;
  message: string;
}

export interface ResolverError {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  /** What the UI needs to recover, e.g. the current record on a `CONFLICT`. */
  details?: unknown;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

export function success<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function failure(error: ResolverError): Envelope<never> {
  return { ok: false, error };
}
