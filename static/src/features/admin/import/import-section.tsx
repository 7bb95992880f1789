import { useRef, useState } from 'react';
import { Button } from '../../../ui/button';
import { SectionMessage } from '../../../ui/section-message';
import { useAdminApi, useShowSection } from '../admin-context';
import { ImportDropzone } from './import-dropzone';
import { ImportPreviewView } from './import-preview';
import { ConflictTable, IssueTable } from './import-problems';
import {
  applyProblem,
  applyProgress,
  importButtonText,
  isBusy,
  resultTitle,
  type ImportRun,
  type Problem,
} from './import-run';
import { uploadForPreview } from './upload-for-preview';
import { ImportStages } from './import-stages';
import './import.css';
import { SectionHeader } from '../section-header';

/** Import a portfolio v1 file: read, parse, preview against the site, then apply all or nothing. */
export function ImportSection() {
  const api = useAdminApi();
  const show = useShowSection();
  const [run, setRun] = useState<ImportRun | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const runs = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = isBusy(run);

  function start(file: File): Promise<void> {
    runs.current += 1;
    const mine = runs.current;
    return uploadForPreview(api, file, { show: setRun, current: () => runs.current === mine });
  }

  /**
   * Applies the uploaded file a bounded step at a time (each call stays far under Forge's 25 s),
   * showing how many epics are in. A failed step is put back by the server, all of it.
   */
  async function apply(): Promise<void> {
    if (run?.importId === undefined || run.preview === undefined) return;
    const mine = runs.current;
    const { importId } = run;
    const update = (change: (previous: ImportRun) => ImportRun) => {
      if (runs.current === mine) setRun((previous) => (previous === null ? previous : change(previous)));
    };
    update((previous) => {
      const { problem: _problem, ...rest } = previous;
      return {
        ...rest,
        stages: { ...previous.stages, apply: 'running' },
        progress: { apply: applyProgress(0, run.preview?.counts.epics ?? 0, 'applying') },
      };
    });
    for (;;) {
      const result = await api.applyImportStep(importId);
      if (runs.current !== mine) return;
      if (!result.ok) {
        const problem = applyProblem(result.error);
        update((previous) => ({
          ...previous,
          stages: { ...previous.stages, apply: 'failed' },
          progress: {},
          problem,
        }));
        return;
      }
      const step = result.data;
      if (step.done) {
        update((previous) => ({
          ...previous,
          result: { applied: step.applied },
          progress: {},
          stages: { ...previous.stages, apply: 'done' },
        }));
        return;
      }
      update((previous) => ({
        ...previous,
        progress: { apply: applyProgress(step.applied, step.total, step.phase) },
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
    runs.current += 1;
    setRun(null);
    setNote(null);
    window.setTimeout(() => fileInput.current?.focus(), 0);
  }

  return (
    <section aria-labelledby="import-title">
      <SectionHeader id="import-title" title="Import">
        Bring in settings, objectives and epics&rsquo; value records from a portfolio v1 file, such as a Value
        Layer backup. You see what will change first, field by field; then everything is applied, or nothing.
        Epics the file holds as they are stay untouched.
      </SectionHeader>

      {run !== null && <ImportStages run={run} />}
      {run?.problem !== undefined && (
        <ProblemMessage problem={run.problem} onRetry={() => void apply()} onReset={reset} />
      )}

      {run?.preview?.valid === true && run.result === undefined && (
        <ImportPreviewView preview={run.preview}>
          <div className="vl-form-actions">
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void apply()}
              busy={run.stages.apply === 'running'}
            >
              {run.stages.apply === 'running' ? 'Importing…' : importButtonText(run.preview)}
            </Button>
            <Button appearance="subtle" disabled={busy} onClick={reset}>
              Cancel
            </Button>
            {run.stages.apply === 'running' && (
              <span className="vl-subtle">Large files take a while; keep this page open.</span>
            )}
          </div>
        </ImportPreviewView>
      )}

      {run?.result !== undefined && (
        <SectionMessage
          appearance="success"
          title={resultTitle(run)}
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
          <p>What changed is in the audit log. Dashboards show the new figures the next time they load.</p>
        </SectionMessage>
      )}

      {run === null || (run.result === undefined && !busy) ? (
        <ImportDropzone onFiles={choose} disabled={busy} again={run !== null} inputRef={fileInput} />
      ) : null}
      {note !== null && <p className="vl-hint">{note}</p>}
    </section>
  );
}

function ProblemMessage({
  problem,
  onRetry,
  onReset,
}: {
  problem: Problem;
  onRetry: () => void;
  onReset: () => void;
}) {
  return (
    <>
      <SectionMessage
        appearance="error"
        title={problem.title}
        actions={
          <>
            {problem.retry === true && (
              <Button appearance="primary" onClick={onRetry}>
                Try again
              </Button>
            )}
            <Button onClick={onReset}>Start over</Button>
          </>
        }
      >
        <p>{problem.text}</p>
      </SectionMessage>
      {problem.issues !== undefined && problem.issues.length > 0 && <IssueTable issues={problem.issues} />}
      {problem.conflicts !== undefined && problem.conflicts.length > 0 && (
        <ConflictTable conflicts={problem.conflicts} />
      )}
    </>
  );
}
