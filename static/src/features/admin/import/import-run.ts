import type {
  ImportPreview,
  ImportResult,
  ImportRollbackConflict,
  ImportRolledBack,
} from '../../../../../src/contract/admin.contract';
import type { FieldError, ResolverError } from '../../../../../src/contract/envelope';
import { plural } from '../text';

/*
 * One run of the import section, as a pure model: its stages, progress and problems. The section
 * (import-section.tsx) drives it with the server's answers; these functions only say what follows.
 */

export const STAGES = [
  { id: 'read', label: 'Reading the file' },
  { id: 'parse', label: 'Parsing JSON' },
  { id: 'upload', label: 'Uploading' },
  { id: 'validate', label: 'Validating against this site' },
  { id: 'apply', label: 'Applying' },
] as const;

export type StageId = (typeof STAGES)[number]['id'];
export type StageState = 'waiting' | 'running' | 'done' | 'failed';

export interface Problem {
  title: string;
  text: string;
  issues?: readonly FieldError[];
  /** Epics a rolled-back import left as they are: someone changed them after the import wrote them. */
  conflicts?: readonly ImportRollbackConflict[];
  /** Whether the same import can be resumed (a step cut short by the network or Jira). */
  retry?: boolean;
}

export interface Progress {
  value: number;
  max: number;
  /** Read out by assistive technology, e.g. "Uploading 3 of 9". */
  text: string;
}

export interface ImportRun {
  file: { name: string; size: number };
  stages: Record<StageId, StageState>;
  progress: Partial<Record<StageId, Progress>>;
  /** The uploaded file's id on the server, once every part is there. */
  importId?: string;
  bytes?: number;
  preview?: ImportPreview;
  problem?: Problem;
  result?: ImportResult;
}

const count = (n: number) => n.toLocaleString('en');

/** A run that has just been given `file`: reading it is the first stage. */
export function startedRun(file: { name: string; size: number }): ImportRun {
  return {
    file: { name: file.name, size: file.size },
    stages: { read: 'running', parse: 'waiting', upload: 'waiting', validate: 'waiting', apply: 'waiting' },
    progress: {},
  };
}

/** Whether a stage is under way: the file cannot be changed meanwhile. */
export const isBusy = (run: ImportRun | null): boolean =>
  run !== null && Object.values(run.stages).includes('running');

export const readProgress = (fraction: number): Progress => ({
  value: Math.round(fraction * 100),
  max: 100,
  text: `${String(Math.round(fraction * 100))}% read`,
});

export const uploadProgress = (done: number, parts: number): Progress => ({
  value: done,
  max: parts,
  text: `Uploading ${count(Math.min(done + 1, parts))} of ${count(parts)}`,
});

export function applyProgress(applied: number, total: number, phase: 'applying' | 'rolling-back'): Progress {
  return phase === 'applying'
    ? { value: applied, max: total, text: `Applied ${count(applied)} of ${count(total)} epics` }
    : { value: total - applied, max: total, text: `Putting back: ${count(applied)} epics left` };
}

/** The preview's outcome: ready, or every problem of the file (nothing will be imported). */
export function previewed(run: ImportRun, preview: ImportPreview): ImportRun {
  return {
    ...run,
    preview,
    stages: { ...run.stages, validate: preview.valid ? 'done' : 'failed' },
    ...(preview.valid
      ? {}
      : {
          problem: {
            title: `${plural(preview.issues.length, 'problem')} found: nothing will be imported`,
            text: 'Fix every problem below in the file, then choose it again. Paths point into the file, e.g. epics[2].value.benefits[0].title.',
            issues: preview.issues,
          },
        }),
  };
}

/** The `details` of an import that was rolled back, if the error carries them. */
export function rolledBackOf(details: unknown): ImportRolledBack | null {
  const candidate = details as Partial<ImportRolledBack> | null | undefined;
  return candidate?.rolledBack === true && Array.isArray(candidate.conflicts)
    ? (candidate as ImportRolledBack)
    : null;
}

/** What a failed apply step tells the admin: what is left as it was, and whether to try again. */
export function applyProblem(error: ResolverError): Problem {
  const rolledBack = rolledBackOf(error.details);
  const conflicts = rolledBack?.conflicts ?? [];
  return {
    title:
      conflicts.length === 0
        ? 'Nothing was imported'
        : `The import was put back, except ${plural(conflicts.length, 'epic')} changed since`,
    text: error.message,
    conflicts,
    // A step cut short by the network or Jira can be run again: the server resumes (or finishes
    // putting back). Once everything is put back, there is nothing to resume.
    retry: rolledBack === null && (error.code === 'UPSTREAM' || error.code === 'INTERNAL'),
    // The apply call addresses the file below its `document` payload field.
    issues: (error.fields ?? []).map((field) => ({
      path: field.path.replace(/^document\./, ''),
      message: field.message,
    })),
  };
}

/** What the status line reads out: the stage under way, or what to do next. */
export function announce(run: ImportRun): string {
  const running = STAGES.find((stage) => run.stages[stage.id] === 'running');
  if (running) return `${running.label}…`;
  if (run.result) return 'Import finished.';
  // A problem is announced by its own alert.
  if (run.problem) return '';
  if (run.preview?.valid === true) return 'The file is valid. Review what will change, then import.';
  return '';
}

/** Objectives the file adds or changes: those it holds as they are do not count as imported. */
const objectivesWritten = (preview: ImportPreview) =>
  preview.changes.objectivesAdded.length + preview.changes.objectivesChanged.length;

/** The confirm button: what the import will write, in numbers. */
export function importButtonText(preview: ImportPreview): string {
  const { changes } = preview;
  const epics =
    changes.epicsWithNewRecord.length + changes.epicsReplaced.length + changes.epicsUnreadableReplaced.length;
  return `Import ${plural(objectivesWritten(preview), 'objective')} and ${plural(epics, 'epic')}`;
}

/** What an applied import did: "Imported 1 objective and 2 epics; 1 epic left as it was". */
export function resultTitle(run: ImportRun): string {
  const applied = run.result?.applied ?? { objectives: 0, epics: 0 };
  const unchanged = Math.min(run.preview?.changes.epicsUnchanged.length ?? 0, applied.epics);
  const objectives = run.preview === undefined ? applied.objectives : objectivesWritten(run.preview);
  const imported = `Imported ${plural(objectives, 'objective')} and ${plural(applied.epics - unchanged, 'epic')}`;
  return unchanged === 0
    ? imported
    : `${imported}; ${plural(unchanged, 'epic')} left as ${unchanged === 1 ? 'it was' : 'they were'}`;
}
