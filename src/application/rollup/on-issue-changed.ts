import { isEpic } from '../epic-value/epic-value-view';
import { SiteConfig } from '../site-config';
import { rollupWhereKey } from '../storage-keys';
import { contributionOf } from './contribution';
import { fileContribution, removeContribution } from './file-contribution';
import type { RollupContext } from './rollup-context';

/** What a Jira event says: only which issue changed (and, when known, its hierarchy level). */
export interface IssueChanged {
  issueId: string;
  /** From the event's issue type, when it carries one; lets most non-epic events stop early. */
  hierarchyLevel?: number;
}

/**
 * Brings an issue's contribution in line with Jira now. The event is only a hint: the issue is
 * read again as the app and its contribution recomputed from what Jira holds, so a redelivered
 * event changes nothing and events arriving out of order still leave the current truth. A
 * deleted issue (or one no longer an epic) loses its contribution, and a late event for it
 * finds nothing in Jira and cannot bring it back.
 */
export async function onIssueChanged(
  context: RollupContext,
  event: IssueChanged,
): Promise<'written' | 'unchanged' | 'older' | 'removed' | 'absent' | 'ignored'> {
  const settings = await new SiteConfig(context.store).settings();
  const now = context.clock.now();
  // Most events are about stories and tasks: without a contribution on file there is nothing to do.
  if (
    settings.epicIssueTypeIds === null &&
    event.hierarchyLevel !== undefined &&
    event.hierarchyLevel !== 1 &&
    (await context.store.get(rollupWhereKey({ issueId: event.issueId }))) === undefined
  ) {
    return 'ignored';
  }
  const issue = await context.jira.getIssue(event.issueId);
  if (issue === null || !isEpic(issue, settings)) {
    return removeContribution(context.store, event.issueId, { now });
  }
  return fileContribution(context.store, contributionOf({ issue, settings }), { now });
}
