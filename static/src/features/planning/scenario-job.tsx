import { useEffect, useRef, useState } from 'react';
import type { PlanningJobView } from '../../../../src/contract/planning-job.contract';
import type { ScenarioView } from '../../../../src/contract/planning.contract';
import { Button } from '../../ui/button';
import { ProgressBar } from '../../ui/progress-bar';
import { SectionMessage } from '../../ui/section-message';
import { cancelPlanningJob, getPlanningJob } from './planning-job-api';

/** How often a running job is asked for its progress: a step takes seconds, so this feels live. */
export const JOB_POLL_MS = 1500;
/** A finished scenario job is shown again after a reload for this long. */
const RESUME_DONE_WITHIN_MS = 60 * 60 * 1000;

/**
 * Once, when the page opens: the user's latest scenario job, when it still runs or finished
 * within the hour, so that a reloaded page finds it again. Nothing happens when there is none,
 * or when it cannot be asked.
 */
export function useResumedScenarioJob(onFound: (job: PlanningJobView) => void): void {
  const found = useRef(onFound);
  useEffect(() => {
    found.current = onFound;
  });
  useEffect(() => {
    let current = true;
    getPlanningJob().then(
      (answer) => {
        const job = answer.ok ? answer.data : null;
        if (!current || job?.kind !== 'scenario') return;
        const recent = Date.now() - Date.parse(job.updatedAt) < RESUME_DONE_WITHIN_MS;
        if (job.state === 'running' || (job.state === 'done' && recent)) found.current(job);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
}

/**
 * A budget cut too large for one request, computed by the server's queue in steps: its progress,
 * polled every `JOB_POLL_MS`, with a Cancel button; its plan once done (handed to `onResult`),
 * or why it stopped.
 */
export function ScenarioJob({
  job: started,
  onResult,
}: {
  job: PlanningJobView;
  onResult: (view: ScenarioView) => void;
}) {
  const [job, setJob] = useState(started);
  const [pollError, setPollError] = useState<string | null>(null);
  /** Counts answers, so that a failed poll schedules the next one even when its message repeats. */
  const [polls, setPolls] = useState(0);
  const [cancelling, setCancelling] = useState(false);
  const result = useRef(onResult);
  useEffect(() => {
    result.current = onResult;
  });

  useEffect(() => {
    if (job.kind === 'scenario' && job.state === 'done' && job.result !== undefined)
      result.current(job.result);
    if (job.state !== 'running') return;
    const timer = setTimeout(() => {
      getPlanningJob(job.id).then(
        (answer) => {
          setPolls((count) => count + 1);
          if (answer.ok && answer.data !== null) {
            setPollError(null);
            setJob(answer.data);
          } else {
            setPollError(answer.ok ? 'The job no longer exists.' : answer.error.message);
          }
        },
        () => undefined,
      );
    }, JOB_POLL_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [job, polls]);

  const cancel = () => {
    setCancelling(true);
    cancelPlanningJob(job.id).then(
      (answer) => {
        if (answer.ok) setJob(answer.data);
        else setPollError(answer.error.message);
      },
      () => undefined,
    );
  };

  if (job.state === 'cancelled')
    return (
      <SectionMessage appearance="information" title="The cut was cancelled">
        <p>Nothing was planned. Run the cut again when you are ready.</p>
      </SectionMessage>
    );
  if (job.state === 'failed')
    return (
      <SectionMessage appearance="error" title="The cut could not be run">
        <p>{job.error?.message ?? 'The job stopped. Run the cut again.'}</p>
      </SectionMessage>
    );
  if (job.state === 'done') return null;
  return (
    <div className="vl-planning-job" role="group" aria-label="Budget cut in progress">
      <p className="vl-subtle">
        This scope is large, so the cut runs on the server in steps. You may leave this page: it finds the cut
        again when you come back.
      </p>
      <ProgressBar label={job.progress.label} value={job.progress.done} max={job.progress.total} />
      {pollError === null ? null : (
        <p className="vl-subtle" role="status">
          Progress could not be read ({pollError}); trying again.
        </p>
      )}
      <Button spacing="compact" busy={cancelling} onClick={cancel}>
        Cancel the cut
      </Button>
    </div>
  );
}
