import type { KeyValueStore } from '../ports/key-value-store';
import { REVIEW_OPEN_PREFIX } from '../storage-keys';
import { openReviewEntrySchema, type OpenReviewEntry } from './review-records';

/**
 * The open reviews due on or before `today` (a site-local date), oldest due date first. The index
 * keys start with the due date, so the scan stops at the first page that reaches past `today`.
 * An entry this version cannot read is skipped (and left as it is).
 */
export async function openReviewsDueBy(store: KeyValueStore, today: string): Promise<OpenReviewEntry[]> {
  const due: OpenReviewEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.queryPrefix(REVIEW_OPEN_PREFIX, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const entry of page.entries) {
      const dueDate = entry.key.slice(REVIEW_OPEN_PREFIX.length, REVIEW_OPEN_PREFIX.length + 10);
      if (dueDate > today) return due;
      const parsed = openReviewEntrySchema.safeParse(entry.value);
      if (parsed.success) due.push(parsed.data);
      else console.warn('Skipped an open-review entry this version cannot read', entry.key);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return due;
}
