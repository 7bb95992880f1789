import { AppError } from '../../src/application/app-error';
import { readAudit } from '../../src/application/admin/audit-log';
import {
  applyImportStep,
  previewStagedImport,
  stageImportChunk,
} from '../../src/application/admin/staged-import';
import { saveEpicValue } from '../../src/application/epic-value/save-epic-value';
import type { GadgetContext } from '../../src/application/portfolio/gadget-context';
import { getPortfolio } from '../../src/application/portfolio/get-portfolio';
import { onIssueChanged } from '../../src/application/rollup/on-issue-changed';
import { SiteConfig } from '../../src/application/site-config';
import { importInput } from '../../src/contract/admin.contract';
import { importChunkKey, ROLLUP_EPIC_ROOT } from '../../src/application/storage-keys';
import type { InMemoryJira } from '../fakes/in-memory-jira-site';
import type { FakeUser } from '../fakes/in-memory-jira-site';
import type { AdminContext } from '../../src/application/admin/admin-context';
import {
  aDocument,
  adminSite,
  anEpic,
  applyAllSteps,
  failureOf,
  importDocument,
  stageDocument,
} from '../fixtures/admin-site';
import { InMemoryWorkQueue } from '../fakes/in-memory-work-queue';

const admin: FakeUser = { accountId: 'admin', admin: true };
const member: FakeUser = { accountId: 'member', browse: ['PAY'] };

function site() {
  const { jira, store, contextFor } = adminSite(['PAY-1', 'PAY-2', 'OPS-1', 'OPS-2']);
  const amountOf = (key: string) => {
    const issue = jira.issues.get(key);
    return issue?.stored.state === 'stored'
      ? issue.stored.record.value.benefits[0]?.planned[0]?.amount
      : 'none';
  };
  return { jira, store, config: new SiteConfig(store), contextFor, amountOf };
}

/** A team member saving an epic in the Value panel. */
function panelSave(jira: InMemoryJira, store: AdminContext['store'], user: FakeUser) {
  return (issueKey: string, baseRevision: number, amount: number) =>
    saveEpicValue(
      {
        accountId: user.accountId,
        jira: jira.siteFor(user),
        permissions: jira.permissionsFor(user),
        groups: jira.groups,
        store,
        clock: { now: () => new Date('2026-11-15T13:00:00Z') },
        sleep: () => Promise.resolve(),
        rollupQueue: new InMemoryWorkQueue(),
      },
      { issueKey, baseRevision, value: anEpic(issueKey, amount).value },
    );
}

/** The gadget's KPI load from the roll-up store, and the same figures recomputed from the records. */
async function gadgetFigures(jira: InMemoryJira, store: AdminContext['store']) {
  const context: GadgetContext = {
    jira: jira.siteFor(admin),
    store,
    clock: { now: () => new Date('2026-11-15T12:00:00Z') },
  };
  const viewer = {
    accountId: admin.accountId,
    browsableProjectKeys: () => jira.permissionsFor(admin).browsableProjectKeys(),
  };
  const rollup = await getPortfolio({ ...context, viewer }, { scope: { kind: 'all' } });
  const live = await getPortfolio(context, { scope: { kind: 'all' } });
  return { rollup: rollup.portfolio, live: live.portfolio };
}

const stage = stageDocument;
const applyAll = applyAllSteps;

describe('staged import', () => {
  it('reassembles a document uploaded in parts cut anywhere, and previews it', async () => {
    const { contextFor, jira } = site();
    const document = aDocument([anEpic('PAY-1'), anEpic('OPS-1')]);
    const importId = await stage(contextFor(admin), document, 37);

    const preview = await previewStagedImport(contextFor(admin), { importId });

    expect(preview).toMatchObject({
      valid: true,
      counts: { objectives: 1, epics: 2 },
      changes: { objectivesAdded: ['OBJ-GROW'], epicsWithNewRecord: ['PAY-1', 'OPS-1'] },
    });
    expect(jira.writes).toEqual([]);
  });

  it('lists every error of an invalid document uploaded in parts, with its path, and applies none of it', async () => {
    const { contextFor, jira, config } = site();
    const importId = await stage(
      contextFor(admin),
      aDocument([anEpic('PAY-1', -5), anEpic('PAY-2', 1.234), anEpic('OPS-1')]),
      50,
    );

    const preview = await previewStagedImport(contextFor(admin), { importId });
    const error = await failureOf(applyImportStep(contextFor(admin), { importId }));

    expect(preview.valid).toBe(false);
    expect(preview.issues).toEqual([
      { path: 'epics[0].value.benefits[0].planned[0].amount', message: 'must be >= 0' },
      { path: 'epics[1].value.benefits[0].planned[0].amount', message: 'must have at most 2 decimals' },
    ]);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fields?.map((field) => field.path)).toEqual([
      'document.epics[0].value.benefits[0].planned[0].amount',
      'document.epics[1].value.benefits[0].planned[0].amount',
    ]);
    expect(jira.writes).toEqual([]);
    expect(await config.objectives()).toEqual([]);
  });

  it('reports a file that is not JSON once its parts are joined', async () => {
    const { contextFor } = site();
    const importId = await stage(contextFor(admin), '{"format": "value-layer.portfolio", ', 10);

    const preview = await previewStagedImport(contextFor(admin), { importId });

    expect(preview.valid).toBe(false);
    expect(preview.issues[0]?.path).toBe('(file)');
    expect(preview.issues[0]?.message).toMatch(/^is not JSON/);
  });

  it('says which part is missing when the upload is incomplete', async () => {
    const { contextFor } = site();
    const { importId } = await stageImportChunk(contextFor(admin), { part: 0, parts: 3, chunk: '{' });

    const error = await failureOf(previewStagedImport(contextFor(admin), { importId }));

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/part 2 of 3 was not uploaded/);
  });

  it('applies in bounded steps with progress, and audits the import once', async () => {
    const { contextFor, store, amountOf, jira } = site();
    const importId = await stage(
      contextFor(admin),
      aDocument([anEpic('PAY-1', 1), anEpic('PAY-2', 2), anEpic('OPS-1', 3)]),
      64,
    );

    const steps = await applyAll(contextFor(admin), importId, 2);

    expect(steps).toEqual([
      { done: false, importId, phase: 'applying', applied: 0, total: 3 },
      { done: false, importId, phase: 'applying', applied: 2, total: 3 },
      { done: true, importId, applied: { objectives: 1, epics: 3 } },
    ]);
    expect([amountOf('PAY-1'), amountOf('PAY-2'), amountOf('OPS-1')]).toEqual([1, 2, 3]);
    expect(jira.writes).toHaveLength(3);
    const audit = await readAudit(store);
    expect(audit.entries.filter((entry) => entry.action === 'portfolio.imported')).toHaveLength(1);
  });

  it('writes no epic before the whole file is checked against the site', async () => {
    const { contextFor, jira } = site();
    const importId = await stage(contextFor(admin), aDocument([anEpic('PAY-1'), anEpic('NOPE-9')]), 80);

    const error = await failureOf(applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 }));

    expect(error.fields).toEqual([
      { path: 'document.epics[1].key', message: 'NOPE-9 does not exist or you cannot see it' },
    ]);
    expect(jira.writes).toEqual([]);
  });

  it('puts back steps 1 and 2 when step 3 fails, and answers the error', async () => {
    const { contextFor, jira, config, amountOf } = site();
    await importDocument(contextFor(admin), aDocument([anEpic('PAY-1', 100)]));
    const importId = await stage(
      contextFor(admin),
      aDocument(
        [anEpic('PAY-1', 999), anEpic('PAY-2', 999), anEpic('OPS-1', 999), anEpic('OPS-2', 999)],
        0.2,
      ),
      100,
    );
    const steps = [
      await applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 }),
      await applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 }),
      await applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 }),
    ];
    expect(steps.map((answer) => (answer.done ? 'done' : answer.applied))).toEqual([0, 1, 2]);
    expect([amountOf('PAY-1'), amountOf('PAY-2')]).toEqual([999, 999]);
    expect((await config.settings()).discountRate).toBe(0.2);
    let failed = false;
    jira.beforeWrite = () => {
      if (failed) return Promise.resolve();
      failed = true;
      return Promise.reject(new Error('Jira is down'));
    };

    await expect(applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 })).rejects.toThrow(
      'Jira is down',
    );
    jira.beforeWrite = undefined;

    expect([amountOf('PAY-1'), amountOf('PAY-2'), amountOf('OPS-1'), amountOf('OPS-2')]).toEqual([
      100,
      'none',
      'none',
      'none',
    ]);
    expect((await config.settings()).discountRate).toBe(0.1);
    expect((await config.objective('OBJ-GROW'))?.name).toBe('Grow revenue');
    const retry = await failureOf(applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 }));
    expect(retry.code).toBe('UPSTREAM');
    expect(amountOf('PAY-2')).toBe('none');
  });

  it('says nothing was imported when an epic write ends incomplete and the import is put back', async () => {
    const { contextFor, store, amountOf } = site();
    const importId = await stage(
      contextFor(admin),
      aDocument([anEpic('PAY-1', 999), anEpic('PAY-2', 999)]),
      100,
    );
    const transact = store.transact.bind(store);
    let rollupDown = true;
    store.transact = (operations) => {
      const filesContribution = operations.set?.some(({ key }) => key.startsWith(ROLLUP_EPIC_ROOT));
      if (rollupDown && filesContribution === true) return Promise.reject(new Error('storage answered 503'));
      return transact(operations);
    };

    const interrupted = await failureOf(applyAll(contextFor(admin), importId));
    rollupDown = false;
    const rolledBack = await failureOf(applyAll(contextFor(admin), importId));

    for (const failure of [interrupted, rolledBack]) {
      expect(failure.code).toBe('UPSTREAM');
      expect(failure.message).not.toMatch(/was saved/);
    }
    expect(rolledBack.message).toMatch(/Everything the import wrote was put back/);
    expect([amountOf('PAY-1'), amountOf('PAY-2')]).toEqual(['none', 'none']);
  });

  it('puts back a large import over several calls when one call cannot hold it all', async () => {
    const { contextFor, jira, amountOf } = site();
    const importId = await stage(
      contextFor(admin),
      aDocument([anEpic('PAY-1'), anEpic('PAY-2'), anEpic('OPS-1'), anEpic('OPS-2')]),
      200,
    );
    await applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 3 });
    await applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 3 });
    jira.beforeWrite = () => Promise.reject(new Error('Jira is down'));

    const first = await applyImportStep(
      contextFor(admin),
      { importId },
      { epicsPerStep: 3, rollbackPerStep: 2 },
    );
    jira.beforeWrite = undefined;
    const answers: unknown[] = [first];
    const error = await applyImportStep(contextFor(admin), { importId }, { rollbackPerStep: 2 }).then(
      (answer) => answers.push(answer),
      (reason: unknown) => reason,
    );

    expect(first).toMatchObject({ done: false, phase: 'rolling-back', applied: 2 });
    expect(answers).toHaveLength(1);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/Jira is down.*put back/);
    expect(['PAY-1', 'PAY-2', 'OPS-1', 'OPS-2'].map(amountOf)).toEqual(['none', 'none', 'none', 'none']);
  });

  it('answers that the import is applied when storage fails to delete its uploaded parts afterwards', async () => {
    const { contextFor, store, amountOf } = site();
    const importId = await stage(contextFor(admin), aDocument([anEpic('PAY-1', 999)]), 100);
    const remove = store.delete.bind(store);
    store.delete = (key) =>
      key.startsWith(importChunkKey({ importId, part: 0 }).slice(0, -1))
        ? Promise.reject(new Error('storage answered 503'))
        : remove(key);

    const steps = await applyAll(contextFor(admin), importId);

    expect(steps.at(-1)?.done).toBe(true);
    expect(amountOf('PAY-1')).toBe(999);
  });

  it('refuses to apply an import twice, and changes nothing the second time', async () => {
    const { contextFor, jira, store } = site();
    const importId = await stage(contextFor(admin), aDocument([anEpic('PAY-1')]), 120);
    await applyAll(contextFor(admin), importId, 10);
    const writes = jira.writes.length;

    const error = await failureOf(applyImportStep(contextFor(admin), { importId }));

    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/applied already/);
    expect(jira.writes).toHaveLength(writes);
    expect(
      (await readAudit(store)).entries.filter((entry) => entry.action === 'portfolio.imported'),
    ).toHaveLength(1);
  });

  it('refuses a second step while one is running', async () => {
    const { contextFor, jira } = site();
    const importId = await stage(contextFor(admin), aDocument([anEpic('PAY-1'), anEpic('PAY-2')]), 120);
    await applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 });
    let release: () => void = () => undefined;
    jira.beforeWrite = () =>
      new Promise<void>((resolve) => {
        release = resolve;
      });

    const running = applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const error = await failureOf(applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 }));
    release();

    expect(error.code).toBe('CONFLICT');
    expect(await running).toMatchObject({ done: false, applied: 1 });
  });

  it('refuses a part once the import has started, and refuses everything to non-admins', async () => {
    const { contextFor } = site();
    const importId = await stage(contextFor(admin), aDocument([anEpic('PAY-1')]), 500);
    await applyImportStep(contextFor(admin), { importId });

    const late = await failureOf(
      stageImportChunk(contextFor(admin), { importId, part: 0, parts: 1, chunk: '{}' }),
    );
    const refused = await failureOf(stageImportChunk(contextFor(member), { part: 0, parts: 1, chunk: '{}' }));

    expect(late.code).toBe('CONFLICT');
    expect(refused.code).toBe('FORBIDDEN');
    expect((await failureOf(previewStagedImport(contextFor(member), { importId }))).code).toBe('FORBIDDEN');
    expect((await failureOf(applyImportStep(contextFor(member), { importId }))).code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for an import the server does not hold', async () => {
    const { contextFor } = site();

    const error = await failureOf(previewStagedImport(contextFor(admin), { importId: 'no-such-import' }));

    expect(error.code).toBe('NOT_FOUND');
  });

  it('takes only the id of an uploaded file: a whole document in the payload is refused', () => {
    const document = aDocument([anEpic('PAY-1')]);

    expect(importInput.safeParse({ document }).success).toBe(false);
    expect(importInput.safeParse({ importId: 'a1b2c3d4-0000' }).success).toBe(true);
  });

  it('puts back an unreadable, a newer-version and a foreign record byte for byte when the import fails', async () => {
    const { contextFor, jira } = site();
    await importDocument(contextFor(admin), aDocument([anEpic('OPS-2', 100)]));
    const newer = JSON.stringify({ schemaVersion: 3, revision: 7, record: { future: ['x'] } });
    const damaged = '{"schemaVersion":1,"revision":3,"record":{"p":"high"}}';
    const foreign = (jira.rawValueOf('OPS-2') ?? '').replace(/}$/, ',"note":"kept by another tool"}');
    jira.setRawValue('PAY-1', newer);
    jira.setRawValue('PAY-2', damaged);
    jira.setRawValue('OPS-2', foreign);
    jira.tooLarge.add('OPS-1');

    const error = await failureOf(
      importDocument(
        contextFor(admin),
        aDocument([anEpic('PAY-1'), anEpic('PAY-2'), anEpic('OPS-2'), anEpic('OPS-1')]),
      ),
    );

    expect(['PAY-1', 'PAY-2', 'OPS-2', 'OPS-1'].map((key) => jira.rawValueOf(key))).toEqual([
      newer,
      damaged,
      foreign,
      undefined,
    ]);
    expect(error.code).toBe('TOO_LARGE');
  });

  it('replaces a record the app cannot read, and says so in the preview', async () => {
    const { contextFor, jira, amountOf } = site();
    jira.setRawValue('PAY-1', '{"schemaVersion":1,"revision":4,"record":{"p":"high"}}');
    const importId = await stage(contextFor(admin), aDocument([anEpic('PAY-1', 250), anEpic('PAY-2')]), 300);

    const preview = await previewStagedImport(contextFor(admin), { importId });
    const steps = await applyAll(contextFor(admin), importId, 10);

    expect(preview.valid).toBe(true);
    expect(preview.changes).toMatchObject({
      epicsUnreadableReplaced: ['PAY-1'],
      epicsReplaced: [],
      epicsWithNewRecord: ['PAY-2'],
    });
    expect(steps.at(-1)).toMatchObject({ done: true, applied: { epics: 2 } });
    expect(amountOf('PAY-1')).toBe(250);
    expect(jira.issues.get('PAY-1')?.stored).toMatchObject({ state: 'stored', record: { revision: 5 } });
  });

  it('leaves an epic someone saved after the import wrote it, and reports it as a conflict', async () => {
    const { contextFor, jira, store, amountOf } = site();
    const importId = await stage(
      contextFor(admin),
      aDocument([anEpic('PAY-1', 999), anEpic('PAY-2', 999)]),
      100,
    );
    await applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 });
    await applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 });
    expect(amountOf('PAY-1')).toBe(999);
    await panelSave(jira, store, member)('PAY-1', 1, 5);
    jira.tooLarge.add('PAY-2');

    const error = await failureOf(applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 }));

    expect(amountOf('PAY-1')).toBe(5);
    expect(jira.issues.get('PAY-1')?.stored).toMatchObject({ record: { revision: 2, updatedBy: 'member' } });
    expect(error.details).toEqual({
      rolledBack: true,
      conflicts: [{ key: 'PAY-1', revision: 2, updatedBy: 'member' }],
    });
    expect(error.message).toMatch(/except 1 epic\(s\) someone else changed.*: PAY-1\./);
    const rolledBack = (await readAudit(store)).entries.find(
      (entry) => entry.action === 'portfolio.import-rolled-back',
    );
    expect(rolledBack?.changes).toContainEqual({ path: 'conflicts', before: null, after: ['PAY-1'] });
  });

  it('puts the record back exactly, revision and all, so that the next save starts from it', async () => {
    const { contextFor, jira, store, amountOf } = site();
    await importDocument(contextFor(admin), aDocument([anEpic('PAY-1', 100)]));
    const before = jira.rawValueOf('PAY-1');
    jira.tooLarge.add('PAY-2');

    await failureOf(importDocument(contextFor(admin), aDocument([anEpic('PAY-1', 999), anEpic('PAY-2')])));
    const saved = await panelSave(jira, store, member)('PAY-1', 1, 7);

    expect(saved.revision).toBe(2);
    expect(amountOf('PAY-1')).toBe(7);
    expect(before).toBeDefined();
  });

  it('takes a rolled-back import out of the gadget totals at once, without a reconcile', async () => {
    const { contextFor, jira, store } = site();
    await importDocument(contextFor(admin), aDocument([anEpic('PAY-1', 100), anEpic('OPS-1', 40)]));
    // The roll-up store is up to date, epics without a record included (as after a reconcile).
    for (const issue of jira.issues.values()) {
      await onIssueChanged(
        { jira: jira.siteFor(admin), store, clock: { now: () => new Date('2026-11-15T12:00:00Z') } },
        { issueId: issue.id },
      );
    }
    const before = await gadgetFigures(jira, store);
    jira.tooLarge.add('OPS-2');

    await failureOf(
      importDocument(
        contextFor(admin),
        aDocument([anEpic('PAY-1', 999), anEpic('PAY-2', 999), anEpic('OPS-1', 999), anEpic('OPS-2', 999)]),
      ),
    );
    const after = await gadgetFigures(jira, store);

    expect(before.rollup).toEqual(before.live);
    expect(after.rollup).toEqual(after.live);
    expect(after.rollup).toEqual(before.rollup);
    expect(after.rollup.plannedBenefit).toBe(140);
  });

  it('resumes a step cut short by a kill without writing an epic twice', async () => {
    const { contextFor, jira, store, amountOf } = site();
    const importId = await stage(
      contextFor(admin),
      aDocument([anEpic('PAY-1', 11), anEpic('PAY-2', 22)]),
      100,
    );
    await applyImportStep(contextFor(admin), { importId });
    let writes = 0;
    // The second write never comes back: the invocation is killed while it waits.
    jira.beforeWrite = () => (++writes === 2 ? new Promise<void>(() => undefined) : Promise.resolve());
    void applyImportStep(contextFor(admin), { importId });
    await new Promise((resolve) => setTimeout(resolve, 10));
    jira.beforeWrite = undefined;
    // The step's lock and the revision it claimed outlive it by their 60 s TTLs, then go.
    await store.delete(`import:${importId}:lock`);
    for (const key of [...store.entries.keys()].filter((key) => key.startsWith('claim:')))
      await store.delete(key);

    const steps = await applyAll(contextFor(admin), importId, 100);

    expect(steps.at(-1)).toMatchObject({ done: true, applied: { epics: 2 } });
    expect([amountOf('PAY-1'), amountOf('PAY-2')]).toEqual([11, 22]);
    expect(jira.writes.map((write) => write.revision)).toEqual([1, 1]);
  });

  it('refuses a series spanning more than 1,200 months, naming it, and writes nothing', async () => {
    const { contextFor, jira } = site();
    const epic = anEpic('PAY-1');
    epic.value.benefits[0]?.planned.push({ month: '2126-02', amount: 1 });
    const importId = await stage(contextFor(admin), aDocument([epic]), 500);

    const preview = await previewStagedImport(contextFor(admin), { importId });
    const error = await failureOf(applyImportStep(contextFor(admin), { importId }));

    expect(preview.valid).toBe(false);
    expect(preview.issues.map((issue) => issue.path)).toEqual(['epics[0].value.benefits[0].planned']);
    expect(preview.issues[0]?.message).toMatch(/at most 1,200 months/);
    expect(error.code).toBe('BAD_REQUEST');
    expect(jira.writes).toEqual([]);
  });
});
