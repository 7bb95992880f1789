import { isEpic } from '../epic-value/epic-value-view';
import { SiteConfig } from '../site-config';
import { rollupWhereKey } from '../storage-keys';
import { contributionOf } from './contribution';
import { clearEpicFields, syncEpicFields } from './epic-field-values';
import { fileContribution, removeContribution } from './file-contribution';
import type { RollupContext } from './rollup-context';

/** What a Jira event says: which issue changed and, when the event carries it, its issue type id. */
export interface IssueChanged {
  issueId: string;
  /**
   * From the event's issue type. Jira's events carry the type's id but not its hierarchy level, so
   * only a site whose admin named the epic issue types can stop a non-epic's event without
   * reading the issue.
   */
  issueTypeId?: string;
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
  // Under the default settings (epics are Jira's hierarchy level 1) the event cannot tell, so the
  // issue is read below.
  if (
    settings.epicIssueTypeIds !== null &&
    event.issueTypeId !== undefined &&
    !settings.epicIssueTypeIds.includes(event.issueTypeId) &&
    (await context.store.get(rollupWhereKey({ issueId: event.issueId }))) === undefined
  ) {
    return 'ignored';
  }
  const issue = await context.jira.getIssue(event.issueId);
  if (issue === null || !isEpic(issue, settings)) {
    const removed = await removeContribution(context.store, event.issueId, { now });
    // An issue that stopped being an epic keeps no figures; a deleted one has no fields left.
    if (removed === 'removed' && issue !== null) await clearEpicFields(context.epicFields, [issue.id]);
    return removed;
  }
  const filed = await fileContribution(context.store, contributionOf({ issue, settings }), { now });
  // Also when the roll-up was unchanged: this refresh is what repairs a field write that failed.
  if (filed !== 'older') await syncEpicFields(context.epicFields, [{ issue }], settings, now);
  await context.onEpicsSeen?.([issue], settings);
  return filed;
}
