import { useRef, useState, type DragEvent } from 'react';
import type {
  ImportPreview,
  ImportResult,
  ImportRollbackConflict,
  ImportRolledBack,
} from '../../../../../src/contract/admin.contract';
import type { FieldError } from '../../../../../src/contract/envelope';
import { useAdminApi, useShowSection } from '../admin-context';
import { SectionMessage } from '../../../ui/section-message';
import { Spinner } from '../../../ui/skeleton';
import { ConflictTable, ImportPreviewView, IssueTable } from './import-preview';
import { plural } from '../text';
import { formatBytes, READ_LIMIT_BYTES, readText, splitForUpload } from './read-file';
import './import.css';
import { Button } from '../../../ui/button';

const STAGES = [
  { id: 'read', label: 'Reading the file' },
  { id: 'parse', label: 'Parsing JSON' },
  { id: 'upload', label: 'Uploading' },
  { id: 'validate', label: 'Validating against this site' },
  { id: 'apply', label: 'Applying' },
] as const;

type StageId = (typeof STAGES)[number]['id'];
type StageState = 'waiting' | 'running' | 'done' | 'failed';

interface Problem {
  title: string;
  text: string;
  issues?: readonly FieldError[];
  /** Epics a rolled-back import left as they are: someone changed them after the import wrote them. */
  conflicts?: readonly ImportRollbackConflict[];
}

/** The `details` of an import that was rolled back, if the error carries them. */
function rolledBackOf(details: unknown): ImportRolledBack | null {
  const candidate = details as Partial<ImportRolledBack> | null | undefined;
  return candidate?.rolledBack === true && Array.isArray(candidate.conflicts)
    ? (candidate as ImportRolledBack)
    : null;
}

interface Progress {
  value: number;
  max: number;
  /** Read out by assistive technology, e.g. "Uploading 3 of 9". */
  text: string;
}

interface ImportState {
  file: { name: string; size: number };
  stages: Record<StageId, StageState>;
  progress: Partial<Record<StageId, Progress>>;
  /** The uploaded file's id on the server, once every part is there. */
  importId?: string;
  bytes?: number;
  preview?: ImportPreview;
  problem?: Problem & { retry?: boolean };
  result?: ImportResult;
}

const WAITING: Record<StageId, StageState> = {
  read: 'running',
  parse: 'waiting',
  upload: 'waiting',
  validate: 'waiting',
  apply: 'waiting',
};

const count = (n: number) => n.toLocaleString('en');

/** Import a portfolio v1 file: read, parse, preview against the site, then apply all or nothing. */
export function ImportSection() {
  const api = useAdminApi();
  const show = useShowSection();
  const [state, setState] = useState<ImportState | null>(null);
  const [dragging, setDragging] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const run = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const busy = state !== null && Object.values(state.stages).includes('running');

  async function start(file: File): Promise<void> {
    run.current += 1;
    const mine = run.current;
    const current = () => run.current === mine;
    let snapshot: ImportState = {
      file: { name: file.name, size: file.size },
      stages: { ...WAITING },
      progress: {},
    };
    const put = (change: Partial<ImportState>, stages?: Partial<Record<StageId, StageState>>) => {
      if (!current()) return;
      snapshot = { ...snapshot, ...change, stages: { ...snapshot.stages, ...stages } };
      setState(snapshot);
    };
    const fail = (stage: StageId, problem: Problem) => {
      put({ problem }, { [stage]: 'failed' });
    };
    setState(snapshot);

    if (file.size > READ_LIMIT_BYTES) {
      fail('read', {
        title: 'This file is too large to import',
        text: `It is ${formatBytes(file.size)}; Value Layer imports files of at most ${formatBytes(READ_LIMIT_BYTES)}. Split it by project and import the parts one after another.`,
      });
      return;
    }
    const percent = (fraction: number): Progress => ({
      value: Math.round(fraction * 100),
      max: 100,
      text: `${String(Math.round(fraction * 100))}% read`,
    });
    let text: string;
    try {
      text = await readText(file, (fraction) => {
        put({ progress: { read: percent(fraction) } });
      });
    } catch (error) {
      fail('read', {
        title: 'The file could not be read',
        text: `${error instanceof Error ? error.message : String(error)}. Choose the file again.`,
      });
      return;
    }
    put({ progress: {} }, { read: 'done', parse: 'running' });

    let document: unknown;
    try {
      document = JSON.parse(text) as unknown;
    } catch (error) {
      fail('parse', {
        title: 'This file is not JSON',
        text: `${error instanceof Error ? error.message : String(error)}. Choose a portfolio v1 file (.json), such as a Value Layer backup.`,
      });
      return;
    }
    // Spacing is left out: the server reads the same document from fewer bytes.
    const compact = JSON.stringify(document);
    const bytes = new Blob([compact]).size;
    const parts = splitForUpload(compact);
    const uploading = (done: number): Progress => ({
      value: done,
      max: parts.length,
      text: `Uploading ${count(Math.min(done + 1, parts.length))} of ${count(parts.length)}`,
    });
    put({ bytes, progress: { upload: uploading(0) } }, { parse: 'done', upload: 'running' });

    let importId: string | undefined;
    for (const [part, chunk] of parts.entries()) {
      const staged = await api.stageImport({
        ...(importId === undefined ? {} : { importId }),
        part,
        parts: parts.length,
        chunk,
      });
      if (!current()) return;
      if (!staged.ok) {
        fail('upload', {
          title: 'The file could not be uploaded',
          text: `${staged.error.message} Nothing was imported; choose the file again.`,
        });
        return;
      }
      importId = staged.data.importId;
      put({ progress: { upload: uploading(part + 1) } });
    }
    if (importId === undefined) return;
    put({ importId, progress: {} }, { upload: 'done', validate: 'running' });

    const result = await api.previewImport(importId);
    if (!result.ok) {
      fail('validate', { title: 'The file could not be checked', text: result.error.message });
      return;
    }
    put(
      {
        preview: result.data,
        ...(result.data.valid
          ? {}
          : {
              problem: {
                title: `${plural(result.data.issues.length, 'problem')} found: nothing will be imported`,
                text: 'Fix every problem below in the file, then choose it again. Paths point into the file, e.g. epics[2].value.benefits[0].title.',
                issues: result.data.issues,
              },
            }),
      },
      { validate: result.data.valid ? 'done' : 'failed' },
    );
  }

  /**
   * Applies the uploaded file a bounded step at a time (each call stays far under Forge's 25 s),
   * showing how many epics are in. A failed step is put back by the server, all of it.
   */
  async function apply(): Promise<void> {
    if (state?.importId === undefined || state.preview === undefined) return;
    const mine = run.current;
    const { importId } = state;
    const total = state.preview.counts.epics;
    const progressOf = (applied: number, of: number, phase: 'applying' | 'rolling-back'): Progress =>
      phase === 'applying'
        ? { value: applied, max: of, text: `Applied ${count(applied)} of ${count(of)} epics` }
        : { value: of - applied, max: of, text: `Putting back: ${count(applied)} epics left` };
    const update = (change: (previous: ImportState) => ImportState) => {
      if (run.current === mine) setState((previous) => (previous === null ? previous : change(previous)));
    };
    update((previous) => {
      const { problem: _problem, ...rest } = previous;
      return {
        ...rest,
        stages: { ...previous.stages, apply: 'running' },
        progress: { apply: progressOf(0, total, 'applying') },
      };
    });
    for (;;) {
      const result = await api.applyImportStep(importId);
      if (run.current !== mine) return;
      if (!result.ok) {
        const { error } = result;
        const rolledBack = rolledBackOf(error.details);
        const conflicts = rolledBack?.conflicts ?? [];
        update((previous) => ({
          ...previous,
          stages: { ...previous.stages, apply: 'failed' },
          progress: {},
          problem: {
            title:
              conflicts.length === 0
                ? 'Nothing was imported'
                : `The import was put back, except ${plural(conflicts.length, 'epic')} changed since`,
            text: error.message,
            conflicts,
            // A step cut short by the network or Jira can be run again: the server resumes (or
            // finishes putting back). Once everything is put back, there is nothing to resume.
            retry: rolledBack === null && (error.code === 'UPSTREAM' || error.code === 'INTERNAL'),
            // The apply call addresses the file below its `document` payload field.
            issues: (error.fields ?? []).map((field) => ({
              path: field.path.replace(/^document\./, ''),
              message: field.message,
            })),
          },
        }));
        return;
      }
      const step = result.data;
      if (step.done) {
        const { applied } = step;
        update((previous) => ({
          ...previous,
          result: { applied },
          progress: {},
          stages: { ...previous.stages, apply: 'done' },
        }));
        return;
      }
      update((previous) => ({
        ...previous,
        progress: { apply: progressOf(step.applied, step.total, step.phase) },
      }));
    }
  }

  function choose(files: FileList | null): void {
    const file = files?.[0];
    if (!file) return;
    setNote(files.length > 1 ? `Only one file is imported at a time: using ${file.name}.` : null);
    void start(file);
  }

  function reset(): void {
    run.current += 1;
    setState(null);
    setNote(null);
    window.setTimeout(() => fileInput.current?.focus(), 0);
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) choose(event.dataTransfer.files);
  };

  return (
    <section aria-labelledby="import-title">
      <div className="vl-section-header">
        <div>
          <h2 id="import-title">Import</h2>
          <p className="vl-subtle">
            Bring in settings, objectives and epics&rsquo; value records from a portfolio v1 file, such as a
            Value Layer backup. You see what will change first; then everything is applied, or nothing.
          </p>
        </div>
      </div>

      {state !== null && (
        <div className="vl-import-run">
          <p className="vl-import-file">
            <strong>{state.file.name}</strong>
            <span className="vl-subtle">
              {' '}
              · {formatBytes(state.file.size)}
              {state.bytes !== undefined && state.bytes !== state.file.size
                ? ` (${formatBytes(state.bytes)} of data)`
                : ''}
            </span>
          </p>
          <ol className="vl-stages" aria-label="Import progress">
            {STAGES.map((stage) => (
              <StageItem
                key={stage.id}
                label={stage.label}
                state={state.stages[stage.id]}
                progress={state.stages[stage.id] === 'running' ? state.progress[stage.id] : undefined}
              />
            ))}
          </ol>
          <p className="vl-visually-hidden" role="status">
            {announce(state)}
          </p>
        </div>
      )}

      {state?.problem !== undefined && (
        <SectionMessage
          appearance="error"
          title={state.problem.title}
          actions={
            <>
              {state.problem.retry === true && (
                <Button appearance="primary" onClick={() => void apply()}>
                  Try again
                </Button>
              )}
              <Button onClick={reset}>Start over</Button>
            </>
          }
        >
          <p>{state.problem.text}</p>
        </SectionMessage>
      )}
      {state?.problem?.issues !== undefined && state.problem.issues.length > 0 && (
        <IssueTable issues={state.problem.issues} />
      )}
      {state?.problem?.conflicts !== undefined && state.problem.conflicts.length > 0 && (
        <ConflictTable conflicts={state.problem.conflicts} />
      )}

      {state?.preview?.valid === true && state.result === undefined && (
        <ImportPreviewView preview={state.preview}>
          <div className="vl-form-actions">
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void apply()}
              busy={state.stages.apply === 'running'}
            >
              {state.stages.apply === 'running'
                ? 'Importing…'
                : `Import ${plural(state.preview.counts.objectives, 'objective')} and ${plural(state.preview.counts.epics, 'epic')}`}
            </Button>
            <Button appearance="subtle" disabled={busy} onClick={reset}>
              Cancel
            </Button>
            {state.stages.apply === 'running' && (
              <span className="vl-subtle">Large files take a while; keep this page open.</span>
            )}
          </div>
        </ImportPreviewView>
      )}

      {state?.result !== undefined && (
        <SectionMessage
          appearance="success"
          title={`Imported ${plural(state.result.applied.objectives, 'objective')} and ${plural(state.result.applied.epics, 'epic')}`}
          actions={
            <>
              <Button
                onClick={() => {
                  show('objectives');
                }}
              >
                View objectives
              </Button>
              <Button appearance="subtle" onClick={reset}>
                Import another file
              </Button>
            </>
          }
        >
          <p>The change is in the audit log. Dashboards show the new figures the next time they load.</p>
        </SectionMessage>
      )}

      {state === null || (state.result === undefined && !busy) ? (
        <div
          className={dragging ? 'vl-dropzone vl-dropzone--active' : 'vl-dropzone'}
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }}
          onDragLeave={() => {
            setDragging(false);
          }}
          onDrop={onDrop}
        >
          <svg className="vl-dropzone-icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
            <path
              fill="currentColor"
              d="M12 3a1 1 0 0 1 .7.29l4 4a1 1 0 1 1-1.4 1.42L13 6.41V15a1 1 0 1 1-2 0V6.41L8.7 8.71a1 1 0 0 1-1.4-1.42l4-4A1 1 0 0 1 12 3ZM5 14a1 1 0 0 1 1 1v3h12v-3a1 1 0 1 1 2 0v4a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1Z"
            />
          </svg>
          <p>
            <strong>Drop a portfolio file here</strong>, or
          </p>
          <input
            ref={fileInput}
            id="import-file"
            className="vl-file-input"
            type="file"
            accept=".json,application/json"
            aria-describedby="import-file-hint"
            onChange={(event) => {
              choose(event.target.files);
              event.target.value = '';
            }}
          />
          <label htmlFor="import-file" className="vl-button">
            {state === null ? 'Choose a file' : 'Choose another file'}
          </label>
          <p className="vl-hint" id="import-file-hint">
            JSON in the portfolio v1 format, up to {formatBytes(READ_LIMIT_BYTES)}. Large files are uploaded
            in parts and applied in steps; keep this page open until the import finishes.
          </p>
        </div>
      ) : null}
      {note !== null && <p className="vl-hint">{note}</p>}
    </section>
  );
}

function StageItem({
  label,
  state,
  progress,
}: {
  label: string;
  state: StageState;
  progress: Progress | undefined;
}) {
  const status = { waiting: 'Waiting', running: 'In progress', done: 'Done', failed: 'Failed' }[state];
  return (
    <li className={`vl-stage vl-stage--${state}`}>
      <span className="vl-stage-mark" aria-hidden="true">
        {state === 'done' ? '✓' : state === 'failed' ? '!' : state === 'running' ? <Spinner /> : ''}
      </span>
      <span className="vl-stage-label">{label}</span>
      <span className="vl-stage-status">{progress === undefined ? status : progress.text}</span>
      {progress !== undefined && (
        <span
          className="vl-progress"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={progress.max}
          aria-valuenow={progress.value}
          aria-valuetext={progress.text}
        >
          <span
            className="vl-progress-fill"
            style={{
              inlineSize: `${String(progress.max > 0 ? Math.round((progress.value / progress.max) * 100) : 0)}%`,
            }}
          />
        </span>
      )}
    </li>
  );
}

function announce(state: ImportState): string {
  const running = STAGES.find((stage) => state.stages[stage.id] === 'running');
  if (running) return `${running.label}…`;
  if (state.result) return 'Import finished.';
  // A problem is announced by its own alert.
  if (state.problem) return '';
  if (state.preview?.valid === true) return 'The file is valid. Review what will change, then import.';
  return '';
}
