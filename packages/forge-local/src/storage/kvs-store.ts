/**
 * Forge storage's data: plain keys, secrets and custom entities each live in their own namespace
 * (a secret is never returned by `kvs.get`, nor listed by `kvs.query`), persisted with the rest of
 * the site. Entries carry Forge's metadata (created/updated time, TTL expiry).
 */
import type { Collection, CollectionStore } from '../persistence/collection-store';

export interface StoredEntry {
  value: unknown;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Epoch milliseconds after which the entry no longer exists. */
  expireAt?: number;
}

export type Namespace = { kind: 'kvs' } | { kind: 'secret' } | { kind: 'entity'; name: string };

export class KvsStore {
  private readonly collections = new Map<string, Collection<StoredEntry>>();
  private readonly sortedKeys = new Map<string, SortedKeys>();

  constructor(
    private readonly store: CollectionStore,
    private readonly now: () => number = Date.now,
  ) {}

  get(ns: Namespace, key: string): StoredEntry | undefined {
    const collection = this.collection(ns);
    const entry = collection.get(key);
    if (entry?.expireAt !== undefined && entry.expireAt <= this.now()) {
      this.delete(ns, key);
      return undefined;
    }
    return entry;
  }

  /** Writes `value`; returns the entry it replaced, if any. */
  set(
    ns: Namespace,
    key: string,
    value: unknown,
    ttlMs?: number,
  ): { previous: StoredEntry | undefined; current: StoredEntry } {
    const previous = this.get(ns, key);
    const now = this.now();
    const current: StoredEntry = {
      value,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(ttlMs === undefined ? {} : { expireAt: now + ttlMs }),
    };
    this.collection(ns).put(key, current);
    this.sortedKeys.get(namespaceId(ns))?.add(key);
    return { previous, current };
  }

  delete(ns: Namespace, key: string): boolean {
    const deleted = this.collection(ns).delete(key);
    if (deleted) this.sortedKeys.get(namespaceId(ns))?.remove(key);
    return deleted;
  }

  /** Live keys in ascending order, from the first key `>= from` (kept sorted, so paging is cheap). */
  *keysFrom(ns: Namespace, from: string): Generator<string> {
    const keys = this.sorted(ns);
    for (let i = keys.lowerBound(from); i < keys.length; i++) {
      const key = keys.at(i);
      if (key !== undefined) yield key;
    }
  }

  entries(ns: Namespace): [string, StoredEntry][] {
    const now = this.now();
    return [...this.collection(ns).entries()].filter(([, e]) => e.expireAt === undefined || e.expireAt > now);
  }

  private sorted(ns: Namespace): SortedKeys {
    const id = namespaceId(ns);
    let keys = this.sortedKeys.get(id);
    if (!keys) {
      keys = new SortedKeys([...this.collection(ns).entries()].map(([key]) => key));
      this.sortedKeys.set(id, keys);
    }
    return keys;
  }

  private collection(ns: Namespace): Collection<StoredEntry> {
    const id = namespaceId(ns);
    let collection = this.collections.get(id);
    if (!collection) {
      collection = this.store.collection<StoredEntry>(id, { buckets: ns.kind === 'kvs' ? 32 : 8 });
      this.collections.set(id, collection);
    }
    return collection;
  }
}

function namespaceId(ns: Namespace): string {
  if (ns.kind === 'entity') return `forge-entity:${ns.name}`;
  return ns.kind === 'kvs' ? 'forge-kvs' : 'forge-kvs-secrets';
}

/** A sorted array of keys with binary-search insert and remove. */
class SortedKeys {
  private readonly keys: string[];

  constructor(keys: string[]) {
    this.keys = keys.sort(compareKeys);
  }

  get length(): number {
    return this.keys.length;
  }

  at(index: number): string | undefined {
    return this.keys[index];
  }

  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.keys[mid] ?? '', key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] !== key) this.keys.splice(at, 0, key);
  }

  remove(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }
}

/** Byte-wise (code unit) order, like a database's key order; locale rules play no part. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
