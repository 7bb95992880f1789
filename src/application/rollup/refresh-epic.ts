import { z } from 'zod';

/**
 * A save queues this before it writes the epic, to run a minute later: it brings the epic's roll-up
 * entry in line with Jira (`onIssueChanged`). Normally the save has done so already and it changes
 * nothing; it repairs the totals when the save was cut off, or its roll-up write failed, after
 * Jira took the value. Jira's own events cannot: the app's own writes raise none for it
 * (`ignoreSelf`), so without this the totals would wait for the daily reconcile.
 */
export const refreshEpicBodySchema = z.object({
  refreshEpic: z.object({ issueId: z.string().regex(/^\d+$/) }),
});

export type RefreshEpicBody = z.infer<typeof refreshEpicBodySchema>;

/** Long enough for the save to finish first, short enough that totals are not left behind. */
export const REFRESH_EPIC_DELAY_SECONDS = 60;

export function refreshEpicBody(issueId: string): RefreshEpicBody {
  return { refreshEpic: { issueId } };
}
