import { z } from 'zod';
import { onIssueChanged } from '../application/rollup/on-issue-changed';
import { VALUE_PROPERTY_KEY } from '../adapters/jira/value-property-codec';
import { rollupContext } from './rollup-wiring';

/**
 * The little of a Jira issue event the roll-up store reads; Jira sends much more. The event's issue
 * type carries its id but no hierarchy level
 * (https://developer.atlassian.com/platform/forge/events-reference/jira/), and property events
 * carry no fields at all. Forge lists `avi:jira:set|deleted:issue-property` with their scopes (the
 * event-to-scope mapping in @forge/manifest) but the events reference documents no payload for them,
 * so only `issue.id` and `property.key` are read: an event of another shape is ignored with a warning,
 * and the app's own queued refresh and the daily reconcile keep the roll-up right without it.
 */
const issueEventSchema = z.object({
  eventType: z.string(),
  issue: z.object({
    id: z.string(),
    fields: z
      .object({ issuetype: z.object({ id: z.string() }).partial().nullish() })
      .partial()
      .nullish(),
  }),
  property: z.object({ key: z.string() }).nullish(),
});

/**
 * Jira issue events (created, updated incl. moves and re-parenting, deleted, the value property
 * set or deleted by someone other than the app): the issue's roll-up contribution follows Jira.
 */
export async function onIssueEvent(event: unknown): Promise<void> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('Ignored an issue event of unknown shape', parsed.error.issues[0]);
    return;
  }
  const { issue, property } = parsed.data;
  // Other apps' properties say nothing about value.
  if (property != null && property.key !== VALUE_PROPERTY_KEY) return;
  const issueTypeId = issue.fields?.issuetype?.id;
  // The roll-up context's `onEpicsSeen` also schedules the benefit reviews of an epic now Done.
  await onIssueChanged(rollupContext(), {
    issueId: issue.id,
    ...(issueTypeId === undefined ? {} : { issueTypeId }),
  });
}
