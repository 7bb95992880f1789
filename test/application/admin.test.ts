import type { AdminContext } from '../../src/application/admin/admin-context';
import { readAudit } from '../../src/application/admin/audit-log';
import { exportBackup } from '../../src/application/admin/export-backup';
import { previewStagedImport } from '../../src/application/admin/staged-import';
import {
  createObjective,
  deleteObjective,
  listObjectives,
  setObjectiveStatus,
  updateObjective,
} from '../../src/application/admin/objectives';
import { getSettings, saveSettings } from '../../src/application/admin/settings';
import { SiteConfig } from '../../src/application/site-config';
import { DEFAULT_SETTINGS, type StoredObjective } from '../../src/contract/site-config.schema';
import type { FakeUser } from '../fakes/in-memory-jira-site';
import {
  aDocument,
  adminSite,
  anEpic,
  failureOf,
  importDocument,
  stageDocument,
} from '../fixtures/admin-site';

const admin: FakeUser = { accountId: 'admin', admin: true };
const member: FakeUser = { accountId: 'member', browse: ['PAY'] };

function anObjective(overrides: Partial<StoredObjective> = {}): StoredObjective {
  return {
    id: 'OBJ-GROW',
    name: 'Grow revenue',
    status: 'active',
    weight: 5,
    description: '',
    ownerAccountId: null,
    target: null,
    parentId: null,
    ...overrides,
  };
}

/** What the admin page does: upload the file in parts, then preview it by its id. */
async function previewImport(context: AdminContext, document: unknown) {
  return previewStagedImport(context, { importId: await stageDocument(context, document) });
}

/** Keys other than the staged upload's own (its parts and state, kept for an hour). */
const keysBesidesUploads = (store: { entries: Map<string, unknown> }) =>
  [...store.entries.keys()].filter((key) => !key.startsWith('import:'));

function site() {
  const { jira, store, contextFor } = adminSite(['PAY-1', 'PAY-2', 'OPS-1']);
  return { jira, store, config: new SiteConfig(store), contextFor };
}

describe('admin use cases', () => {
  it.each([
    ['getSettings', (context: AdminContext) => getSettings(context)],
    ['saveSettings', (context: AdminContext) => saveSettings(context, { settings: DEFAULT_SETTINGS })],
    ['listObjectives', (context: AdminContext) => listObjectives(context)],
    ['createObjective', (context: AdminContext) => createObjective(context, { objective: anObjective() })],
    ['updateObjective', (context: AdminContext) => updateObjective(context, { objective: anObjective() })],
    [
      'setObjectiveStatus',
      (context: AdminContext) => setObjectiveStatus(context, { id: 'OBJ-GROW', status: 'archived' }),
    ],
    ['deleteObjective', (context: AdminContext) => deleteObjective(context, { id: 'OBJ-GROW' })],
    ['previewImport', (context: AdminContext) => previewImport(context, aDocument())],
    ['importDocument', (context: AdminContext) => importDocument(context, aDocument())],
    ['exportBackup', (context: AdminContext) => exportBackup(context)],
  ])('refuses %s to a user who is not a Jira admin, and changes nothing', async (_name, call) => {
    const { contextFor, store } = site();
    const before = JSON.stringify([...store.entries]);

    const error = await failureOf(call(contextFor(member)));

    expect(error.code).toBe('FORBIDDEN');
    expect(JSON.stringify([...store.entries])).toBe(before);
  });
});

describe('objectives', () => {
  it('creates an objective and logs who did it', async () => {
    const { contextFor, config, store } = site();

    await createObjective(contextFor(admin), { objective: anObjective() });

    expect(await config.objective('OBJ-GROW')).toEqual(anObjective());
    const audit = await readAudit(store);
    expect(audit.entries[0]).toMatchObject({ by: 'admin', action: 'objective.created OBJ-GROW' });
  });

  it('refuses a duplicate id, naming the field', async () => {
    const { contextFor } = site();
    await createObjective(contextFor(admin), { objective: anObjective() });

    const error = await failureOf(createObjective(contextFor(admin), { objective: anObjective() }));

    expect(error.fields).toEqual([
      { path: 'objective.id', message: 'OBJ-GROW already exists; choose another id' },
    ]);
  });

  it('nests goals one level only', async () => {
    const { contextFor } = site();
    await createObjective(contextFor(admin), { objective: anObjective() });
    await createObjective(contextFor(admin), {
      objective: anObjective({ id: 'OBJ-EU', parentId: 'OBJ-GROW' }),
    });

    const error = await failureOf(
      createObjective(contextFor(admin), { objective: anObjective({ id: 'OBJ-FR', parentId: 'OBJ-EU' }) }),
    );

    expect(error.fields?.[0]?.message).toMatch(/nest one level only/);
  });

  it('archives and restores, logging each change', async () => {
    const { contextFor, store } = site();
    await createObjective(contextFor(admin), { objective: anObjective() });

    const archived = await setObjectiveStatus(contextFor(admin), { id: 'OBJ-GROW', status: 'archived' });
    const restored = await setObjectiveStatus(contextFor(admin), { id: 'OBJ-GROW', status: 'active' });

    expect([archived.status, restored.status]).toEqual(['archived', 'active']);
    expect((await readAudit(store)).entries.map((entry) => entry.action)).toEqual([
      'objective.restored OBJ-GROW',
      'objective.archived OBJ-GROW',
      'objective.created OBJ-GROW',
    ]);
  });

  it('refuses to delete an objective that epics link to, and says to archive it', async () => {
    const { contextFor, config } = site();
    await importDocument(contextFor(admin), aDocument([anEpic('PAY-1')]));

    const error = await failureOf(deleteObjective(contextFor(admin), { id: 'OBJ-GROW' }));

    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/1 epic\(s\) link to it \(PAY-1\).*Archive it instead/);
    expect(await config.objective('OBJ-GROW')).toBeDefined();
  });

  it('deletes an objective nothing refers to', async () => {
    const { contextFor, config } = site();
    await createObjective(contextFor(admin), { objective: anObjective() });

    await deleteObjective(contextFor(admin), { id: 'OBJ-GROW' });

    expect(await config.objective('OBJ-GROW')).toBeUndefined();
  });

  it('lists objectives with the epics linked and the value attributed', async () => {
    const { contextFor } = site();
    await importDocument(contextFor(admin), aDocument([anEpic('PAY-1', 1000), anEpic('OPS-1', 500)]));

    const list = await listObjectives(contextFor(admin));

    expect(list.objectives).toHaveLength(1);
    expect(list.objectives[0]).toMatchObject({ id: 'OBJ-GROW', linkedEpics: 2 });
    expect(list.objectives[0]?.figures.attributedPlanned).toBe(1500);
  });
});

describe('settings', () => {
  it('saves settings and logs each changed field with before and after', async () => {
    const { contextFor, store } = site();

    await saveSettings(contextFor(admin), { settings: { ...DEFAULT_SETTINGS, currency: 'GBP' } });

    expect((await getSettings(contextFor(admin))).settings.currency).toBe('GBP');
    expect((await readAudit(store)).entries[0]?.changes).toEqual([
      { path: 'currency', before: 'EUR', after: 'GBP' },
    ]);
  });
});

describe('import', () => {
  it('previews what would change without changing anything', async () => {
    const { contextFor, store } = site();

    const preview = await previewImport(contextFor(admin), aDocument([anEpic('PAY-1')]));

    expect(preview).toMatchObject({
      valid: true,
      issues: [],
      counts: { objectives: 1, epics: 1 },
      changes: { objectivesAdded: ['OBJ-GROW'], epicsWithNewRecord: ['PAY-1'], settingsChanged: true },
    });
    expect(keysBesidesUploads(store)).toEqual([]);
  });

  it('reports every problem with its path, including keys that are not on the site', async () => {
    const { contextFor } = site();
    const bad = aDocument([anEpic('PAY-1', -5), anEpic('NOPE-9')]);

    const schemaPreview = await previewImport(contextFor(admin), bad);
    const sitePreview = await previewImport(contextFor(admin), aDocument([anEpic('NOPE-9')]));

    expect(schemaPreview.issues).toEqual([
      { path: 'epics[0].value.benefits[0].planned[0].amount', message: 'must be >= 0' },
    ]);
    expect(sitePreview.issues).toEqual([
      { path: 'epics[0].key', message: 'NOPE-9 does not exist or you cannot see it' },
    ]);
  });

  it('names every epic the admin may not edit', async () => {
    const { contextFor } = site();
    const payOnly: FakeUser = { accountId: 'admin-pay', admin: true, edit: ['PAY'] };

    const preview = await previewImport(contextFor(payOnly), aDocument([anEpic('PAY-1'), anEpic('OPS-1')]));

    expect(preview.valid).toBe(false);
    expect(preview.issues).toEqual([{ path: 'epics[1].key', message: 'you cannot edit OPS-1' }]);
  });

  it('applies nothing when one row is bad', async () => {
    const { contextFor, jira, store } = site();

    const error = await failureOf(
      importDocument(contextFor(admin), aDocument([anEpic('PAY-1'), anEpic('PAY-2', 1.234)])),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fields).toEqual([
      {
        path: 'document.epics[1].value.benefits[0].planned[0].amount',
        message: 'must have at most 2 decimals',
      },
    ]);
    expect(jira.writes).toEqual([]);
    expect(keysBesidesUploads(store)).toEqual([]);
  });

  it('puts everything back when a write fails half-way', async () => {
    const { contextFor, jira, config } = site();
    await importDocument(contextFor(admin), aDocument([anEpic('PAY-1', 100)]));
    let writes = 0;
    jira.beforeWrite = () => {
      writes += 1;
      return writes === 3 ? Promise.reject(new Error('Jira is down')) : Promise.resolve();
    };

    await expect(
      importDocument(contextFor(admin), {
        ...aDocument([anEpic('PAY-1', 999), anEpic('PAY-2', 999), anEpic('OPS-1', 999)]),
        settings: { currency: 'EUR', discountRate: 0.2 },
      }),
    ).rejects.toThrow('Jira is down');
    jira.beforeWrite = undefined;

    const stored = (key: string) => {
      const issue = jira.issues.get(key);
      return issue?.stored.state === 'stored'
        ? issue.stored.record.value.benefits[0]?.planned[0]?.amount
        : 'none';
    };
    expect([stored('PAY-1'), stored('PAY-2'), stored('OPS-1')]).toEqual([100, 'none', 'none']);
    expect((await config.settings()).discountRate).toBe(0.1);
  });

  it('reads back its own backup, every epic unchanged', async () => {
    const { contextFor } = site();
    await importDocument(contextFor(admin), aDocument([anEpic('PAY-1'), anEpic('OPS-1')]));

    const backup = await exportBackup(contextFor(admin));
    const preview = await previewImport(contextFor(admin), JSON.parse(backup.content));

    expect(backup.warnings).toEqual([]);
    expect(preview).toMatchObject({
      valid: true,
      counts: { epics: 2 },
      changes: { epicsReplaced: [], epicsUnchanged: ['PAY-1', 'OPS-1'], settingsChanged: false },
    });
  });
});
