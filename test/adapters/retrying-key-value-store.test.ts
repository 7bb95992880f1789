import {
  retryingKeyValueStore,
  StorageUnavailableError,
} from '../../src/adapters/storage/retrying-key-value-store';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';

/** An error shaped as `@forge/kvs` throws it (`ForgeKvsAPIError`). */
function storageError(status: number, code: string) {
  return Object.assign(new Error(code), { code, responseDetails: { status } });
}

/** The in-memory store, failing its next calls with the given errors (after doing the work, if `landed`). */
class FailingStore extends InMemoryKeyValueStore {
  failures: { error: Error; landed?: boolean }[] = [];
  calls = 0;

  private async fail<T>(work: () => Promise<T>): Promise<T> {
    this.calls++;
    const failure = this.failures.shift();
    if (failure === undefined) return work();
    if (failure.landed === true) await work();
    throw failure.error;
  }

  override get(key: string) {
    return this.fail(() => super.get(key));
  }

  override setIfAbsent(key: string, value: unknown) {
    return this.fail(() => super.setIfAbsent(key, value));
  }

  override set(key: string, value: unknown) {
    return this.fail(() => super.set(key, value));
  }
}

const noWait = { sleep: () => Promise.resolve(), random: () => 0.5 };

describe('retryingKeyValueStore', () => {
  it('returns the value after retrying 429s and 5xx', async () => {
    const inner = new FailingStore();
    await inner.set('k', 1);
    inner.failures = [
      { error: storageError(429, 'RATE_LIMIT_EXCEEDED') },
      { error: storageError(503, 'INTERNAL_SERVER_ERROR') },
    ];
    inner.calls = 0;

    const value = await retryingKeyValueStore(inner, noWait).get('k');

    expect(value).toBe(1);
    expect(inner.calls).toBe(3);
  });

  it('throws StorageUnavailableError naming the operation when the retries run out', async () => {
    const inner = new FailingStore();
    inner.failures = Array.from({ length: 10 }, () => ({
      error: storageError(503, 'INTERNAL_SERVER_ERROR'),
    }));

    const failure = await retryingKeyValueStore(inner, { ...noWait, maxAttempts: 3 })
      .get('k')
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StorageUnavailableError);
    expect((failure as Error).message).toMatch(/Forge storage.*reading \(HTTP 503\) after 3 attempts/);
    expect(inner.calls).toBe(3);
  });

  it('does not retry an error that is not a rate limit or a server error', async () => {
    const inner = new FailingStore();
    inner.failures = [{ error: storageError(400, 'INVALID_KEY') }];

    const failure = await retryingKeyValueStore(inner, noWait)
      .set('k', 1)
      .catch((error: unknown) => error);

    expect((failure as { code: string }).code).toBe('INVALID_KEY');
    expect(inner.calls).toBe(1);
  });

  it('answers true when a claim whose answer was lost had landed', async () => {
    const inner = new FailingStore();
    inner.failures = [{ error: storageError(502, 'UNKNOWN_ERROR'), landed: true }];

    const claimed = await retryingKeyValueStore(inner, noWait).setIfAbsent('claim', { by: 'me' });

    expect(claimed).toBe(true);
  });

  it('answers false when someone else held the key before a retried claim', async () => {
    const inner = new FailingStore();
    await inner.set('claim', { by: 'someone else' });
    inner.failures = [{ error: storageError(429, 'RATE_LIMIT_EXCEEDED') }];

    const claimed = await retryingKeyValueStore(inner, noWait).setIfAbsent('claim', { by: 'me' });

    expect(claimed).toBe(false);
  });
});
