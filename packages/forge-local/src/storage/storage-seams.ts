/**
 * Direct access to the site's Forge storage for tests and tools (arrange data, inspect what the
 * app wrote) without running an invocation. The app itself only ever reaches storage through
 * `@forge/kvs` and the wire protocol.
 */
import type { CollectionStore } from '../persistence/collection-store';
import type { KvsStore, Namespace } from './kvs-store';

export class StorageSeams {
  constructor(
    private readonly kvs: KvsStore,
    private readonly store: CollectionStore,
  ) {}

  get(key: string, entityName?: string): unknown {
    return this.kvs.get(namespace(entityName), key)?.value;
  }

  set(key: string, value: unknown, entityName?: string): void {
    this.store.atomically(() => this.kvs.set(namespace(entityName), key, value));
  }

  delete(key: string, entityName?: string): void {
    this.store.atomically(() => this.kvs.delete(namespace(entityName), key));
  }

  /** Plain KVS keys starting with `prefix`, in key order. */
  keys(prefix = ''): string[] {
    const keys: string[] = [];
    for (const key of this.kvs.keysFrom({ kind: 'kvs' }, prefix)) {
      if (!key.startsWith(prefix)) break;
      if (this.kvs.get({ kind: 'kvs' }, key)) keys.push(key);
    }
    return keys;
  }

  /**
   * Lets `ms` pass for entries with a TTL: those that would expire within it expire now (e.g. the
   * claims and locks a crashed invocation left, which free themselves after a minute on Forge).
   * Returns the keys that expired.
   */
  expireWithin(ms: number, entityName?: string): string[] {
    const ns = namespace(entityName);
    const due = Date.now() + ms;
    const expiring = this.kvs
      .entries(ns)
      .filter(([, entry]) => entry.expireAt !== undefined && entry.expireAt <= due)
      .map(([key]) => key);
    this.store.atomically(() => {
      for (const key of expiring) this.kvs.delete(ns, key);
    });
    return expiring;
  }

  getSecret(key: string): unknown {
    return this.kvs.get({ kind: 'secret' }, key)?.value;
  }
}

function namespace(entityName: string | undefined): Namespace {
  return entityName === undefined ? { kind: 'kvs' } : { kind: 'entity', name: entityName };
}
