import { appendAudit, readAudit } from '../../src/application/admin/audit-log';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';

/** A log of `days` days, one settings change by Alice and one objective change by Bob each day. */
async function logOf(days: number) {
  const store = new InMemoryKeyValueStore();
  for (let day = 1; day <= days; day += 1) {
    const at = new Date(Date.UTC(2026, 0, day, 9));
    await appendAudit(store, { at, by: 'alice', action: 'settings.updated', changes: [] });
    await appendAudit(store, {
      at: new Date(at.getTime() + 60_000),
      by: 'bob',
      action: `objective.updated OBJ-${String(day)}`,
      changes: [],
    });
  }
  return store;
}

describe('readAudit', () => {
  it('answers the newest entries first, 50 a page, with a cursor to the older ones', async () => {
    const store = await logOf(30);

    const first = await readAudit(store);
    const second = await readAudit(store, first.nextCursor ?? undefined);

    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]).toMatchObject({ by: 'bob', action: 'objective.updated OBJ-30' });
    expect(second.entries).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
  });

  it('keeps only the entries of a kind and an author, across pages', async () => {
    const store = await logOf(30);

    const page = await readAudit(store, undefined, { kind: 'objective', by: 'bob' });

    expect(page.entries).toHaveLength(30);
    expect(page.entries.every((entry) => entry.by === 'bob' && entry.action.startsWith('objective.'))).toBe(
      true,
    );
    expect(await readAudit(store, undefined, { kind: 'settings', by: 'bob' })).toEqual({
      entries: [],
      nextCursor: null,
    });
  });

  it('keeps only the days asked for, both included, and stops at the first older entry', async () => {
    const store = await logOf(30);

    const page = await readAudit(store, undefined, { from: '2026-01-10', to: '2026-01-12' });

    expect(page.entries.map((entry) => entry.at.slice(0, 10))).toEqual([
      '2026-01-12',
      '2026-01-12',
      '2026-01-11',
      '2026-01-11',
      '2026-01-10',
      '2026-01-10',
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('answers a cursor to go on when a narrow filter finds less than a page in ten pages', async () => {
    const store = await logOf(300);

    const page = await readAudit(store, undefined, { by: 'bob', to: '2026-01-05' });
    const rest = await readAudit(store, page.nextCursor ?? undefined, { by: 'bob', to: '2026-01-05' });

    expect(page.entries).toEqual([]);
    expect(page.nextCursor).not.toBeNull();
    expect(rest.entries.map((entry) => entry.action)).toEqual(
      ['5', '4', '3', '2', '1'].map((day) => `objective.updated OBJ-${day}`),
    );
  });
});
