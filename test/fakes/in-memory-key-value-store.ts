import type { KeyValueStore } from '../../src/application/ports/key-value-store';

/** `KeyValueStore` in a Map, for use-case tests; values are copied so callers cannot alias them. */
export class InMemoryKeyValueStore implements KeyValueStore {
  readonly entries = new Map<string, unknown>();

  get(key: string): Promise<unknown> {
    return Promise.resolve(structuredClone(this.entries.get(key)));
  }

  getMany(keys: readonly string[]): Promise<Map<string, unknown>> {
    const found = new Map<string, unknown>();
    for (const key of keys) {
      if (this.entries.has(key)) found.set(key, structuredClone(this.entries.get(key)));
    }
    return Promise.resolve(found);
  }

  set(key: string, value: unknown): Promise<void> {
    this.entries.set(key, structuredClone(value));
    return Promise.resolve();
  }

  setIfAbsent(key: string, value: unknown): Promise<boolean> {
    if (this.entries.has(key)) return Promise.resolve(false);
    this.entries.set(key, structuredClone(value));
    return Promise.resolve(true);
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  queryPrefix(prefix: string, page: { limit?: number; cursor?: string } = {}) {
    const keys = [...this.entries.keys()]
      .filter((key) => key.startsWith(prefix) && key > (page.cursor ?? ''))
      .sort();
    const limit = page.limit ?? 100;
    const slice = keys.slice(0, limit);
    const last = slice.at(-1);
    return Promise.resolve({
      entries: slice.map((key) => ({ key, value: structuredClone(this.entries.get(key)) })),
      ...(keys.length > limit && last !== undefined ? { nextCursor: last } : {}),
    });
  }

  transact(operations: { set?: { key: string; value: unknown }[]; delete?: string[] }): Promise<void> {
    for (const { key, value } of operations.set ?? []) this.entries.set(key, structuredClone(value));
    for (const key of operations.delete ?? []) this.entries.delete(key);
    return Promise.resolve();
  }
}
