import { useEffect, useRef } from 'react';
import type { PlanningJobView } from '../../../../src/contract/planning-job.contract';
import type { ScenarioView } from '../../../../src/contract/planning.contract';
import { SectionMessage } from '../../ui/section-message';
import { PlanningJobProgress, usePlanningJob } from './planning-job-progress';

/**
 * A budget cut too large for one request, computed by the server's queue in steps: its progress
 * with a Cancel button; its plan once done (handed to `onResult`), or why it stopped.
 */
export function ScenarioJob({
  job: started,
  onResult,
}: {
  job: PlanningJobView;
  onResult: (view: ScenarioView) => void;
}) {
  const followed = usePlanningJob(started);
  const { job } = followed;
  const result = useRef(onResult);
  useEffect(() => {
    result.current = onResult;
  });
  useEffect(() => {
    if (job.kind === 'scenario' && job.state === 'done' && job.result !== undefined)
      result.current(job.result);
  }, [job]);

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
    <PlanningJobProgress
      followed={followed}
      label="Budget cut in progress"
      explanation="This scope is large, so the cut runs on the server in steps. You may leave this page: it finds the cut again when you come back."
      cancelText="Cancel the cut"
    />
  );
}
