import { readAudit } from '../../src/application/admin/audit-log';
import { previewStagedImport } from '../../src/application/admin/staged-import';
import { SiteConfig } from '../../src/application/site-config';
import { epicHistoryPrefix, rollupEpicKey } from '../../src/application/storage-keys';
import type { FakeUser } from '../fakes/in-memory-jira-site';
import {
  aDocument,
  adminSite,
  anEpic,
  applyAllSteps,
  importDocument,
  stageDocument,
} from '../fixtures/admin-site';

const alice: FakeUser = { accountId: 'alice', admin: true };
const bob: FakeUser = { accountId: 'bob', admin: true };

/** A site where Alice imported PAY-1 (1,000) and PAY-2 (2,000) at a discount rate of 10%. */
async function importedSite() {
  const site = adminSite(['PAY-1', 'PAY-2', 'OPS-1']);
  await importDocument(site.contextFor(alice), aDocument([anEpic('PAY-1', 1000), anEpic('PAY-2', 2000)]));
  const recordOf = (key: string) => {
    const stored = site.jira.issues.get(key)?.stored;
    return stored?.state === 'stored' ? stored.record : null;
  };
  const historyOf = async (key: string) => {
    const issueId = site.jira.issues.get(key)?.id ?? '';
    return (await site.store.queryPrefix(epicHistoryPrefix({ issueId }))).entries.length;
  };
  return { ...site, recordOf, historyOf };
}

/** Bob's file: PAY-1 as stored, PAY-2 planned 2,500, OPS-1 new, discount rate 12%, objective renamed. */
function bobsFile() {
  const document = aDocument([anEpic('PAY-1', 1000), anEpic('PAY-2', 2500), anEpic('OPS-1', 300)], 0.12);
  document.objectives = [
    { id: 'OBJ-GROW', name: 'Grow recurring revenue', status: 'active', weight: 5 },
    { id: 'OBJ-NEW', name: 'Enter Japan', status: 'active', weight: 3 },
  ];
  return document;
}

describe('import preview', () => {
  it('lists each epic as unchanged, changed field by field from → to, or new', async () => {
    const { contextFor } = await importedSite();
    const importId = await stageDocument(contextFor(bob), bobsFile());

    const preview = await previewStagedImport(contextFor(bob), { importId });

    expect(preview.changes).toMatchObject({
      epicsUnchanged: ['PAY-1'],
      epicsReplaced: ['PAY-2'],
      epicsWithNewRecord: ['OPS-1'],
    });
    expect(preview.diff.epics).toEqual([
      {
        key: 'PAY-2',
        summary: 'Epic PAY-2',
        outcome: 'changed',
        changes: [{ field: 'Benefit “Sales”: planned', unit: 'money', before: 2000, after: 2500 }],
      },
      expect.objectContaining({ key: 'OPS-1', outcome: 'new' }),
    ]);
    expect(preview.diff.epics[1]?.changes).toContainEqual({
      field: 'Benefit “Sales”: planned',
      unit: 'money',
      before: 0,
      after: 300,
    });
    expect(preview.diff.epicsNotDetailed).toBe(0);
  });

  it('shows the settings and the objectives from → to, leaving out what stays as it is', async () => {
    const { contextFor } = await importedSite();
    const importId = await stageDocument(contextFor(bob), bobsFile());

    const { diff } = await previewStagedImport(contextFor(bob), { importId });

    expect(diff.currency).toBe('USD');
    expect(diff.settings).toEqual([{ field: 'Discount rate', unit: 'ratio', before: 0.1, after: 0.12 }]);
    expect(diff.objectives).toEqual([
      {
        id: 'OBJ-GROW',
        name: 'Grow recurring revenue',
        outcome: 'changed',
        changes: [{ field: 'Name', unit: 'text', before: 'Grow revenue', after: 'Grow recurring revenue' }],
      },
      expect.objectContaining({ id: 'OBJ-NEW', outcome: 'new' }),
    ]);
  });

  it('says in months when a series moves in time but keeps its total', async () => {
    const { contextFor } = await importedSite();
    const reordered = anEpic('PAY-1', 1000);
    const benefit = reordered.value.benefits[0];
    if (benefit === undefined) throw new Error('no benefit');
    benefit.planned = [
      { month: '2026-02', amount: 0 },
      { month: '2026-01', amount: 1000 },
    ];
    const importId = await stageDocument(contextFor(bob), aDocument([reordered]));

    const { diff } = await previewStagedImport(contextFor(bob), { importId });

    expect(diff.epics[0]?.changes).toEqual([
      {
        field: 'Benefit “Sales”: planned: months (same total)',
        unit: 'text',
        before: '2026-01 (1 month)',
        after: '2026-01 to 2026-02 (2 months)',
      },
    ]);
  });

  it('says when only the order of a series’ months differs, not a change of amount', async () => {
    const { contextFor, jira } = await importedSite();
    const stored = anEpic('PAY-1', 1000);
    const benefit = stored.value.benefits[0];
    if (benefit === undefined) throw new Error('no benefit');
    benefit.planned = [
      { month: '2026-01', amount: 400 },
      { month: '2026-02', amount: 600 },
    ];
    await importDocument(contextFor(alice), aDocument([stored]));
    benefit.planned = [...benefit.planned].reverse();
    const importId = await stageDocument(contextFor(bob), aDocument([stored]));

    const { diff } = await previewStagedImport(contextFor(bob), { importId });

    expect(jira.issues.get('PAY-1')?.stored.state).toBe('stored');
    expect(diff.epics[0]?.changes).toEqual([
      {
        field: 'Benefit “Sales”: planned: order of months',
        unit: 'text',
        before: 'As stored',
        after: 'As in the file',
      },
    ]);
  });
  it('names a benefit’s owner and measure when only they change, not the order of months', async () => {
    const { contextFor } = await importedSite();
    const profiled = anEpic('PAY-1', 1000);
    const benefit = profiled.value.benefits[0];
    if (benefit === undefined) throw new Error('no benefit');
    Object.assign(benefit, {
      owner: 'carol',
      measure: { name: 'Orders a day', unit: 'orders', baseline: 120, target: 150, method: 'Shop report' },
    });
    const importId = await stageDocument(contextFor(bob), aDocument([profiled]));

    const { diff } = await previewStagedImport(contextFor(bob), { importId });

    expect(diff.epics[0]?.changes).toEqual([
      { field: 'Benefit “Sales”: owner', unit: 'text', before: null, after: 'carol' },
      {
        field: 'Benefit “Sales”: measure',
        unit: 'text',
        before: null,
        after: 'Orders a day, 120 → 150 orders (Shop report)',
      },
    ]);
  });
});

describe('applying an import', () => {
  it('leaves an epic the file holds exactly alone: no revision, no history entry, last saved by kept', async () => {
    const { contextFor, recordOf, historyOf, jira } = await importedSite();
    const writesBefore = jira.writes.length;

    await applyAllSteps(contextFor(bob), await stageDocument(contextFor(bob), bobsFile()));

    expect(recordOf('PAY-1')).toMatchObject({ revision: 1, updatedBy: 'alice' });
    expect(await historyOf('PAY-1')).toBe(1);
    expect(recordOf('PAY-2')).toMatchObject({ revision: 2, updatedBy: 'bob' });
    expect(recordOf('OPS-1')).toMatchObject({ revision: 1, updatedBy: 'bob' });
    expect(jira.writes.slice(writesBefore).map((write) => write.issueId)).toEqual([
      jira.issues.get('PAY-2')?.id,
      jira.issues.get('OPS-1')?.id,
    ]);
  });

  it('writes nothing at all for a file that holds exactly what the site holds', async () => {
    const { contextFor, recordOf, jira } = await importedSite();
    const writesBefore = jira.writes.length;

    await importDocument(contextFor(bob), aDocument([anEpic('PAY-1', 1000), anEpic('PAY-2', 2000)]));

    expect(jira.writes).toHaveLength(writesBefore);
    expect([recordOf('PAY-1')?.updatedBy, recordOf('PAY-2')?.updatedBy]).toEqual(['alice', 'alice']);
  });

  it('audits what the import changed: settings, objectives and epics, and how many it left alone', async () => {
    const { contextFor, store } = await importedSite();

    await importDocument(contextFor(bob), bobsFile());

    const [entry] = (await readAudit(store)).entries;
    expect(entry).toMatchObject({ by: 'bob', action: 'portfolio.imported' });
    expect(entry?.changes).toEqual([
      { path: 'settings.discountRate', before: 0.1, after: 0.12 },
      { path: 'objectives.OBJ-GROW.name', before: 'Grow revenue', after: 'Grow recurring revenue' },
      { path: 'objectives.OBJ-NEW', before: null, after: 'Enter Japan' },
      { path: 'epics.new', before: null, after: ['OPS-1'] },
      { path: 'epics.changed', before: null, after: ['PAY-2'] },
      { path: 'epics.unchanged', before: null, after: 1 },
    ]);
  });

  it('files an unchanged epic again in the roll-up when the file changes the currency its totals are in', async () => {
    const { contextFor, store, jira } = await importedSite();
    const key = rollupEpicKey({ project: 'PAY', issueId: jira.issues.get('PAY-1')?.id ?? '' });
    const filedBefore = JSON.stringify(await store.get(key));

    const inEuro = aDocument([anEpic('PAY-1', 1000), anEpic('PAY-2', 2000)]);
    inEuro.settings.currency = 'EUR';

    await importDocument(contextFor(bob), inEuro);

    expect((await new SiteConfig(store).settings()).currency).toBe('EUR');
    expect(filedBefore).toContain('"currency":"USD"');
    expect(JSON.stringify(await store.get(key))).toBe(filedBefore.replace('"USD"', '"EUR"'));
  });
});
