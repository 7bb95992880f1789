import { forgeWorkQueue, ROLLUP_QUEUE } from '../adapters/events/forge-work-queue';
import { jiraClient } from '../adapters/jira/jira-client';
import { jiraEpicFields } from '../adapters/jira/jira-epic-fields';
import { jiraPermissions, jiraSite } from '../adapters/jira/jira-site.adapter';
import { forgeKeyValueStore } from '../adapters/storage/forge-key-value-store';
import type { ReconcileContext } from '../application/rollup/rollup-context';
import { scheduleReviewsOf } from '../application/reviews/schedule-epic-reviews';
import { systemClock } from '../platform/system-clock';
import { reviewContext } from './review-wiring';

/**
 * Triggers, scheduled runs and queue events have no user: Jira is called as the app, which sees
 * every project, so the aggregates count every epic. Viewers only ever get their own projects'.
 */
export function rollupContext(): ReconcileContext {
  const jira = jiraClient('app');
  const permissions = jiraPermissions(jira);
  return {
    jira: jiraSite(jira),
    store: forgeKeyValueStore,
    clock: systemClock,
    listProjects: () => permissions.browsableProjectKeys(),
    queue: forgeWorkQueue(ROLLUP_QUEUE),
    epicFields: jiraEpicFields(jira),
    // Epics read by an event's refresh or the daily sweep: a Done epic gets its benefit reviews
    // scheduled (once), also when its Done event was missed.
    // A failure here never fails the roll-up: the next event or the next sweep schedules them.
    onEpicsSeen: async (epics, settings) => {
      try {
        await scheduleReviewsOf(reviewContext(), epics, settings);
      } catch (error) {
        console.warn('Benefit reviews were not scheduled this time; the next sweep tries again.', error);
      }
    },
  };
}
