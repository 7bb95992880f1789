import { useEffect, useRef, useState } from 'react';
import type { Envelope } from '../../../src/contract/envelope';
import type { PlanningJobView } from '../../../src/contract/planning-job.contract';
import { Button } from '../ui/button';
import { ProgressBar } from '../ui/progress-bar';

/** How often a running job is asked for its progress: a step takes seconds, so this feels live. */
const JOB_POLL_MS = 1500;

export interface FollowedJob {
  /** The job as last read: it starts as `started`, and changes with every poll. */
  job: PlanningJobView;
  /** Why the last poll or cancel failed, until one succeeds. */
  pollError: string | null;
  cancelling: boolean;
  /** Null when the job cannot be cancelled. */
  cancel: (() => void) | null;
}

/** How a module reads and cancels its jobs (through its own resolver function). */
export interface JobApi {
  get: (jobId: string) => Promise<Envelope<PlanningJobView | null>>;
  /** Without it, the job runs to its end: no Cancel button. */
  cancel?: (jobId: string) => Promise<Envelope<PlanningJobView>>;
}

/** Follows a job of the server's queue: polls it every `JOB_POLL_MS` while it runs, and cancels it. */
export function useFollowedJob(started: PlanningJobView, api: JobApi): FollowedJob {
  const [job, setJob] = useState(started);
  const [pollError, setPollError] = useState<string | null>(null);
  /** Counts answers, so that a failed poll schedules the next one even when its message repeats. */
  const [polls, setPolls] = useState(0);
  const [cancelling, setCancelling] = useState(false);

  // The module's reader as of the last render: it may be a fresh closure each time.
  const reader = useRef(api.get);
  useEffect(() => {
    reader.current = api.get;
  });
  useEffect(() => {
    if (job.state !== 'running') return;
    const timer = setTimeout(() => {
      reader.current(job.id).then(
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

  const cancelJob = api.cancel;
  const cancel = () => {
    if (cancelJob === undefined) return;
    setCancelling(true);
    cancelJob(job.id).then(
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
  return { job, pollError, cancelling, cancel: cancelJob === undefined ? null : cancel };
}

/**
 * A running job as the user sees it: why it runs in steps, its progress bar (the server's words
 * for its phase), a note when progress could not be read, and its Cancel button (when it has one).
 */
export function JobProgress({
  followed,
  label,
  explanation,
  cancelText,
}: {
  followed: FollowedJob;
  /** Names the group for assistive technology, e.g. "Budget cut in progress". */
  label: string;
  explanation: string;
  cancelText?: string;
}) {
  const { job, pollError, cancelling, cancel } = followed;
  return (
    <div className="vl-job-progress" role="group" aria-label={label}>
      <p className="vl-subtle">{explanation}</p>
      <ProgressBar label={job.progress.label} value={job.progress.done} max={job.progress.total} />
      {pollError === null ? null : (
        <p className="vl-subtle" role="status">
          Progress could not be read ({pollError}); trying again.
        </p>
      )}
      {cancel === null || cancelText === undefined ? null : (
        <Button spacing="compact" busy={cancelling} onClick={cancel}>
          {cancelText}
        </Button>
      )}
    </div>
  );
}
