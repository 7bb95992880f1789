import type { Clock } from '../../ports/clock';
import type { GadgetContext } from '../../portfolio/gadget-context';
import type { EpicFields } from '../../ports/epic-fields';
import type { JiraSite, PermissionChecker } from '../../ports/jira-site';
import type { KeyValueStore } from '../../ports/key-value-store';
import type { WorkQueue } from '../../ports/work-queue';
import type { Viewer } from '../../rollup/viewer-projects';

/**
 * What a planning job needs, in the resolver that starts it and in the queue consumer that runs
 * its steps. Jira is always the job's owner's: the consumer is handed the user whose invocation
 * pushed the event (Forge's `principal`) and calls Jira `asUser()` as them, so a scenario only
 * ever reads epics its owner may browse and an application writes only what they may edit.
 * Nothing of a job is ever read or written as the app.
 */
export interface PlanningJobContext {
  /** The user this invocation runs as; undefined when Forge gave it none. */
  accountId: string | undefined;
  /** Jira as `accountId`. */
  jira: JiraSite;
  permissions: PermissionChecker;
  store: KeyValueStore;
  clock: Clock;
  /** Where a job's steps are queued (manifest.yml: the `value-planning-jobs` consumer). */
  jobQueue: WorkQueue;
  /** Where each decision written queues its epic's roll-up refresh, as a save does. */
  rollupQueue: WorkQueue;
  epicFields?: EpicFields;
  viewer?: Viewer;
}

/** The body of a step's queue event: which job, and which of its steps. */
export interface PlanningJobStepBody {
  planningJob: { jobId: string; seq: number };
}

export function stepBody(jobId: string, seq: number): Record<string, unknown> {
  const body: PlanningJobStepBody = { planningJob: { jobId, seq } };
  return body as unknown as Record<string, unknown>;
}

/** The job's context as the scope readers take it: Jira, storage and clock as the job's owner. */
export function viewerContextOf(context: PlanningJobContext): GadgetContext {
  return {
    jira: context.jira,
    store: context.store,
    clock: context.clock,
    ...(context.viewer === undefined ? {} : { viewer: context.viewer }),
  };
}
