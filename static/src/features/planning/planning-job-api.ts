import type {
  ApplyStart,
  PlanningJobView,
  ScenarioStart,
} from '../../../../src/contract/planning-job.contract';
import type { ApplyScenarioInput } from '../../../../src/contract/planning.contract';
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

/**
 * Records a scenario's decisions on its epics, all or nothing (issue #16): at once for a few
 * epics, else as a job of the server's queue to follow. Each decision names the revision of the
 * epic's record the user was shown, so an epic changed since is refused (`CONFLICT`) and nothing
 * is applied. It never transitions an issue.
 */
export function startApply(request: ApplyScenarioInput) {
  return callResolver<ApplyStart>(PLANNING.startApply, request);
}
