import type { EpicValueView } from '../../contract/panel.contract';
import { monthOf } from '../ports/clock';
import { epicValueView } from './epic-value-view';
import { currentValueOf, unreadableReasonOf } from './load-epic';
import type { PanelContext } from './panel-context';
import { loadPanelEpic } from './panel-epic';
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
  const { settings, objectives, issue, canEdit, roles } = await loadPanelEpic(context, issueKey);
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
