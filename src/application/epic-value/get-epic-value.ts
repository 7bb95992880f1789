import type { EpicValueView } from '../../contract/panel.contract';
import { valueRolesOf } from '../authority/value-roles';
import { monthOf } from '../ports/clock';
import { epicValueView } from './epic-value-view';
import { currentValueOf, loadEpic, unreadableReasonOf } from './load-epic';
import { siteConfigOf, type PanelContext } from './panel-context';
import { unreadableRecordError } from './unreadable-record';

/**
 * The epic's value record, its KPIs as of this month, and whether the user may edit it, verify
 * realised benefit and approve the plan as baseline. A record
 * that cannot be read answers `UNREADABLE_RECORD` with what the panel needs to offer an overwrite.
 */
export async function getEpicValue(
  context: PanelContext,
  { issueKey }: { issueKey: string },
): Promise<EpicValueView> {
  const config = siteConfigOf(context);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  const issue = await loadEpic(context.jira, issueKey, settings);
  const [canEdit, roles] = await Promise.all([
    context.permissions.canEditIssue(issue.id),
    valueRolesOf(context, settings),
  ]);
  const reason = unreadableReasonOf(issue, settings.currency);
  if (reason !== null) {
    throw await unreadableRecordError({
      jira: context.jira,
      store: context.store,
      issue,
      reason,
      canEdit,
      message: `The value record stored on ${issue.key} cannot be read (${reason}). It was left as it is.`,
    });
  }
  return epicValueView({
    issue,
    stored: currentValueOf(issue, settings.currency),
    settings,
    objectives,
    asOf: monthOf(context.clock.now()),
    canEdit,
    roles,
  });
}
