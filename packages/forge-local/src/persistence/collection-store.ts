/**
 * The whole local site (Jira data and Forge storage) lives in named collections of JSON records,
 * held in memory and, when the site has a data folder, persisted by a `DiskJournal`: every write
 * is one appended journal line, and a checkpoint rewrites only the shards that changed. A site
 * with 50,000 epics and a write per second therefore never rewrites one huge file per write.
 */
import { DiskJournal, type JournalEntry } from './disk-journal';

export interface CollectionOptions {
  /** How many shard files the collection is split into on disk; fixed once the data exists. */
  buckets?: number;
}

export interface StoreStats {
  collections: number;
  records: number;
  journalEntriesSinceCheckpoint: number;
}

export class Collection<T> {
  constructor(
    readonly name: string,
    private readonly records: Map<string, unknown>,
    private readonly store: CollectionStore,
  ) {}

  get(id: string): T | undefined {
    return this.records.get(id) as T | undefined;
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  get size(): number {
    return this.records.size;
  }

  values(): IterableIterator<T> {
    return this.records.values() as IterableIterator<T>;
  }

  entries(): IterableIterator<[string, T]> {
    return this.records.entries() as IterableIterator<[string, T]>;
  }

  /** Stores `value` (kept by reference: treat stored records as immutable and put a new object). */
  put(id: string, value: T): void {
    this.records.set(id, value);
    this.store.recordWrite({ c: this.name, i: id, v: value });
  }

  delete(id: string): boolean {
    if (!this.records.delete(id)) return false;
    this.store.recordWrite({ c: this.name, i: id, d: 1 });
    return true;
  }

  /** Loads many records without journalling each one; the next checkpoint persists them. */
  bulkPut(entries: Iterable<[string, T]>): void {
    for (const [id, value] of entries) {
      this.records.set(id, value);
      this.store.markDirty(this.name, id);
    }
  }

  clear(): void {
    for (const id of [...this.records.keys()]) this.delete(id);
  }
}

export class CollectionStore {
  private readonly data = new Map<string, Map<string, unknown>>();
  private readonly handles = new Map<string, Collection<unknown>>();
  /** Writes made inside `atomically()`, journalled together as one line. */
  private pending: JournalEntry[] | null = null;

  private constructor(private readonly journal: DiskJournal | null) {}

  /** Opens (and loads) a store; `dataDir: null` keeps everything in memory. */
  static open(dataDir: string | null, options: { reset?: boolean } = {}): CollectionStore {
    if (dataDir === null) return new CollectionStore(null);
    const journal = DiskJournal.open(dataDir, { reset: options.reset ?? false });
    const store = new CollectionStore(journal);
    journal.load((entry) => {
      store.applyLoaded(entry);
    });
    return store;
  }

  get persistent(): boolean {
    return this.journal !== null;
  }

  /** True when nothing was ever stored (a fresh data folder, or memory). */
  get isEmpty(): boolean {
    for (const records of this.data.values()) if (records.size > 0) return false;
    return true;
  }

  collection<T>(name: string, options: CollectionOptions = {}): Collection<T> {
    const existing = this.handles.get(name);
    if (existing) return existing as Collection<T>;
    const records = this.recordsOf(name);
    this.journal?.declareCollection(name, options.buckets ?? 16);
    const handle = new Collection<T>(name, records, this);
    this.handles.set(name, handle);
    return handle;
  }

  /** Names of every collection holding data, including ones not yet opened with `collection()`. */
  collectionNames(): string[] {
    return [...this.data.keys()];
  }

  recordWrite(entry: JournalEntry): void {
    if (this.pending) this.pending.push(entry);
    else this.journal?.append([entry], () => this.data);
  }

  /**
   * Runs `change` so that its writes reach the disk all together or not at all (one journal line),
   * e.g. a Forge storage transaction, or an issue move that rekeys its sub-tasks too.
   */
  atomically<T>(change: () => T): T {
    if (this.pending) return change();
    this.pending = [];
    try {
      return change();
    } finally {
      const entries = this.pending;
      this.pending = null;
      if (entries.length > 0) this.journal?.append(entries, () => this.data);
    }
  }

  markDirty(collection: string, id: string): void {
    this.journal?.markDirty(collection, id);
  }

  /** Writes every changed shard and starts a fresh journal. */
  checkpoint(): void {
    this.journal?.checkpoint(this.data);
  }

  stats(): StoreStats {
    let records = 0;
    for (const map of this.data.values()) records += map.size;
    return {
      collections: this.data.size,
      records,
      journalEntriesSinceCheckpoint: this.journal?.entriesSinceCheckpoint ?? 0,
    };
  }

  close(): void {
    this.journal?.close(this.data);
  }

  private recordsOf(name: string): Map<string, unknown> {
    let records = this.data.get(name);
    if (!records) {
      records = new Map();
      this.data.set(name, records);
    }
    return records;
  }

  private applyLoaded(entry: JournalEntry): void {
    const records = this.recordsOf(entry.c);
    if (entry.d === 1) records.delete(entry.i);
    else records.set(entry.i, entry.v);
  }
}
