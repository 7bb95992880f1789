import type { AdminContext } from '../../src/application/admin/admin-context';
import { exportBackup, exportBackupPage } from '../../src/application/admin/export-backup';
import { exportScope } from '../../src/application/portfolio/export-scope';
import { exportPage } from '../../src/application/portfolio/export-scope-page';
import type { GadgetContext } from '../../src/application/portfolio/gadget-context';
import type { ExportPart } from '../../src/contract/gadget.contract';
import { InMemoryJira, type FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { importDocument } from '../fixtures/admin-site';
import { InMemoryWorkQueue } from '../fakes/in-memory-work-queue';

const admin: FakeUser = { accountId: 'admin', admin: true };
const member: FakeUser = { accountId: 'member', browse: ['PAY'] };

const keyOf = (index: number) => `${index % 3 === 0 ? 'OPS' : 'PAY'}-${String(index + 1)}`;

function anEpic(key: string, amount: number) {
  return {
    key,
    summary: `Epic ${key}`,
    project: key.split('-')[0],
    programme: null,
    status: 'in_progress',
    value: {
      objectives: [{ id: 'OBJ-GROW', share: 1 }],
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Sales',
          planned: [{ month: '2026-01', amount }],
          realised: [{ month: '2026-02', amount: amount / 2, evidence: 'measured' }],
        },
      ],
      costs: { planned: [], actual: [{ month: '2026-01', amount: amount / 4 }] },
    },
  };
}

/**
 * 1,230 epics: 13 search pages of 100, so three parts of at most five pages. Two epics in three
 * have a stored record, one cannot be read.
 */
async function site(epics = 1230) {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  for (let index = 0; index < epics; index += 1) jira.addEpic({ key: keyOf(index) });
  const clock = { now: () => new Date('2026-11-23T09:00:00Z') };
  const contextFor = (user: FakeUser): AdminContext => ({
    accountId: user.accountId,
    jira: jira.siteFor(user),
    permissions: jira.permissionsFor(user),
    groups: jira.groups,
    store,
    clock,
    rollupQueue: new InMemoryWorkQueue(),
  });
  await importDocument(contextFor(admin), {
    format: 'value-layer.portfolio',
    version: 1,
    settings: { currency: 'EUR', discountRate: 0.08 },
    objectives: [{ id: 'OBJ-GROW', name: 'Grow revenue', status: 'active', weight: 5 }],
    epics: Array.from({ length: epics }, (_, index) => index)
      .filter((index) => index % 3 !== 1)
      .map((index) => anEpic(keyOf(index), 1000 + index)),
  });
  const broken = jira.issues.get(keyOf(600));
  if (broken) broken.stored = { state: 'unreadable', reason: 'record.b.0.k: invalid' };
  const gadgetFor = (user: FakeUser): GadgetContext => ({ jira: jira.siteFor(user), store, clock });
  return { jira, contextFor, gadgetFor };
}

/** Calls for parts with each `nextCursor` until it is null. */
async function allParts(next: (cursor: string | undefined) => Promise<ExportPart>): Promise<ExportPart[]> {
  const parts: ExportPart[] = [];
  let cursor: string | undefined;
  do {
    const part = await next(cursor);
    parts.push(part);
    cursor = part.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return parts;
}

const joined = (parts: ExportPart[]) => parts.map((part) => part.part).join('');

describe('exportPage', () => {
  it('answers JSON parts that join into exactly the one-shot portfolio document', async () => {
    const { gadgetFor } = await site();
    const input = { scope: { kind: 'all' }, asOf: '2026-11', format: 'json' } as const;

    const parts = await allParts((cursor) => exportPage(gadgetFor(admin), { ...input, cursor }));
    const oneShot = await exportScope(gadgetFor(admin), input);

    expect(parts).toHaveLength(3);
    expect(parts.map((part) => part.epics)).toEqual([500, 499, 230]);
    expect(joined(parts)).toBe(oneShot.content);
    expect(JSON.parse(joined(parts))).toEqual(JSON.parse(oneShot.content));
    expect(parts.flatMap((part) => part.warnings)).toEqual(oneShot.warnings);
    expect(parts[1]?.warnings).toEqual([
      expect.stringMatching(/^OPS-601 was left out: .*record\.b\.0\.k: invalid/),
    ]);
    expect(parts.every((part) => part.filename === oneShot.filename)).toBe(true);
  });

  it('answers CSV parts, the header in the first, that join into exactly the one-shot CSV', async () => {
    const { gadgetFor } = await site();
    const input = { scope: { kind: 'all' }, asOf: '2026-11', format: 'csv' } as const;

    const parts = await allParts((cursor) => exportPage(gadgetFor(admin), { ...input, cursor }));
    const oneShot = await exportScope(gadgetFor(admin), input);

    expect(parts).toHaveLength(3);
    expect(parts[0]?.part).toMatch(/^Epic,Summary,Project,/);
    expect(parts[1]?.part).not.toMatch(/^Epic,/);
    expect(joined(parts)).toBe(oneShot.content);
    expect(parts[0]).toMatchObject({ filename: 'value-layer-epics-2026-11.csv', mimeType: 'text/csv' });
  });

  it('exports only what the viewer may browse', async () => {
    const { gadgetFor } = await site();
    const input = { scope: { kind: 'all' }, asOf: '2026-11', format: 'json' } as const;

    const parts = await allParts((cursor) => exportPage(gadgetFor(member), { ...input, cursor }));
    const document = JSON.parse(joined(parts)) as { epics: { key: string }[] };

    expect(document.epics.length).toBe(820);
    expect(document.epics.every((epic) => epic.key.startsWith('PAY-'))).toBe(true);
    expect(joined(parts)).toBe((await exportScope(gadgetFor(member), input)).content);
  });

  it('answers one whole file when the scope fits one part, and an empty document for no epics', async () => {
    const small = await site(3);
    const input = { scope: { kind: 'all' }, asOf: '2026-11', format: 'json' } as const;
    const one = await exportPage(small.gadgetFor(admin), input);
    expect(one.nextCursor).toBeNull();
    expect(one.part).toBe((await exportScope(small.gadgetFor(admin), input)).content);

    const none = await site(0);
    const empty = await exportPage(none.gadgetFor(admin), input);
    expect(JSON.parse(empty.part)).toMatchObject({ version: 1, epics: [] });
    expect(empty).toMatchObject({ nextCursor: null, epics: 0 });
  });

  it.each([
    ['is not one it answered', 'nonsense'],
    ['is forged', 'v1.0.zz.100'],
  ])('refuses a cursor that %s, naming the cursor field', async (_case, cursor) => {
    const { gadgetFor } = await site();

    await expect(
      exportPage(gadgetFor(admin), { scope: { kind: 'all' }, asOf: '2026-11', format: 'json', cursor }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [{ path: 'cursor' }] });
  });

  it('refuses a cursor of another export: a different scope, month or format', async () => {
    const { gadgetFor } = await site();
    const input = { scope: { kind: 'all' }, asOf: '2026-11', format: 'json' } as const;
    const first = await exportPage(gadgetFor(admin), input);
    const cursor = first.nextCursor ?? '';

    for (const other of [
      { ...input, format: 'csv' as const },
      { ...input, asOf: '2026-10' },
      { ...input, scope: { kind: 'projects' as const, projects: ['PAY'] } },
    ]) {
      await expect(exportPage(gadgetFor(admin), { ...other, cursor })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('another export') as unknown,
      });
    }
  });
});

describe('exportBackupPage', () => {
  it('answers parts that join into exactly the one-shot backup, without epics that have no record', async () => {
    const { contextFor } = await site();

    const parts = await allParts((cursor) => exportBackupPage(contextFor(admin), { cursor }));
    const oneShot = await exportBackup(contextFor(admin));
    const document = JSON.parse(joined(parts)) as { epics: { key: string }[] };

    expect(parts).toHaveLength(3);
    expect(joined(parts)).toBe(oneShot.content);
    expect(document.epics).toHaveLength(819);
    expect(parts.flatMap((part) => part.warnings)).toEqual(oneShot.warnings);
    expect(parts[0]).toMatchObject({
      filename: 'value-layer-backup-2026-11-23.json',
      mimeType: 'application/json',
    });
  });

  it('refuses a non-admin on every part, the first and the later ones', async () => {
    const { contextFor } = await site();
    const first = await exportBackupPage(contextFor(admin), {});

    await expect(exportBackupPage(contextFor(member), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      exportBackupPage(contextFor(member), { cursor: first.nextCursor ?? undefined }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("refuses the gadget export's cursor", async () => {
    const { contextFor, gadgetFor } = await site();
    const gadget = await exportPage(gadgetFor(admin), {
      scope: { kind: 'all' },
      asOf: '2026-11',
      format: 'json',
    });

    await expect(
      exportBackupPage(contextFor(admin), { cursor: gadget.nextCursor ?? undefined }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
