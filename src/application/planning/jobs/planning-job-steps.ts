import type { PlanningJobKind } from '../../../contract/planning-job.contract';
import { AppError } from '../../app-error';
import type { JobStep } from './planning-jobs';
import { scenarioStep } from './scenario-job';

/** The step of each kind of planning job. */
export const PLANNING_JOB_STEPS: Record<PlanningJobKind, JobStep> = {
  scenario: scenarioStep,
  apply: () =>
    Promise.reject(new AppError('BAD_REQUEST', 'Applying a scenario as a job is not available yet.')),
};
