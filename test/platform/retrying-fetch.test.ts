import { retryAfterMs, retryingFetch, type OnceResponse } from '../../src/platform/retrying-fetch';

function answers(...statuses: [number, string | null][]) {
  const calls: string[] = [];
  const once = (target: string): Promise<OnceResponse> => {
    calls.push(target);
    const [status, retryAfter] = statuses[Math.min(calls.length - 1, statuses.length - 1)] ?? [200, null];
    return Promise.resolve({ status, retryAfter, text: () => Promise.resolve(`body ${calls.length}`) });
  };
  return { once, calls };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

const init = { method: 'GET', headers: {} };

describe('retryingFetch', () => {
  it('returns the first answer when it is not a 429 or 5xx', async () => {
    const { once, calls } = answers([404, null]);
    const { sleep, waits } = recordingSleep();

    const response = await retryingFetch(once, { sleep })('/x', init);

    expect(response.status).toBe(404);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('waits as long as Retry-After asks, then retries a 429', async () => {
    const { once, calls } = answers([429, '2'], [200, null]);
    const { sleep, waits } = recordingSleep();

    const response = await retryingFetch(once, { sleep })('/x', init);

    expect(response.status).toBe(200);
    expect(response.attempts).toBe(2);
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('backs off exponentially on 5xx', async () => {
    const { once } = answers([503, null], [502, null], [200, null]);
    const { sleep, waits } = recordingSleep();

    await retryingFetch(once, { sleep, random: () => 0.5, baseDelayMs: 100 })('/x', init);

    expect(waits).toEqual([100, 200]);
  });

  it('gives up after maxAttempts and returns the last failure', async () => {
    const { once, calls } = answers([500, null]);
    const { sleep } = recordingSleep();

    const response = await retryingFetch(once, { sleep, maxAttempts: 3 })('/x', init);

    expect(response.status).toBe(500);
    expect(calls).toHaveLength(3);
  });

  it('stops retrying when the next wait would exceed the budget', async () => {
    const { once, calls } = answers([429, '30']);
    const { sleep, waits } = recordingSleep();

    const response = await retryingFetch(once, { sleep, maxDelayMs: 60_000, budgetMs: 8000 })('/x', init);

    expect(response.status).toBe(429);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds', () => {
    expect(retryAfterMs('1.5', 0)).toBe(1500);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');

    expect(retryAfterMs('Mon, 23 Nov 2026 10:00:03 GMT', now)).toBe(3000);
  });

  it('returns null when the header is missing or unreadable', () => {
    expect(retryAfterMs(null, 0)).toBeNull();
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});
