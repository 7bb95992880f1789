import type { PlanningJobKind } from '../../../contract/planning-job.contract';
import { rangesStep } from '../../ranges/ranges-job';
import { applyStep } from './apply-job';
import type { JobStep } from './planning-jobs';
import { scenarioStep } from './scenario-job';

/** The step of each kind of job of the queue consumer. */
export const PLANNING_JOB_STEPS: Record<PlanningJobKind, JobStep> = {
  scenario: scenarioStep,
  apply: applyStep,
  ranges: rangesStep,
};
