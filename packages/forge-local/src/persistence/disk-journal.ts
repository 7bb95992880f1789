/**
 * Crash-safe persistence for `CollectionStore`: sharded snapshot files plus an append-only
 * journal.
 *
 * Layout of the data folder:
 *   snapshot.json                 which shard files make up the last checkpoint, and its generation
 *   shards/<collection>.<bucket>.g<generation>.json
 *   journal.g<generation>.ndjson  every write since that checkpoint, one JSON line each
 *
 * Why it survives `kill -9` at any instant:
 * - a journal line is written with one `write` call; a torn last line (killed mid-write) fails to
 *   parse, is dropped on the next load and cut off so later appends start on a clean line;
 * - a checkpoint writes new shard files under new names (temp file + rename), then swaps
 *   `snapshot.json` by rename, and only then deletes the old journal and shards. Until that rename
 *   the old snapshot and journal are intact; after it the new ones are. Leftovers are swept on load.
 */
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../util/hash';
import { acquireSiteLock, releaseSiteLock } from './site-lock';

export interface JournalEntry {
  /** Collection name. */
  c: string;
  /** Record id. */
  i: string;
  /** The new value (absent for deletes). */
  v?: unknown;
  /** 1 for a delete. */
  d?: 1;
}

/** One journal line: a single write, or a group of writes that must apply together. */
type JournalLine = JournalEntry | { t: JournalEntry[] };

interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT;
  generation: number;
  collections: Record<string, { buckets: number; files: Record<string, string> }>;
}

const SNAPSHOT_FORMAT = 'forge-local-site/1';
/** The same format, as written before the runtime became its own package: still read. */
const EARLIER_SNAPSHOT_FORMAT = 'value-layer-local-site/1';
const SNAPSHOT_FILE = 'snapshot.json';
const SHARD_DIR = 'shards';
const DEFAULT_BUCKETS = 16;
/** Checkpoint when the journal grows past either bound, so a restart replays little. */
const MAX_JOURNAL_ENTRIES = 20_000;
const MAX_JOURNAL_BYTES = 32 * 1024 * 1024;

export class DiskJournal {
  private manifest: SnapshotManifest = { format: SNAPSHOT_FORMAT, generation: 0, collections: {} };
  private readonly bucketCounts = new Map<string, number>();
  private readonly dirty = new Map<string, Set<number>>();
  private fd: number | null = null;
  private journalBytes = 0;
  private entries = 0;
  private closed = false;

  private constructor(private readonly dir: string) {}

  static open(dir: string, options: { reset: boolean }): DiskJournal {
    mkdirSync(join(dir, SHARD_DIR), { recursive: true });
    acquireSiteLock(dir);
    // The data folder keeps itself out of git, wherever it is created.
    if (!existsSync(join(dir, '.gitignore'))) writeFileSync(join(dir, '.gitignore'), '*\n');
    const journal = new DiskJournal(dir);
    if (options.reset) journal.wipe();
    return journal;
  }

  get entriesSinceCheckpoint(): number {
    return this.entries;
  }

  /** Feeds every stored record to `apply`: the snapshot shards first, then the journal in order. */
  load(apply: (entry: JournalEntry) => void): void {
    const snapshotPath = join(this.dir, SNAPSHOT_FILE);
    if (existsSync(snapshotPath)) {
      const parsed = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { format?: unknown };
      if (parsed.format !== SNAPSHOT_FORMAT && parsed.format !== EARLIER_SNAPSHOT_FORMAT) {
        throw new Error(`${snapshotPath} has format ${String(parsed.format)}; expected ${SNAPSHOT_FORMAT}`);
      }
      this.manifest = { ...(parsed as SnapshotManifest), format: SNAPSHOT_FORMAT };
    }
    for (const [name, spec] of Object.entries(this.manifest.collections)) {
      this.bucketCounts.set(name, spec.buckets);
      for (const file of Object.values(spec.files)) {
        const records = JSON.parse(readFileSync(join(this.dir, SHARD_DIR, file), 'utf8')) as Record<
          string,
          unknown
        >;
        for (const [id, value] of Object.entries(records)) apply({ c: name, i: id, v: value });
      }
    }
    for (const generation of this.journalGenerations()) {
      if (generation < this.manifest.generation) continue;
      this.replay(generation, apply);
    }
    this.sweepLeftovers();
    this.fd = openSync(this.journalPath(this.manifest.generation), 'a');
  }

  declareCollection(name: string, buckets: number): void {
    if (!this.bucketCounts.has(name)) this.bucketCounts.set(name, buckets);
  }

  append(entries: JournalEntry[], data: () => Map<string, Map<string, unknown>>): void {
    if (this.fd === null) throw new Error('The site store is closed');
    const record: JournalLine = entries.length === 1 && entries[0] ? entries[0] : { t: entries };
    const line = `${JSON.stringify(record)}\n`;
    writeSync(this.fd, line);
    this.journalBytes += Buffer.byteLength(line);
    this.entries += entries.length;
    for (const entry of entries) this.markDirty(entry.c, entry.i);
    if (this.entries >= MAX_JOURNAL_ENTRIES || this.journalBytes >= MAX_JOURNAL_BYTES)
      this.checkpoint(data());
  }

  markDirty(collection: string, id: string): void {
    let buckets = this.dirty.get(collection);
    if (!buckets) {
      buckets = new Set();
      this.dirty.set(collection, buckets);
    }
    buckets.add(fnv1a(id) % this.bucketsOf(collection));
  }

  checkpoint(data: Map<string, Map<string, unknown>>): void {
    if (this.dirty.size === 0 && this.entries === 0) return;
    const generation = this.manifest.generation + 1;
    const next: SnapshotManifest = {
      format: SNAPSHOT_FORMAT,
      generation,
      collections: structuredClone(this.manifest.collections),
    };
    const superseded: string[] = [];
    for (const [name, buckets] of this.dirty) {
      const bucketCount = this.bucketsOf(name);
      const spec = (next.collections[name] ??= { buckets: bucketCount, files: {} });
      const shards = new Map<number, Record<string, unknown>>();
      for (const bucket of buckets) shards.set(bucket, {});
      for (const [id, value] of data.get(name) ?? new Map<string, unknown>()) {
        const shard = shards.get(fnv1a(id) % bucketCount);
        if (shard) shard[id] = value;
      }
      for (const [bucket, records] of shards) {
        const old = spec.files[String(bucket)];
        if (old) superseded.push(old);
        if (Object.keys(records).length === 0) {
          delete spec.files[String(bucket)]; // eslint-disable-line @typescript-eslint/no-dynamic-delete -- a plain JSON map
          continue;
        }
        const file = `${fileSafe(name)}.${String(bucket)}.g${String(generation)}.json`;
        writeAtomically(join(this.dir, SHARD_DIR, file), JSON.stringify(records));
        spec.files[String(bucket)] = file;
      }
    }
    writeAtomically(join(this.dir, SNAPSHOT_FILE), JSON.stringify(next));
    // From here on the new checkpoint is the truth; the rest is tidying up.
    const oldGeneration = this.manifest.generation;
    this.manifest = next;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = openSync(this.journalPath(generation), 'a');
    rmSync(this.journalPath(oldGeneration), { force: true });
    for (const file of superseded) rmSync(join(this.dir, SHARD_DIR, file), { force: true });
    this.dirty.clear();
    this.entries = 0;
    this.journalBytes = 0;
  }

  close(data: Map<string, Map<string, unknown>>): void {
    if (this.closed) return;
    this.checkpoint(data);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.closed = true;
    releaseSiteLock(this.dir);
  }

  private bucketsOf(collection: string): number {
    let count = this.bucketCounts.get(collection);
    if (count === undefined) {
      count = DEFAULT_BUCKETS;
      this.bucketCounts.set(collection, count);
    }
    return count;
  }

  private replay(generation: number, apply: (entry: JournalEntry) => void): void {
    const path = this.journalPath(generation);
    const text = readFileSync(path, 'utf8');
    let offset = 0;
    while (offset < text.length) {
      const end = text.indexOf('\n', offset);
      const line = end === -1 ? text.slice(offset) : text.slice(offset, end);
      const record = end === -1 ? null : parseLine(line);
      if (record === null) {
        // A torn write from a killed process: everything before it is good, nothing after it exists.
        const fd = openSync(path, 'r+');
        ftruncateSync(fd, Buffer.byteLength(text.slice(0, offset)));
        closeSync(fd);
        break;
      }
      for (const entry of 't' in record ? record.t : [record]) {
        apply(entry);
        this.markDirty(entry.c, entry.i);
        this.entries++;
      }
      offset = end + 1;
    }
    this.journalBytes = Buffer.byteLength(text.slice(0, offset));
  }

  private journalGenerations(): number[] {
    return readdirSync(this.dir)
      .map((file) => /^journal\.g(\d+)\.ndjson$/.exec(file)?.[1])
      .filter((g): g is string => g !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  private sweepLeftovers(): void {
    const live = new Set<string>();
    for (const spec of Object.values(this.manifest.collections))
      for (const f of Object.values(spec.files)) live.add(f);
    for (const file of readdirSync(join(this.dir, SHARD_DIR))) {
      if (!live.has(file)) rmSync(join(this.dir, SHARD_DIR, file), { force: true });
    }
    for (const generation of this.journalGenerations()) {
      if (generation < this.manifest.generation) rmSync(this.journalPath(generation), { force: true });
    }
    for (const file of readdirSync(this.dir))
      if (file.endsWith('.tmp')) rmSync(join(this.dir, file), { force: true });
  }

  private wipe(): void {
    rmSync(join(this.dir, SNAPSHOT_FILE), { force: true });
    rmSync(join(this.dir, SHARD_DIR), { recursive: true, force: true });
    mkdirSync(join(this.dir, SHARD_DIR), { recursive: true });
    for (const generation of this.journalGenerations()) rmSync(this.journalPath(generation), { force: true });
  }

  private journalPath(generation: number): string {
    return join(this.dir, `journal.g${String(generation)}.ndjson`);
  }
}

function parseLine(line: string): JournalLine | null {
  try {
    return JSON.parse(line) as JournalLine;
  } catch {
    return null;
  }
}

function writeAtomically(path: string, content: string): void {
  const temp = `${path}.${String(process.pid)}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

/** Collection names become file names: keep them portable. */
function fileSafe(name: string): string {
  return name.replace(/[^a-z0-9-]/gi, (c) => `_${c.charCodeAt(0).toString(16)}`);
}
