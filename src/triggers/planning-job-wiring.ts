import { forgeWorkQueue } from '../adapters/events/forge-work-queue';
import type { PlanningJobContext } from '../application/planning/jobs/planning-job-context';
import { asCaller } from '../resolvers/as-caller';

/**
 * The queue of value planning jobs (manifest.yml `consumer` value-planning-job-consumer): its
 * function may run 300 s, where the roll-up queue's runs 120 s.
 */
export const PLANNING_JOB_QUEUE = 'value-planning-jobs';

/**
 * A planning job's adapters as `accountId`: every Jira call `asUser()`, in the resolver that
 * starts a job (the caller) and in the consumer running its steps (the user whose invocation
 * pushed the step, Forge's `principal`). Undefined (no user): the step stops the job unread.
 */
export function planningJobContext(accountId: string | undefined): PlanningJobContext {
  const caller = asCaller({ accountId: accountId ?? '' });
  const { jira, permissions, store, clock, rollupQueue, epicFields } = caller;
  return {
    accountId,
    jira,
    permissions,
    store,
    clock,
    rollupQueue,
    epicFields,
    jobQueue: forgeWorkQueue(PLANNING_JOB_QUEUE),
    ...(accountId === undefined
      ? {}
      : { viewer: { accountId, browsableProjectKeys: () => permissions.browsableProjectKeys() } }),
  };
}
