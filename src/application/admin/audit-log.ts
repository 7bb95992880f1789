import type { AuditEntry, AuditPage } from '../../contract/admin.contract';
import type { KeyValueStore } from '../ports/key-value-store';
import { knownAccountEntry, rememberAccount } from '../privacy/known-accounts';
import { ADMIN_AUDIT_PREFIX, adminAuditKey } from '../storage-keys';

// Storage lists keys in ascending order only; keys carry the time counted down from a far date,
// so that ascending order is newest first.
const FAR_FUTURE_MS = 9_999_999_999_999;

function newestFirstStamp(at: Date): string {
  return String(FAR_FUTURE_MS - at.getTime()).padStart(13, '0');
}

/** Differences between two flat-ish objects, field by field (nested values compared as JSON). */
export function fieldChanges(before: object | null, after: object | null): AuditEntry['changes'] {
  const left = (before ?? {}) as Record<string, unknown>;
  const right = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return fields
    .filter((field) => JSON.stringify(left[field]) !== JSON.stringify(right[field]))
    .map((field) => ({ path: field, before: left[field] ?? null, after: right[field] ?? null }));
}

export interface AuditInput {
  at: Date;
  by: string;
  action: string;
  changes: AuditEntry['changes'];
}

function auditRecord(entry: AuditInput): { key: string; value: AuditEntry } {
  return {
    key: adminAuditKey({ at: newestFirstStamp(entry.at), id: globalThis.crypto.randomUUID().slice(0, 8) }),
    value: { at: entry.at.toISOString(), by: entry.by, action: entry.action, changes: entry.changes },
  };
}

export async function appendAudit(store: KeyValueStore, entry: AuditInput): Promise<void> {
  await rememberAccount(store, entry.by, entry.at);
  const { key, value } = auditRecord(entry);
  await store.set(key, value);
}

/**
 * Stores an admin change and its one audit entry in a single transaction, so that a change is
 * never stored without its entry nor logged without being stored; a failure leaves both as they
 * were. `accounts` are other account ids the change stores (an objective's owner), remembered
 * for personal data reporting in the same transaction.
 */
export function writeAudited(
  store: KeyValueStore,
  change: { set?: { key: string; value: unknown }[]; delete?: string[] },
  entry: AuditInput,
  accounts: readonly string[] = [],
): Promise<void> {
  const known = [...new Set([entry.by, ...accounts])].map((accountId) =>
    knownAccountEntry(accountId, entry.at),
  );
  return store.transact({
    set: [...(change.set ?? []), ...known, auditRecord(entry)],
    ...(change.delete === undefined ? {} : { delete: change.delete }),
  });
}

/** Which entries to read: by kind (`objective`, `settings`, `portfolio`), author and days (UTC, both included). */
export interface AuditFilter {
  kind?: string | undefined;
  by?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Entries read a page at a time: 50 answered, at most 10 pages scanned for a narrow filter. */
const PAGE_SIZE = 50;
const MAX_PAGES_SCANNED = 10;

function matches(entry: AuditEntry, filter: AuditFilter): boolean {
  const kind = entry.action.split(/[. ]/, 1)[0];
  if (filter.kind !== undefined && kind !== filter.kind) return false;
  if (filter.by !== undefined && entry.by !== filter.by) return false;
  const day = entry.at.slice(0, 10);
  return filter.to === undefined || day <= filter.to;
}

/**
 * The change log of objectives, settings and imports, newest first, a page at a time. A filter
 * is applied here, across pages: up to 10 pages of storage are read for one answer (so a narrow
 * filter may answer fewer entries with a cursor to go on). Entries are newest first, so the
 * first entry older than `from` ends the log.
 */
export async function readAudit(
  store: KeyValueStore,
  cursor?: string,
  filter: AuditFilter = {},
): Promise<AuditPage> {
  const entries: AuditEntry[] = [];
  let next = cursor;
  for (let scanned = 0; scanned < MAX_PAGES_SCANNED && entries.length < PAGE_SIZE; scanned += 1) {
    const page = await store.queryPrefix(ADMIN_AUDIT_PREFIX, {
      limit: PAGE_SIZE,
      ...(next ? { cursor: next } : {}),
    });
    next = page.nextCursor;
    for (const { value } of page.entries) {
      const entry = value as AuditEntry;
      if (filter.from !== undefined && entry.at.slice(0, 10) < filter.from)
        return { entries, nextCursor: null };
      if (matches(entry, filter)) entries.push(entry);
    }
    if (next === undefined) break;
  }
  return { entries, nextCursor: next ?? null };
}
