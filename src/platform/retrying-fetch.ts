/**
 * Retries for rate limits and transient failures of Jira and of Forge storage. Jira answers 429 with `Retry-After`
 * (seconds) when any of its three limits is hit, and gateways answer 5xx now and then; both are
 * worth retrying, within a budget that keeps a resolver far inside Forge's 25 s limit.
 */
export interface RetryPolicy {
  maxAttempts: number;
  /** First backoff for 5xx; doubles per attempt, with jitter. */
  baseDelayMs: number;
  /** Longest single wait, whatever `Retry-After` asks for. */
  maxDelayMs: number;
  /** Total waiting allowed across retries before giving up. */
  budgetMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export interface OnceResponse {
  status: number;
  retryAfter: string | null;
  text(): Promise<string>;
}

export type FetchOnce<Target> = (
  target: Target,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<OnceResponse>;

export type RetriedResponse = OnceResponse & { attempts: number };

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  budgetMs: 8000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `Retry-After` is seconds or an HTTP date; anything else falls back to backoff. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * How long to wait before attempt `attempt + 1`, or null when the policy gives up: `Retry-After`
 * when the failure carried one, else exponential backoff with jitter; never past the budget.
 */
export function nextRetryDelay(
  policy: RetryPolicy,
  { attempt, askedMs, waitedMs }: { attempt: number; askedMs: number | null; waitedMs: number },
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + policy.random());
  const delay = Math.min(policy.maxDelayMs, askedMs ?? backoff);
  return waitedMs + delay > policy.budgetMs ? null : delay;
}

/** A failure worth another attempt, and how long it asked to wait (null: it did not say). */
export interface RetryableFailure {
  retryAfterMs: number | null;
}

/**
 * Runs `operation` again while it fails with something `retryable` recognises (a rate limit, a
 * transient server error), under the same policy as `retryingFetch`. The last failure is thrown,
 * with the number of attempts made passed to `onGiveUp` so that the caller can say so.
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  retryable: (error: unknown) => RetryableFailure | null,
  overrides: Partial<RetryPolicy> & { onGiveUp?: (error: unknown, attempts: number) => unknown } = {},
): Promise<T> {
  const policy = { ...defaultRetryPolicy, ...overrides };
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const failure = retryable(error);
      if (failure === null) throw error;
      const delay = nextRetryDelay(policy, { attempt, askedMs: failure.retryAfterMs, waitedMs });
      if (delay === null) throw overrides.onGiveUp ? overrides.onGiveUp(error, attempt) : error;
      waitedMs += delay;
      await policy.sleep(delay);
    }
  }
}

export function retryingFetch<Target>(
  once: FetchOnce<Target>,
  overrides: Partial<RetryPolicy> = {},
): (target: Target, init: Parameters<FetchOnce<Target>>[1]) => Promise<RetriedResponse> {
  const policy = { ...defaultRetryPolicy, ...overrides };
  return async (target, init) => {
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      const response = await once(target, init);
      if (!isRetryable(response.status)) return { ...response, attempts: attempt };
      const askedMs = retryAfterMs(response.retryAfter, Date.now());
      const delay = nextRetryDelay(policy, { attempt, askedMs, waitedMs });
      if (delay === null) return { ...response, attempts: attempt };
      waitedMs += delay;
      await policy.sleep(delay);
    }
  };
}
