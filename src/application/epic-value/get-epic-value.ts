import type { EpicValueView } from '../../contract/panel.contract';
import { monthOf } from '../ports/clock';
import { epicValueView } from './epic-value-view';
import { currentValueOf, loadEpic } from './load-epic';
import { siteConfigOf, type PanelContext } from './panel-context';

/** The epic's value record, its KPIs as of this month, and whether the user may edit it. */
export async function getEpicValue(
  context: PanelContext,
  { issueKey }: { issueKey: string },
): Promise<EpicValueView> {
  const config = siteConfigOf(context);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  const issue = await loadEpic(context.jira, issueKey, settings);
  const canEdit = await context.permissions.canEditIssue(issue.id);
  return epicValueView({
    issue,
    stored: currentValueOf(issue, settings.currency),
    settings,
    objectives,
    asOf: monthOf(context.clock.now()),
    canEdit,
  });
}
