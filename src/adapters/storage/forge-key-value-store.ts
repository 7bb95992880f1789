import { kvs, WhereConditions, type ForgeKvsAPIError } from '@forge/kvs';
import type { KeyValueStore } from '../../application/ports/key-value-store';
import { retryingKeyValueStore } from './retrying-key-value-store';

function ttl(options?: { ttlSeconds?: number }) {
  return options?.ttlSeconds === undefined
    ? {}
    : { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } };
}

/** Forge answers a `FAIL_IF_EXISTS` write to an existing key with 409 `KEY_CONFLICT`. */
function isKeyExists(error: unknown): boolean {
  const apiError = error as Partial<ForgeKvsAPIError> | null;
  return apiError?.code === 'KEY_CONFLICT' || apiError?.responseDetails?.status === 409;
}

/** A key of a batch that Forge could not read: carries the key's own error code. */
class BatchKeyError extends Error {
  constructor(
    readonly key: string,
    readonly code: string,
    message: string,
  ) {
    super(`Storage could not read ${key}: ${message}`);
    this.name = 'BatchKeyError';
  }
}

/** `KeyValueStore` on Forge's key-value store (`@forge/kvs`), each call made once. */
const forgeKeyValueStoreOnce: KeyValueStore = {
  get: (key) => kvs.get<unknown>(key),
  async getMany(keys) {
    const found = new Map<string, unknown>();
    const batches: string[][] = [];
    // Forge takes at most 25 keys per batch call.
    for (let start = 0; start < keys.length; start += 25) batches.push(keys.slice(start, start + 25));
    const results = await Promise.all(
      batches.map((batch) => kvs.batchGet<unknown>(batch.map((key) => ({ key })))),
    );
    for (const result of results) {
      for (const item of result.successfulKeys) found.set(item.key, item.value);
      const failed = result.failedKeys.find((item) => item.error.code !== 'KEY_NOT_FOUND');
      if (failed !== undefined) throw new BatchKeyError(failed.key, failed.error.code, failed.error.message);
    }
    return found;
  },
  set: (key, value, options) => kvs.set(key, value, ttl(options)),
  async setIfAbsent(key, value, options) {
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...ttl(options) });
      return true;
    } catch (error) {
      if (isKeyExists(error)) return false;
      throw error;
    }
  },
  delete: (key) => kvs.delete(key),
  async queryPrefix(prefix, page = {}) {
    let query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(prefix))
      .limit(page.limit ?? 100);
    if (page.cursor) query = query.cursor(page.cursor);
    const result = await query.getMany<unknown>();
    return {
      entries: result.results.map((entry) => ({ key: entry.key, value: entry.value })),
      ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
    };
  },
  async transact(operations) {
    let transaction = kvs.transact();
    for (const { key, value } of operations.set ?? []) transaction = transaction.set(key, value);
    for (const key of operations.delete ?? []) transaction = transaction.delete(key);
    await transaction.execute();
  },
};

/** `KeyValueStore` on Forge's key-value store, every call retried on rate limits and 5xx. */
export const forgeKeyValueStore: KeyValueStore = retryingKeyValueStore(forgeKeyValueStoreOnce);
