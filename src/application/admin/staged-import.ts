import { z } from 'zod';
import type {
  AuditEntry,
  ImportPreview,
  ImportRollbackConflict,
  ImportRolledBack,
  ImportStaged,
  ImportStep,
} from '../../contract/admin.contract';
import type { ErrorCode } from '../../contract/envelope';
import {
  IMPORT_CHUNK_MAX_BYTES,
  IMPORT_STAGED_EPIC_LIMIT,
  IMPORT_TTL_SECONDS,
} from '../../contract/import-limits';
import { parsePortfolioV1, type PortfolioDocument } from '../../contract/portfolio-v1.schema';
import type { EpicValueDocument } from '../../contract/epic-value.schema';
import {
  appSettingsSchema,
  storedObjectiveSchema,
  type AppSettings,
} from '../../contract/site-config.schema';
import { AppError, badRequest, forbidden, notFound } from '../app-error';
import { commitRevision, RevisionTakenError } from '../epic-value/commit-revision';
import { EMPTY_VALUE } from '../epic-value/epic-value-view';
import { currentValueOf, type CurrentValue } from '../epic-value/load-epic';
import { monthOf } from '../ports/clock';
import type { EpicIssue, RawValueProperty } from '../ports/jira-site';
import { contributionOf } from '../rollup/contribution';
import { syncEpicFields } from '../rollup/epic-field-values';
import { fileContribution } from '../rollup/file-contribution';
import { SiteConfig } from '../site-config';
import {
  epicHistoryKey,
  importBeforeKey,
  importChunkKey,
  importLockKey,
  importStateKey,
  revisionClaimKey,
} from '../storage-keys';
import { requireJiraAdmin, type AdminContext } from './admin-context';
import { appendAudit } from './audit-log';
import {
  checkImport,
  emptyPreview,
  fetchIssues,
  inBatches,
  isUnreadable,
  WRITE_CONCURRENCY,
} from './check-import';
import { importedValue, importRolesOf, type ImportRoles } from './import-authority';
import { epicOutcomeOf, objectiveDiffs } from './import-diff';
import { keepReplacedBaseline } from '../epic-value/baseline-history';

/** What applying the file did to one epic. */
type EpicOutcome = 'new' | 'changed' | 'repaired' | 'unchanged';

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
/** As a save's revision claim (commit-revision.ts): outlives any resolver call, frees soon after. */
const CLAIM_TTL_SECONDS = 60;

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
  /** Epics the rollback left as they are: changed by someone after the import wrote them. */
  conflicts: z
    .array(z.object({ key: z.string(), revision: z.number().nullable(), updatedBy: z.string().nullable() }))
    .default([]),
  /** What the steps so far did to the epics, for the audit entry: the epics the file left alone are counted. */
  outcomes: z
    .object({
      new: z.array(z.string()),
      changed: z.array(z.string()),
      repaired: z.array(z.string()),
      unchanged: z.number().int().nonnegative(),
    })
    .default({ new: [], changed: [], repaired: [], unchanged: 0 }),
});
type ImportState = z.infer<typeof stateSchema>;

const rawPropertySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('absent') }),
  z.object({ state: z.literal('present'), json: z.string() }),
]);

/**
 * What an epic held before the import wrote it, byte for byte, and the stamp of the record the
 * import writes over it: the revision, and the time the step wrote it at. Rollback puts the
 * property back only while the epic still holds exactly that record.
 */
const beforeSchema = z.object({
  property: rawPropertySchema,
  writes: z.object({ revision: z.number().int().positive(), at: z.string() }),
});
type Before = z.infer<typeof beforeSchema>;

interface Options {
  epicsPerStep?: number;
  rollbackPerStep?: number;
}

const sameProperty = (a: RawValueProperty, b: RawValueProperty) =>
  a.state === b.state && (a.state === 'absent' || a.json === (b as typeof a).json);

/** Whether the epic holds exactly the record the import wrote (its revision, time and author). */
function holdsImportsWrite(issue: EpicIssue, before: Before, by: string): boolean {
  return (
    issue.stored.state === 'stored' &&
    issue.stored.record.revision === before.writes.revision &&
    issue.stored.record.updatedAt === before.writes.at &&
    issue.stored.record.updatedBy === by
  );
}

/** The revision a property carries, readable or not (0 when it has none). */
function revisionIn(issue: EpicIssue, property: RawValueProperty): number {
  if (issue.stored.state === 'stored') return issue.stored.record.revision;
  if (property.state === 'absent') return 0;
  try {
    const revision = (JSON.parse(property.json) as { revision?: unknown } | null)?.revision;
    return typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0 ? revision : 0;
  } catch {
    return 0;
  }
}

/**
 * The epic's value as the import starts from. A record the app cannot read is replaced: an
 * import is how an admin repairs it. Its bytes were kept, to put back if the import fails.
 */
function startingValueOf(issue: EpicIssue, property: RawValueProperty, currency: string): CurrentValue {
  if (!isUnreadable(issue, currency)) return currentValueOf(issue, currency);
  return { revision: revisionIn(issue, property), updatedAt: null, updatedBy: null, value: EMPTY_VALUE };
}

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
      conflicts: [],
      outcomes: { new: [], changed: [], repaired: [], unchanged: 0 },
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
    await writeSiteConfig(context, document, started);
  } catch (error) {
    return fail(context, importId, started, document, error, 0, options);
  }
  if (document.epics.length === 0) return finish(context, importId, started, document);
  return { done: false, importId, phase: 'applying', applied: 0, total: started.total };
}

/** Writes the file's settings and objectives over those remembered in `state`; idempotent. */
async function writeSiteConfig(
  context: AdminContext,
  document: PortfolioDocument,
  state: ImportState,
): Promise<void> {
  const config = new SiteConfig(context.store);
  await config.saveSettings(appSettingsSchema.parse({ ...state.settingsBefore, ...document.settings }));
  for (const objective of document.objectives) {
    const previous = state.objectivesBefore?.find((candidate) => candidate.id === objective.id);
    await config.saveObjective(storedObjectiveSchema.parse({ ...previous, ...objective }));
  }
}

async function applyEpics(
  context: AdminContext,
  importId: string,
  state: ImportState,
  options: Required<Options>,
): Promise<ImportStep> {
  const document = await loadValidDocument(context, importId, state);
  const settings = appSettingsSchema.parse({ ...(state.settingsBefore ?? {}), ...document.settings });
  const slice = document.epics.slice(state.cursor, state.cursor + options.epicsPerStep);
  const now = context.clock.now();
  const roles = importRolesOf(context, settings);
  const outcomes = {
    new: [...state.outcomes.new],
    changed: [...state.outcomes.changed],
    repaired: [...state.outcomes.repaired],
    unchanged: state.outcomes.unchanged,
  };
  try {
    // A first step cut short (a kill) may have stopped before the settings and objectives were
    // written: writing them again changes nothing when they were.
    if (state.cursor === 0) await writeSiteConfig(context, document, state);
    const issues = await fetchIssues(
      context,
      slice.map((epic) => epic.key),
    );
    const written = new Map<string, EpicOutcome>();
    await inBatches(slice, WRITE_CONCURRENCY, async (epic) => {
      const issue = issues.get(epic.key);
      if (issue === undefined)
        throw badRequest(`${epic.key} no longer exists, or you can no longer see it; nothing was imported.`);
      const outcome = await writeEpic(context, {
        importId,
        by: state.by,
        issue,
        value: epic.value,
        index: document.epics.indexOf(epic),
        roles,
        settings,
        now,
      });
      written.set(epic.key, outcome);
    });
    // In the file's order, whichever write finished first.
    for (const epic of slice) {
      const outcome = written.get(epic.key);
      if (outcome === 'unchanged') outcomes.unchanged += 1;
      else if (outcome !== undefined) outcomes[outcome].push(epic.key);
    }
  } catch (error) {
    return fail(context, importId, state, document, error, state.cursor + slice.length, options);
  }
  const next = { ...state, cursor: state.cursor + slice.length, outcomes };
  if (next.cursor >= next.total) return finish(context, importId, next, document);
  await saveState(context, importId, next);
  return { done: false, importId, phase: 'applying', applied: next.cursor, total: next.total };
}

/**
 * Writes one epic's record, first remembering the property it held byte for byte. An epic that
 * holds exactly the file's record is left alone: no revision, its "last saved by" kept; only its
 * roll-up entry is filed again, as the file's settings (discount rate) may change its figures.
 * A step cut short (a timeout, a kill) runs again: an epic it wrote already is not written
 * twice, but its roll-up entry is filed again (the cut may have come between the two).
 */
async function writeEpic(
  context: AdminContext,
  input: {
    importId: string;
    by: string;
    issue: EpicIssue;
    value: EpicValueDocument;
    /** The epic's place in the file, to name a refused field. */
    index: number;
    roles: ImportRoles;
    settings: AppSettings;
    now: Date;
  },
): Promise<EpicOutcome> {
  const { issue, settings, now } = input;
  const key = importBeforeKey({ importId: input.importId, issueId: issue.id });
  const remembered = beforeSchema.safeParse(await context.store.get(key));
  if (remembered.success && holdsImportsWrite(issue, remembered.data, input.by)) {
    await fileContribution(context.store, contributionOf({ issue, settings }), { now, onlyIfNewer: true });
    await syncEpicFields(context.epicFields, [{ issue }], settings, now);
    return remembered.data.property.state === 'absent' ? 'new' : 'changed';
  }
  const { outcome } = epicOutcomeOf(issue, input.value, settings.currency);
  if (outcome === 'unchanged') {
    await fileContribution(context.store, contributionOf({ issue, settings }), { now });
    await syncEpicFields(context.epicFields, [{ issue }], settings, now);
    return outcome;
  }
  const property = await context.jira.readRawValue(issue.id);
  if (remembered.success && !sameProperty(property, remembered.data.property))
    throw new AppError(
      'CONFLICT',
      `${issue.key} was changed by someone else while the import ran; the import was stopped so as not to overwrite it.`,
    );
  const current = startingValueOf(issue, property, settings.currency);
  // Checked at preview already; checked again against the record as it is now, which may have
  // changed since. A refusal stops the import and puts back what it wrote.
  const imported = await importedValue({
    accountId: context.accountId,
    roles: input.roles,
    settings,
    value: input.value,
    previous: current.value,
    now,
    prefix: `document.epics[${String(input.index)}].value.`,
  });
  if ('problems' in imported)
    throw new AppError(
      'FORBIDDEN',
      `${issue.key} holds verified grades or an approved baseline you may not import; nothing was imported.`,
      imported.problems,
    );
  await keepReplacedBaseline(context.store, {
    issueId: issue.id,
    replaced: current.value.baseline,
    by: imported.value.baseline,
  });
  const before: Before = {
    property,
    writes: { revision: current.revision + 1, at: now.toISOString() },
  };
  // Remembered before the write, so that a failure from here on can be put back.
  await context.store.set(key, before, { ttlSeconds: IMPORT_TTL_SECONDS });
  await commitRevision(context, {
    issue,
    current,
    value: imported.value,
    settings,
    now,
    asOf: monthOf(now),
  });
  return outcome;
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
    changes: importAuditChanges(state, document),
  });
  await saveState(context, importId, { ...state, status: 'applied' });
  // The import is applied now, and the answer must say so: parts storage fails to delete expire
  // with their TTL anyway.
  await Promise.all(
    Array.from({ length: state.parts }, (_, part) =>
      context.store.delete(importChunkKey({ importId, part })).catch(() => undefined),
    ),
  );
  return {
    done: true,
    importId,
    applied: { objectives: document.objectives.length, epics: document.epics.length },
  };
}

/**
 * What the import changed, for its audit entry: each setting and objective field from → to
 * (`settings.discountRate`, `objectives.OBJ-1.name`; a new objective as `objectives.OBJ-1`
 * with its name), then the keys of the epics given a first record, changed or repaired, and how
 * many it left alone. Nothing else: what the file held as it was is not a change.
 */
export function importAuditChanges(state: ImportState, document: PortfolioDocument): AuditEntry['changes'] {
  const settingsBefore = appSettingsSchema.parse(state.settingsBefore ?? {});
  const settings = [
    ...(settingsBefore.currency === document.settings.currency
      ? []
      : [{ path: 'settings.currency', before: settingsBefore.currency, after: document.settings.currency }]),
    ...(settingsBefore.discountRate === document.settings.discountRate
      ? []
      : [
          {
            path: 'settings.discountRate',
            before: settingsBefore.discountRate,
            after: document.settings.discountRate,
          },
        ]),
  ];
  const objectives = objectiveDiffs(state.objectivesBefore ?? [], document.objectives).flatMap((objective) =>
    objective.outcome === 'new'
      ? [{ path: `objectives.${objective.id}`, before: null, after: objective.name }]
      : objective.changes.map((change) => ({
          path: `objectives.${objective.id}.${change.field.toLowerCase()}`,
          before: change.before,
          after: change.after,
        })),
  );
  const { outcomes } = state;
  const epics = (['new', 'changed', 'repaired'] as const)
    .filter((outcome) => outcomes[outcome].length > 0)
    .map((outcome) => ({ path: `epics.${outcome}`, before: null, after: outcomes[outcome] }));
  return [
    ...settings,
    ...objectives,
    ...epics,
    { path: 'epics.unchanged', before: null, after: outcomes.unchanged },
  ];
}

/** Why the import stopped, as it will be told once everything is put back. */
function failureOf(error: unknown): ImportState['failure'] {
  // A save's "saved in part" speaks to a panel user; inside an import that epic is put back with
  // everything else, so the import's answer is only why it stopped.
  if (error instanceof AppError && error.code === 'SAVE_INCOMPLETE')
    return {
      code: 'UPSTREAM',
      message:
        'The import stopped: saving one epic could not be completed, as Jira or Forge storage did not answer. Try again in a moment.',
    };
  if (error instanceof AppError)
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  if (error instanceof RevisionTakenError) return { code: 'CONFLICT', message: error.message };
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'UPSTREAM', message: `The import stopped (${reason}). Try again in a moment.` };
}

/** The answer of a rolled-back import: why it stopped, and what the rollback left as it is. */
function failureError(state: ImportState): AppError {
  const failure = state.failure ?? { code: 'INTERNAL', message: 'The import failed.' };
  const { conflicts } = state;
  const putBack =
    conflicts.length === 0
      ? 'Everything the import wrote was put back.'
      : `Everything the import wrote was put back except ${String(conflicts.length)} epic(s) someone else changed after the import wrote them, which were left as they are: ${conflicts.map((conflict) => conflict.key).join(', ')}.`;
  const details: ImportRolledBack = { rolledBack: true, conflicts };
  return new AppError(failure.code as ErrorCode, `${failure.message} ${putBack}`, failure.fields, details);
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
    return await rollBackStep(context, importId, rolling, document, options);
  } catch (thrown) {
    if (thrown instanceof AppError && thrown.details !== undefined) throw thrown;
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new AppError(
      'UPSTREAM',
      `The import failed (${failure?.message ?? 'unknown'}), and putting back what it wrote was interrupted (${reason}). Apply again to finish putting it back.`,
    );
  }
}

type PutBack =
  | { outcome: 'restored' }
  | { outcome: 'untouched' }
  | { outcome: 'conflict'; conflict: ImportRollbackConflict };

/**
 * Puts one epic back as it was before the import, byte for byte, but only while it still holds
 * exactly what the import wrote: a record someone saved since is theirs, and is left as it is.
 */
async function putBackEpic(
  context: AdminContext,
  { issue, before, by, now }: { issue: EpicIssue; before: Before; by: string; now: Date },
): Promise<PutBack> {
  if (!holdsImportsWrite(issue, before, by)) {
    const property = await context.jira.readRawValue(issue.id);
    if (sameProperty(property, before.property)) return { outcome: 'untouched' };
    const record = issue.stored.state === 'stored' ? issue.stored.record : null;
    return {
      outcome: 'conflict',
      conflict: { key: issue.key, revision: record?.revision ?? null, updatedBy: record?.updatedBy ?? null },
    };
  }
  const { revision } = before.writes;
  // The revision after the import's is claimed as a save would claim it: a save racing this
  // put-back loses cleanly (it is told of a conflict) instead of being overwritten.
  const fenced = await context.store.setIfAbsent(
    revisionClaimKey({ issueId: issue.id, revision: revision + 1 }),
    { by: context.accountId, at: now.toISOString() },
    { ttlSeconds: CLAIM_TTL_SECONDS },
  );
  if (!fenced) {
    return { outcome: 'conflict', conflict: { key: issue.key, revision: revision + 1, updatedBy: null } };
  }
  const outcome = await context.jira.restoreRawValue(issue.id, before.property);
  if (outcome === 'forbidden')
    throw forbidden(`Jira refused to put back ${issue.key}: you need the Edit issues permission.`);
  if (outcome === 'not_found') return { outcome: 'untouched' };
  if (outcome !== 'written') throw new AppError('INTERNAL', `Jira refused to put back ${issue.key}.`);
  // The import's revision no longer stands: its history entry goes with it.
  await context.store.delete(epicHistoryKey({ issueId: issue.id, revision }));
  return { outcome: 'restored' };
}

/**
 * Puts back up to `rollbackPerStep` epics, newest first; once all are back, the settings and
 * objectives too, an audit entry is written and the failure is answered. Safe to run again after
 * a crash: an epic already put back holds what it held before, and is left alone.
 */
async function rollBackStep(
  context: AdminContext,
  importId: string,
  state: ImportState,
  document: PortfolioDocument,
  options: Required<Options>,
): Promise<ImportStep> {
  const settingsBefore = appSettingsSchema.parse(state.settingsBefore);
  const from = Math.max(0, state.rollbackTo - options.rollbackPerStep);
  const slice = document.epics.slice(from, state.rollbackTo);
  const now = context.clock.now();
  const issues = await fetchIssues(
    context,
    slice.map((epic) => epic.key),
  );
  const befores = new Map<string, Before>();
  const restored: EpicIssue[] = [];
  const conflicts: ImportRollbackConflict[] = [];
  await inBatches(slice, WRITE_CONCURRENCY, async (epic) => {
    const issue = issues.get(epic.key);
    if (issue === undefined) return;
    const before = beforeSchema.safeParse(
      await context.store.get(importBeforeKey({ importId, issueId: issue.id })),
    );
    if (!before.success) return;
    befores.set(issue.id, before.data);
    const putBack = await putBackEpic(context, { issue, before: before.data, by: state.by, now });
    if (putBack.outcome === 'restored') restored.push(issue);
    if (putBack.outcome === 'conflict') conflicts.push(putBack.conflict);
  });
  // The roll-up follows: each epic put back is filed as Jira now holds it (its revision is lower
  // than the import's, so this is not a save's "only if newer"), then its revision is freed.
  const putBack = await fetchIssues(
    context,
    restored.map((issue) => issue.key),
  );
  for (const issue of putBack.values()) {
    await fileContribution(context.store, contributionOf({ issue, settings: settingsBefore }), { now });
    await syncEpicFields(context.epicFields, [{ issue }], settingsBefore, now);
    const before = befores.get(issue.id);
    if (before)
      await context.store.delete(revisionClaimKey({ issueId: issue.id, revision: before.writes.revision }));
  }
  const known = new Set(state.conflicts.map((conflict) => conflict.key));
  const progressed: ImportState = {
    ...state,
    rollbackTo: from,
    conflicts: [...state.conflicts, ...conflicts.filter((conflict) => !known.has(conflict.key))],
  };
  if (from > 0) {
    await saveState(context, importId, progressed);
    await forgetBefores(context, importId, befores);
    return { done: false, importId, phase: 'rolling-back', applied: from, total: state.total };
  }
  const config = new SiteConfig(context.store);
  await config.saveSettings(settingsBefore);
  for (const objective of document.objectives) {
    const previous = state.objectivesBefore?.find((candidate) => candidate.id === objective.id);
    if (previous) await config.saveObjective(previous);
    else await config.deleteObjective(objective.id);
  }
  const rolledBack: ImportState = { ...progressed, status: 'rolled-back' };
  await appendAudit(context.store, {
    at: now,
    by: context.accountId,
    action: 'portfolio.import-rolled-back',
    changes: [
      { path: 'failure', before: null, after: state.failure?.message ?? null },
      { path: 'conflicts', before: null, after: rolledBack.conflicts.map((conflict) => conflict.key) },
    ],
  });
  await saveState(context, importId, rolledBack);
  await forgetBefores(context, importId, befores);
  throw failureError(rolledBack);
}

/** Drops what the epics held before, once the state says they are put back (never earlier). */
async function forgetBefores(
  context: AdminContext,
  importId: string,
  befores: Map<string, Before>,
): Promise<void> {
  await Promise.all(
    [...befores.keys()].map((issueId) => context.store.delete(importBeforeKey({ importId, issueId }))),
  );
}
