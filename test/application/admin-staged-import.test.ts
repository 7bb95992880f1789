import { AppError } from '../../src/application/app-error';
import type { AdminContext } from '../../src/application/admin/admin-context';
import { readAudit } from '../../src/application/admin/audit-log';
import { applyImport } from '../../src/application/admin/import-portfolio';
import {
  applyImportStep,
  previewStagedImport,
  stageImportChunk,
} from '../../src/application/admin/staged-import';
import { SiteConfig } from '../../src/application/site-config';
import type { ImportStep } from '../../src/contract/admin.contract';
import type { FakeUser } from '../fakes/in-memory-jira-site';
import { aDocument, adminSite, anEpic, failureOf } from '../fixtures/admin-site';

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

/** Uploads the document's JSON text in parts of `size` characters, as the admin page does. */
async function stage(context: AdminContext, document: unknown, size: number): Promise<string> {
  const text = typeof document === 'string' ? document : JSON.stringify(document, null, 2);
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  let importId: string | undefined;
  for (const [part, chunk] of chunks.entries()) {
    ({ importId } = await stageImportChunk(context, { importId, part, parts: chunks.length, chunk }));
  }
  if (importId === undefined) throw new Error('nothing staged');
  return importId;
}

/** Calls apply until done, collecting each answer. */
async function applyAll(
  context: AdminContext,
  importId: string,
  epicsPerStep: number,
): Promise<ImportStep[]> {
  const steps: ImportStep[] = [];
  for (let call = 0; call < 50; call++) {
    const answer = await applyImportStep(context, { importId }, { epicsPerStep });
    steps.push(answer);
    if (answer.done) return steps;
  }
  throw new Error('the import never finished');
}

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
    await applyImport(contextFor(admin), { document: aDocument([anEpic('PAY-1', 100)]) });
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
});
