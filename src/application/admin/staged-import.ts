import { z } from 'zod';
import type { ImportPreview, ImportStaged, ImportStep } from '../../contract/admin.contract';
import type { ErrorCode } from '../../contract/envelope';
import {
  IMPORT_CHUNK_MAX_BYTES,
  IMPORT_STAGED_EPIC_LIMIT,
  IMPORT_TTL_SECONDS,
} from '../../contract/import-limits';
import { parsePortfolioV1, type PortfolioDocument } from '../../contract/portfolio-v1.schema';
import { appSettingsSchema, storedObjectiveSchema } from '../../contract/site-config.schema';
import { AppError, badRequest, notFound } from '../app-error';
import { commitRevision, RevisionTakenError } from '../epic-value/commit-revision';
import { currentValueOf } from '../epic-value/load-epic';
import { monthOf } from '../ports/clock';
import type { EpicIssue, StoredValueRecord } from '../ports/jira-site';
import { SiteConfig } from '../site-config';
import { importBeforeKey, importChunkKey, importLockKey, importStateKey } from '../storage-keys';
import { requireJiraAdmin, type AdminContext } from './admin-context';
import { appendAudit } from './audit-log';
import { checkImport, emptyPreview, fetchIssues, inBatches, WRITE_CONCURRENCY } from './import-portfolio';

/**
 * Epics written by one apply step. Each costs a revision claim, a Jira write as the user, a
 * history entry and a roll-up update (~150 ms of Jira on Forge), 8 at a time: 100 take a few
 * seconds, far under the 25 s a resolver call may run.
 */
export const EPICS_PER_STEP = 100;
/** Epics put back by one roll-back step: the same cost per epic as a write. */
export const ROLLBACK_PER_STEP = 200;
/** Outlives any resolver call (25 s), so that a crashed step frees the import soon after. */
const LOCK_TTL_SECONDS = 60;

const failureSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const stateSchema = z.object({
  status: z.enum(['staging', 'applying', 'rolling-back', 'applied', 'rolled-back']),
  by: z.string(),
  parts: z.number().int().positive(),
  total: z.number().int().nonnegative().default(0),
  /** Epics applied: the document's epics before this index are written. */
  cursor: z.number().int().nonnegative().default(0),
  /** While rolling back: the epics before this index may still hold what the import wrote. */
  rollbackTo: z.number().int().nonnegative().default(0),
  settingsBefore: appSettingsSchema.optional(),
  objectivesBefore: z.array(storedObjectiveSchema).optional(),
  failure: failureSchema.optional(),
});
type ImportState = z.infer<typeof stateSchema>;

/** What an epic held before the import wrote it. */
const beforeSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({
    state: z.literal('stored'),
    record: z.object({
      revision: z.number(),
      updatedAt: z.string(),
      updatedBy: z.string(),
      value: z.unknown(),
    }),
  }),
]);

interface Options {
  epicsPerStep?: number;
  rollbackPerStep?: number;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function readState(context: AdminContext, importId: string): Promise<ImportState> {
  const parsed = stateSchema.safeParse(await context.store.get(importStateKey({ importId })));
  if (!parsed.success)
    throw notFound(
      'This upload is not on the server: uploads are kept for an hour. Choose the file again to upload it again.',
    );
  return parsed.data;
}

function saveState(context: AdminContext, importId: string, state: ImportState): Promise<void> {
  return context.store.set(importStateKey({ importId }), state, { ttlSeconds: IMPORT_TTL_SECONDS });
}

/** Stores one part of a file uploaded in parts; the first part starts a new import. */
export async function stageImportChunk(
  context: AdminContext,
  input: { importId?: string | undefined; part: number; parts: number; chunk: string },
): Promise<ImportStaged> {
  await requireJiraAdmin(context);
  const bytes = new TextEncoder().encode(JSON.stringify(input.chunk)).length;
  if (bytes > IMPORT_CHUNK_MAX_BYTES) {
    const message = `is ${String(bytes)} bytes as JSON; a part takes at most ${String(IMPORT_CHUNK_MAX_BYTES)}`;
    throw new AppError('TOO_LARGE', `The part ${message}.`, [{ path: 'chunk', message }]);
  }
  let importId = input.importId;
  if (importId === undefined) {
    importId = globalThis.crypto.randomUUID();
    await saveState(context, importId, {
      status: 'staging',
      by: context.accountId,
      parts: input.parts,
      total: 0,
      cursor: 0,
      rollbackTo: 0,
    });
  } else {
    const state = await readState(context, importId);
    if (state.status !== 'staging')
      throw new AppError('CONFLICT', 'This import has started already: its file can no longer change.');
    if (state.parts !== input.parts) {
      const message = `must be ${String(state.parts)}, as when the upload started`;
      throw badRequest(`The number of parts ${message}.`, [{ path: 'parts', message }]);
    }
  }
  await context.store.set(importChunkKey({ importId, part: input.part }), input.chunk, {
    ttlSeconds: IMPORT_TTL_SECONDS,
  });
  return { importId };
}

type Loaded = { ok: true; document: unknown } | { ok: false; preview: ImportPreview };

/** Joins the parts and parses the JSON; a missing part is an error, invalid JSON a problem of the file. */
async function loadDocument(context: AdminContext, importId: string, parts: number): Promise<Loaded> {
  const keys = Array.from({ length: parts }, (_, part) => importChunkKey({ importId, part }));
  const chunks = await context.store.getMany(keys);
  const texts: string[] = [];
  for (const [part, key] of keys.entries()) {
    const chunk = chunks.get(key);
    if (typeof chunk !== 'string') {
      const message = `part ${String(part + 1)} of ${String(parts)} was not uploaded, or has expired: choose the file again`;
      throw badRequest(`The file is incomplete: ${message}.`, [{ path: 'importId', message }]);
    }
    texts.push(chunk);
  }
  try {
    return { ok: true, document: JSON.parse(texts.join('')) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, preview: emptyPreview([{ path: '(file)', message: `is not JSON: ${reason}` }]) };
  }
}

/** The document of an import that has passed validation already. */
async function loadValidDocument(
  context: AdminContext,
  importId: string,
  state: ImportState,
): Promise<PortfolioDocument> {
  const loaded = await loadDocument(context, importId, state.parts);
  const parsed = loaded.ok ? parsePortfolioV1(loaded.document) : null;
  if (parsed?.success !== true) throw new AppError('INTERNAL', 'The uploaded file can no longer be read.');
  return parsed.data;
}

/** What an uploaded file would do, and every problem that stops it; changes nothing. */
export async function previewStagedImport(
  context: AdminContext,
  { importId }: { importId: string },
): Promise<ImportPreview> {
  await requireJiraAdmin(context);
  const state = await readState(context, importId);
  const loaded = await loadDocument(context, importId, state.parts);
  if (!loaded.ok) return loaded.preview;
  return (await checkImport(context, loaded.document, { epicLimit: IMPORT_STAGED_EPIC_LIMIT })).preview;
}

/**
 * One bounded step of applying an uploaded file, all or nothing across steps: the first step
 * validates everything and writes settings and objectives (remembering them as they were), each
 * next step writes up to `epicsPerStep` epics (remembering what each held). If a step fails,
 * everything written is put back, in steps if need be, and the error is answered. Steps of one
 * import never run side by side, and an applied import cannot be applied again.
 */
export async function applyImportStep(
  context: AdminContext,
  { importId }: { importId: string },
  options: Options = {},
): Promise<ImportStep> {
  await requireJiraAdmin(context);
  const lock = importLockKey({ importId });
  const claimed = await context.store.setIfAbsent(
    lock,
    { by: context.accountId, at: context.clock.now().toISOString() },
    { ttlSeconds: LOCK_TTL_SECONDS },
  );
  if (!claimed)
    throw new AppError(
      'CONFLICT',
      'A step of this import is running already; wait a moment, then try again.',
    );
  try {
    return await step(context, importId, {
      epicsPerStep: options.epicsPerStep ?? EPICS_PER_STEP,
      rollbackPerStep: options.rollbackPerStep ?? ROLLBACK_PER_STEP,
    });
  } finally {
    await context.store.delete(lock);
  }
}

async function step(
  context: AdminContext,
  importId: string,
  options: Required<Options>,
): Promise<ImportStep> {
  const state = await readState(context, importId);
  switch (state.status) {
    case 'applied':
      throw new AppError(
        'CONFLICT',
        'This import was applied already; it is not applied twice. To import the file again, choose it again.',
      );
    case 'rolled-back':
      throw failureError(state);
    case 'rolling-back':
      return rollBackStep(
        context,
        importId,
        state,
        await loadValidDocument(context, importId, state),
        options,
      );
    case 'staging':
      return begin(context, importId, state, options);
    case 'applying':
      return applyEpics(context, importId, state, options);
  }
}

/** Validates everything, then writes settings and objectives; no epic is written before this. */
async function begin(
  context: AdminContext,
  importId: string,
  state: ImportState,
  options: Required<Options>,
): Promise<ImportStep> {
  const loaded = await loadDocument(context, importId, state.parts);
  const checked = loaded.ok
    ? await checkImport(context, loaded.document, { epicLimit: IMPORT_STAGED_EPIC_LIMIT })
    : { preview: loaded.preview, document: null };
  const { document } = checked;
  if (document === null || !checked.preview.valid) {
    throw new AppError(
      'BAD_REQUEST',
      `The file has ${String(checked.preview.issues.length)} problem(s); nothing was imported.`,
      checked.preview.issues.map((issue) => ({ path: `document.${issue.path}`, message: issue.message })),
    );
  }
  const config = new SiteConfig(context.store);
  const [settingsBefore, objectivesBefore] = await Promise.all([config.settings(), config.objectives()]);
  const started: ImportState = {
    ...state,
    status: 'applying',
    total: document.epics.length,
    cursor: 0,
    rollbackTo: 0,
    settingsBefore,
    objectivesBefore,
  };
  // Remembered before anything is written, so that a failure from here on can be put back.
  await saveState(context, importId, started);
  try {
    await config.saveSettings({ ...settingsBefore, ...document.settings });
    for (const objective of document.objectives) {
      const previous = objectivesBefore.find((candidate) => candidate.id === objective.id);
      await config.saveObjective(storedObjectiveSchema.parse({ ...previous, ...objective }));
    }
  } catch (error) {
    return fail(context, importId, started, document, error, 0, options);
  }
  if (document.epics.length === 0) return finish(context, importId, started, document);
  return { done: false, importId, phase: 'applying', applied: 0, total: started.total };
}

async function applyEpics(
  context: AdminContext,
  importId: string,
  state: ImportState,
  options: Required<Options>,
): Promise<ImportStep> {
  const document = await loadValidDocument(context, importId, state);
  const settings = { ...(state.settingsBefore ?? {}), ...document.settings };
  const parsedSettings = appSettingsSchema.parse(settings);
  const slice = document.epics.slice(state.cursor, state.cursor + options.epicsPerStep);
  const now = context.clock.now();
  const asOf = monthOf(now);
  try {
    const issues = await fetchIssues(
      context,
      slice.map((epic) => epic.key),
    );
    await inBatches(slice, WRITE_CONCURRENCY, async (epic) => {
      const issue = issues.get(epic.key);
      if (issue === undefined)
        throw badRequest(`${epic.key} no longer exists, or you can no longer see it; nothing was imported.`);
      const before = issue.stored.state === 'stored' ? issue.stored : { state: 'none' as const };
      const first = await context.store.setIfAbsent(
        importBeforeKey({ importId, issueId: issue.id }),
        before,
        { ttlSeconds: IMPORT_TTL_SECONDS },
      );
      // A step cut short (a timeout) runs again: what it wrote already is not written twice.
      if (!first && issue.stored.state === 'stored' && sameJson(issue.stored.record.value, epic.value))
        return;
      await commitRevision({
        ...context,
        issue,
        current: currentValueOf(issue, parsedSettings.currency),
        value: epic.value,
        settings: parsedSettings,
        now,
        asOf,
      });
    });
  } catch (error) {
    return fail(context, importId, state, document, error, state.cursor + slice.length, options);
  }
  const next = { ...state, cursor: state.cursor + slice.length };
  if (next.cursor >= next.total) return finish(context, importId, next, document);
  await saveState(context, importId, next);
  return { done: false, importId, phase: 'applying', applied: next.cursor, total: next.total };
}

async function finish(
  context: AdminContext,
  importId: string,
  state: ImportState,
  document: PortfolioDocument,
): Promise<ImportStep> {
  await appendAudit(context.store, {
    at: context.clock.now(),
    by: context.accountId,
    action: 'portfolio.imported',
    changes: [
      { path: 'objectives', before: null, after: document.objectives.map((objective) => objective.id) },
      { path: 'epics', before: null, after: document.epics.length },
    ],
  });
  await saveState(context, importId, { ...state, status: 'applied' });
  await Promise.all(
    Array.from({ length: state.parts }, (_, part) =>
      context.store.delete(importChunkKey({ importId, part })),
    ),
  );
  return {
    done: true,
    importId,
    applied: { objectives: document.objectives.length, epics: document.epics.length },
  };
}

function failureOf(error: unknown): ImportState['failure'] {
  if (error instanceof AppError)
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  if (error instanceof RevisionTakenError)
    return { code: 'CONFLICT', message: `${error.message} Everything the import wrote was put back.` };
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'UPSTREAM',
    message: `The import stopped (${reason}). Everything it wrote was put back; try again in a moment.`,
  };
}

function failureError(state: ImportState): AppError {
  const failure = state.failure ?? { code: 'INTERNAL', message: 'The import failed; nothing was imported.' };
  return new AppError(failure.code as ErrorCode, failure.message, failure.fields);
}

/** A step failed: put back everything written so far (epics before `writtenTo`, settings, objectives). */
async function fail(
  context: AdminContext,
  importId: string,
  state: ImportState,
  document: PortfolioDocument,
  error: unknown,
  writtenTo: number,
  options: Required<Options>,
): Promise<ImportStep> {
  const failure = failureOf(error);
  const rolling: ImportState = { ...state, status: 'rolling-back', rollbackTo: writtenTo, failure };
  await saveState(context, importId, rolling);
  try {
    return await rollBackStep(context, importId, rolling, document, options, error);
  } catch (thrown) {
    if (thrown === error) throw error;
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new AppError(
      'UPSTREAM',
      `The import failed (${failure?.message ?? 'unknown'}), and putting back what it wrote was interrupted (${reason}). Apply again to finish putting it back.`,
    );
  }
}

/**
 * Puts back up to `rollbackPerStep` epics, newest first; once all are back, the settings and
 * objectives too, and the failure is answered. Safe to run again after a crash: an epic already
 * put back is left alone.
 */
async function rollBackStep(
  context: AdminContext,
  importId: string,
  state: ImportState,
  document: PortfolioDocument,
  options: Required<Options>,
  cause?: unknown,
): Promise<ImportStep> {
  const settingsBefore = appSettingsSchema.parse(state.settingsBefore);
  const written = appSettingsSchema.parse({ ...settingsBefore, ...document.settings });
  const from = Math.max(0, state.rollbackTo - options.rollbackPerStep);
  const slice = document.epics.slice(from, state.rollbackTo);
  const now = context.clock.now();
  const issues = await fetchIssues(
    context,
    slice.map((epic) => epic.key),
  );
  await inBatches(slice, WRITE_CONCURRENCY, async (epic) => {
    const issue = issues.get(epic.key);
    if (issue === undefined) return;
    const key = importBeforeKey({ importId, issueId: issue.id });
    const before = beforeSchema.safeParse(await context.store.get(key));
    if (!before.success) return;
    if (before.data.state === 'none') {
      if (issue.stored.state !== 'none') await context.jira.deleteValue(issue.id);
    } else if (
      issue.stored.state !== 'stored' ||
      !sameJson(issue.stored.record.value, before.data.record.value)
    ) {
      const previous: EpicIssue = {
        ...issue,
        stored: { state: 'stored', record: before.data.record as StoredValueRecord },
      };
      await commitRevision({
        ...context,
        issue,
        current: currentValueOf(issue, written.currency),
        value: currentValueOf(previous, settingsBefore.currency).value,
        settings: settingsBefore,
        now,
        asOf: monthOf(now),
      });
    }
    await context.store.delete(key);
  });
  if (from > 0) {
    await saveState(context, importId, { ...state, rollbackTo: from });
    return { done: false, importId, phase: 'rolling-back', applied: from, total: state.total };
  }
  const config = new SiteConfig(context.store);
  await config.saveSettings(settingsBefore);
  for (const objective of document.objectives) {
    const previous = state.objectivesBefore?.find((candidate) => candidate.id === objective.id);
    if (previous) await config.saveObjective(previous);
    else await config.deleteObjective(objective.id);
  }
  await saveState(context, importId, { ...state, status: 'rolled-back', rollbackTo: 0 });
  // The error that stopped the import, as it was (the resolver maps Jira outages to UPSTREAM).
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw cause ?? failureError(state);
}
