import { useEffect, useRef, useState } from 'react';
import type { PlanningJobView } from '../../../../src/contract/planning-job.contract';
import { Button } from '../../ui/button';
import { ProgressBar } from '../../ui/progress-bar';
import { cancelPlanningJob, getPlanningJob } from './planning-job-api';

/** How often a running job is asked for its progress: a step takes seconds, so this feels live. */
const JOB_POLL_MS = 1500;
/** A finished job is shown again after a reload for this long. */
const RESUME_DONE_WITHIN_MS = 60 * 60 * 1000;

/**
 * Once, when the page opens: the user's latest planning job (a scenario or an application), when
 * it still runs or finished within the hour, so that a reloaded page finds it again. Nothing
 * happens when there is none, or when it cannot be asked.
 */
export function useResumedPlanningJob(onFound: (job: PlanningJobView) => void): void {
  const found = useRef(onFound);
  useEffect(() => {
    found.current = onFound;
  });
  useEffect(() => {
    let current = true;
    getPlanningJob().then(
      (answer) => {
        const job = answer.ok ? answer.data : null;
        if (!current || job === null) return;
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

export interface FollowedJob {
  /** The job as last read: it starts as `started`, and changes with every poll. */
  job: PlanningJobView;
  /** Why the last poll or cancel failed, until one succeeds. */
  pollError: string | null;
  cancelling: boolean;
  cancel: () => void;
}

/** Follows a job of the server's queue: polls it every `JOB_POLL_MS` while it runs, and cancels it. */
export function usePlanningJob(started: PlanningJobView): FollowedJob {
  const [job, setJob] = useState(started);
  const [pollError, setPollError] = useState<string | null>(null);
  /** Counts answers, so that a failed poll schedules the next one even when its message repeats. */
  const [polls, setPolls] = useState(0);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
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
        () => {
          setPolls((count) => count + 1);
          setPollError('the bridge did not answer');
        },
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
      () => {
        setCancelling(false);
        setPollError('the bridge did not answer');
      },
    );
  };
  return { job, pollError, cancelling, cancel };
}

/**
 * A running job as the user sees it: why it runs in steps, its progress bar (the server's words
 * for its phase), a note when progress could not be read, and its Cancel button.
 */
export function PlanningJobProgress({
  followed,
  label,
  explanation,
  cancelText,
}: {
  followed: FollowedJob;
  /** Names the group for assistive technology, e.g. "Budget cut in progress". */
  label: string;
  explanation: string;
  cancelText: string;
}) {
  const { job, pollError, cancelling, cancel } = followed;
  return (
    <div className="vl-planning-job" role="group" aria-label={label}>
      <p className="vl-subtle">{explanation}</p>
      <ProgressBar label={job.progress.label} value={job.progress.done} max={job.progress.total} />
      {pollError === null ? null : (
        <p className="vl-subtle" role="status">
          Progress could not be read ({pollError}); trying again.
        </p>
      )}
      <Button spacing="compact" busy={cancelling} onClick={cancel}>
        {cancelText}
      </Button>
    </div>
  );
}
