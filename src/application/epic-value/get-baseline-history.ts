import type { BaselineHistoryView } from '../../contract/panel.contract';
import { baselineHistory } from './baseline-history';
import { currentValueOf, loadEpic } from './load-epic';
import { siteConfigOf, type PanelContext } from './panel-context';

/**
 * The baselines the epic's re-baselinings replaced, each with its approver, time, reason and the
 * plan it froze, newest first (issue #15: "keeps the earlier baselines in history"). The current
 * baseline travels in the value view; the earlier ones are filed in the app's storage when they
 * are replaced (`keepReplacedBaseline`).
 */
export async function getBaselineHistory(
  context: Pick<PanelContext, 'jira' | 'store'>,
  { issueKey }: { issueKey: string },
): Promise<BaselineHistoryView> {
  const settings = await siteConfigOf(context).settings();
  // Reading the epic first is the authorisation: only users who may browse it see its baselines,
  // as only they see its value.
  const issue = await loadEpic(context.jira, issueKey, settings);
  const current = currentValueOf(issue, settings.currency).value.baseline;
  const earlier = await baselineHistory(context.store, { issueId: issue.id, current });
  return { issueKey: issue.key, currentVersion: current?.version ?? null, earlier: earlier.reverse() };
}
