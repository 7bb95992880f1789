import type { PlanningJobKind } from '../../../contract/planning-job.contract';
import { applyStep } from './apply-job';
import type { JobStep } from './planning-jobs';
import { scenarioStep } from './scenario-job';

/** The step of each kind of planning job. */
export const PLANNING_JOB_STEPS: Record<PlanningJobKind, JobStep> = {
  scenario: scenarioStep,
  apply: applyStep,
};
