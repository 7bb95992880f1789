import type { PlanningJobView, ScenarioStart } from '../../../../src/contract/planning-job.contract';
import { PLANNING } from '../../../../src/contract/resolver-keys';
import { callResolver } from '../../shared/resolver-client';
import type { RunScenarioRequest } from './planning-api';

/** A budget cut: planned at once for a small scope, else a job of the server's queue to follow. */
export function startScenario(request: RunScenarioRequest) {
  return callResolver<ScenarioStart>(PLANNING.startScenario, request);
}

/** A job's progress (and result once done); without an id, the user's latest job or null. */
export function getPlanningJob(jobId?: string) {
  return callResolver<PlanningJobView | null>(PLANNING.getJob, jobId === undefined ? {} : { jobId });
}

export function cancelPlanningJob(jobId: string) {
  return callResolver<PlanningJobView>(PLANNING.cancelJob, { jobId });
}
