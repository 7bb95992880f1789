import { useEffect, useRef } from 'react';
import type { PlanningJobView } from '../../../../src/contract/planning-job.contract';
import { Button } from '../../ui/button';
import { SectionMessage } from '../../ui/section-message';
import { AppliedMessage } from './applied-message';
import { PlanningJobProgress, usePlanningJob } from './planning-job-progress';

/**
 * An application too large for one request, written by the server's queue in batches, all or
 * nothing: its progress with a Cancel button (which puts back what was written), then what was
 * recorded, or why nothing was. A conflict offers to run the scenario again, when there is one.
 */
export function ApplyJob({
  job: started,
  onRerun,
  onEnded,
}: {
  job: PlanningJobView;
  onRerun?: () => void;
  /** Called once the job is no longer running: done, failed or cancelled. */
  onEnded?: () => void;
}) {
  const followed = usePlanningJob(started);
  const { job } = followed;
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  });
  const running = job.state === 'running';
  useEffect(() => {
    if (!running) ended.current?.();
  }, [running]);

  if (job.state === 'done')
    return job.kind === 'apply' && job.result !== undefined ? <AppliedMessage applied={job.result} /> : null;
  if (job.state === 'cancelled')
    return (
      <SectionMessage appearance="information" title="Applying was cancelled">
        <p>{job.error?.message ?? 'Nothing was applied; every epic is as it was.'}</p>
      </SectionMessage>
    );
  if (job.state === 'failed')
    return (
      <SectionMessage
        appearance="error"
        role="alert"
        title={
          job.error?.code === 'SAVE_INCOMPLETE'
            ? 'Some epics still record the decision'
            : 'Nothing was applied'
        }
      >
        <p>{job.error?.message ?? 'The job stopped. Reload to see what is stored.'}</p>
        {job.error?.code === 'CONFLICT' && onRerun !== undefined ? (
          <Button appearance="primary" onClick={onRerun}>
            Run the scenario again
          </Button>
        ) : null}
      </SectionMessage>
    );
  return (
    <PlanningJobProgress
      followed={followed}
      label="Applying decisions"
      explanation="Many epics, so the server records the decisions in batches, all or nothing. You may leave this page: it finds the application again when you come back."
      cancelText="Cancel and put back"
    />
  );
}
