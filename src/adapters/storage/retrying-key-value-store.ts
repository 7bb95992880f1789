import type { KeyValueStore } from '../../application/ports/key-value-store';
import {
  isRetryable,
  withRetries,
  type RetryableFailure,
  type RetryPolicy,
} from '../../platform/retrying-fetch';

/**
 * Forge storage answers 429 `RATE_LIMIT_EXCEEDED` when a quota is hit and 5xx now and then
 * (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs/); both
 * are worth retrying. `@forge/kvs` does not hand on the response headers, so a `Retry-After` is
 * honoured only where the error carries one; otherwise the wait is exponential backoff. The
 * budget is smaller than Jira's: a save makes several storage calls inside Forge's 25 s limit.
 */
export const storageRetryPolicy: Partial<RetryPolicy> = {
  maxAttempts: 4,
  baseDelayMs: 150,
  maxDelayMs: 2000,
  budgetMs: 4000,
};

const RETRYABLE_CODES = new Set(['RATE_LIMIT_EXCEEDED', 'TOO_MANY_REQUESTS', 'INTERNAL_SERVER_ERROR']);

/** Raised when Forge storage keeps failing after the retries: says what failed, and how. */
export class StorageUnavailableError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number | null,
    readonly attempts: number,
  ) {
    super(
      `Forge storage, where Value Layer keeps its settings, history and portfolio totals, did not answer while ${operation}${status === null ? '' : ` (HTTP ${String(status)})`} after ${String(attempts)} attempt${attempts === 1 ? '' : 's'}.`,
    );
    this.name = 'StorageUnavailableError';
  }
}

interface StorageErrorShape {
  code?: unknown;
  status?: unknown;
  retryAfterMs?: unknown;
  responseDetails?: { status?: unknown };
  context?: { retryAfter?: unknown };
}

function statusOf(error: unknown): number | null {
  const shape = (error ?? {}) as StorageErrorShape;
  const status = shape.responseDetails?.status ?? shape.status;
  return typeof status === 'number' ? status : null;
}

/** A rate limit or a transient server error of Forge storage; null for anything else. */
export function retryableStorageFailure(error: unknown): RetryableFailure | null {
  if (typeof error !== 'object' || error === null) return null;
  const shape = error as StorageErrorShape;
  const status = statusOf(error);
  const code = typeof shape.code === 'string' ? shape.code : '';
  if (!(status !== null && isRetryable(status)) && !RETRYABLE_CODES.has(code)) return null;
  const asked = shape.context?.retryAfter;
  return { retryAfterMs: typeof asked === 'number' && asked >= 0 ? asked * 1000 : null };
}

/**
 * Every call of `store` retried on Forge storage's rate limits and transient errors, in one place
 * so that every use case benefits. When the retries run out, `StorageUnavailableError` says which
 * operation failed. Retrying is safe: reads are reads, `set` and `transact` write the same values
 * again, and `setIfAbsent` checks whether an attempt whose answer was lost had in fact landed.
 */
export function retryingKeyValueStore(
  store: KeyValueStore,
  policy: Partial<RetryPolicy> = storageRetryPolicy,
): KeyValueStore {
  const retried = <T>(operation: string, call: (attempt: number) => Promise<T>): Promise<T> =>
    withRetries(call, retryableStorageFailure, {
      ...policy,
      onGiveUp: (error, attempts) => new StorageUnavailableError(operation, statusOf(error), attempts),
    });
  return {
    get: (key) => retried('reading', () => store.get(key)),
    getMany: (keys) => retried('reading', () => store.getMany(keys)),
    set: (key, value, options) => retried('writing', () => store.set(key, value, options)),
    async setIfAbsent(key, value, options) {
      let attempts = 0;
      const claimed = await retried('writing', (attempt) => {
        attempts = attempt;
        return store.setIfAbsent(key, value, options);
      });
      if (claimed || attempts === 1) return claimed;
      // An earlier attempt may have written the key before its answer was lost: then it is ours.
      const stored = await retried('reading', () => store.get(key));
      return JSON.stringify(stored) === JSON.stringify(value);
    },
    delete: (key) => retried('deleting', () => store.delete(key)),
    queryPrefix: (prefix, page) => retried('reading', () => store.queryPrefix(prefix, page)),
    transact: (operations) => retried('writing', () => store.transact(operations)),
  };
}
