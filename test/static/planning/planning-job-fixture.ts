import type { PlanningJobView } from '../../../src/contract/planning-job.contract';

export const JOB_ID = '7d9f2b1c-4a5e-4f3a-9b8c-1d2e3f4a5b6c';

/** What a test changes of a job: any field, the kind and its result included. */
export type JobOverrides = Partial<Omit<PlanningJobView, 'kind' | 'result'>> & {
  kind?: PlanningJobView['kind'];
  result?: unknown;
};

/** A running scenario job as `planning/get-job` answers it, updated just now; `overrides` change it. */
export function aPlanningJob(overrides: JobOverrides = {}): PlanningJobView {
  return {
    id: JOB_ID,
    kind: 'scenario',
    state: 'running',
    phase: 'reading',
    progress: { done: 1000, total: null, label: 'Reading epics: 1,000 read' },
    createdAt: '2026-03-20T12:00:00.000Z',
    updatedAt: new Date().toISOString(),
    ...overrides,
  } as PlanningJobView;
}
