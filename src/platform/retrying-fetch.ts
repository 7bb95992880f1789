/**
 * Retries for Jira's rate limits and transient failures. Jira answers 429 with `Retry-After`
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

function isRetryable(status: number): boolean {
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

export function retryingFetch<Target>(
  once: FetchOnce<Target>,
  overrides: Partial<RetryPolicy> = {},
): (target: Target, init: Parameters<FetchOnce<Target>>[1]) => Promise<RetriedResponse> {
  const policy = { ...defaultRetryPolicy, ...overrides };
  return async (target, init) => {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const response = await once(target, init);
      if (!isRetryable(response.status) || attempt >= policy.maxAttempts)
        return { ...response, attempts: attempt };
      const backoff = policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + policy.random());
      const asked = retryAfterMs(response.retryAfter, Date.now());
      const delay = Math.min(policy.maxDelayMs, asked ?? backoff);
      if (waited + delay > policy.budgetMs) return { ...response, attempts: attempt };
      waited += delay;
      await policy.sleep(delay);
    }
  };
}
