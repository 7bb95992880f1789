/**
 * The app's own storage (Forge KVS on the platform). Values are JSON; keys sort as strings, and
 * a prefix query returns keys in ascending order, a page at a time.
 */
export interface StoredEntry {
  key: string;
  value: unknown;
}

export interface KeyValueStore {
  /** undefined when the key does not exist. Values are ours but may be from an older version: parse them. */
  get(key: string): Promise<unknown>;
  /** The values of many keys (missing ones are absent from the map); batched 25 keys a call, in parallel. */
  getMany(keys: readonly string[]): Promise<Map<string, unknown>>;
  set(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<void>;
  /** Writes only when the key does not exist yet; false when it did (someone else got there first). */
  setIfAbsent(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** One page of keys starting with `prefix`, at most `limit` (<= 100) entries. */
  queryPrefix(
    prefix: string,
    page?: { limit?: number; cursor?: string },
  ): Promise<{ entries: StoredEntry[]; nextCursor?: string }>;
  /** Sets and deletes up to 25 keys, all or none. */
  transact(operations: { set?: { key: string; value: unknown }[]; delete?: string[] }): Promise<void>;
}

/** Every entry under a prefix, following cursors. For small, bounded collections only. */
export async function queryAll(store: KeyValueStore, prefix: string): Promise<StoredEntry[]> {
  const all: StoredEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.queryPrefix(prefix, { limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
