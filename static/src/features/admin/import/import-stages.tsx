import { Spinner } from '../../../ui/skeleton';
import { formatBytes } from './read-file';
import { announce, STAGES, type ImportRun, type Progress, type StageState } from './import-run';

/** The file being imported and where its import stands, stage by stage, with a status line. */
export function ImportStages({ run }: { run: ImportRun }) {
  return (
    <div className="vl-import-run">
      <p className="vl-import-file">
        <strong>{run.file.name}</strong>
        <span className="vl-subtle">
          {' '}
          · {formatBytes(run.file.size)}
          {run.bytes !== undefined && run.bytes !== run.file.size
            ? ` (${formatBytes(run.bytes)} of data)`
            : ''}
        </span>
      </p>
      <ol className="vl-stages" aria-label="Import progress">
        {STAGES.map((stage) => (
          <StageItem
            key={stage.id}
            label={stage.label}
            state={run.stages[stage.id]}
            progress={run.stages[stage.id] === 'running' ? run.progress[stage.id] : undefined}
          />
        ))}
      </ol>
      <p className="vl-visually-hidden" role="status">
        {announce(run)}
      </p>
    </div>
  );
}

const STATUS: Record<StageState, string> = {
  waiting: 'Waiting',
  running: 'In progress',
  done: 'Done',
  failed: 'Failed',
};

function StageItem({
  label,
  state,
  progress,
}: {
  label: string;
  state: StageState;
  progress: Progress | undefined;
}) {
  return (
    <li className={`vl-stage vl-stage--${state}`}>
      <span className="vl-stage-mark" aria-hidden="true">
        {state === 'done' ? '✓' : state === 'failed' ? '!' : state === 'running' ? <Spinner /> : ''}
      </span>
      <span className="vl-stage-label">{label}</span>
      <span className="vl-stage-status">{progress === undefined ? STATUS[state] : progress.text}</span>
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
