import { useEffect, useRef } from 'react';
import type { PlanningJobView } from '../../../../src/contract/planning-job.contract';
import { JobProgress, useFollowedJob, type FollowedJob } from '../../shared/followed-job';
import { cancelPlanningJob, getPlanningJob } from './planning-job-api';

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

/** Follows a planning job through the planning page's resolver: polls it, and cancels it. */
export function usePlanningJob(started: PlanningJobView): FollowedJob {
  return useFollowedJob(started, { get: getPlanningJob, cancel: cancelPlanningJob });
}

export { JobProgress as PlanningJobProgress, type FollowedJob };
