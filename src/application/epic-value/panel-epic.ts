import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import { valueRolesOf, type ValueRoles } from '../authority/value-roles';
import type { EpicIssue } from '../ports/jira-site';
import { loadEpic } from './load-epic';
import { siteConfigOf, type PanelContext } from './panel-context';

/** An epic as the Value panel opens it for the user, with what they may do to it. */
export interface PanelEpic {
  settings: AppSettings;
  objectives: StoredObjective[];
  issue: EpicIssue;
  /** Whether Jira lets the user edit the epic (its Edit issues permission). */
  canEdit: boolean;
  roles: ValueRoles;
}

/**
 * The epic the user asked for (`loadEpic`: one they may see, and an epic under the site's
 * settings), the site's settings and objectives, and the user's rights on it, as every panel
 * use case starts. The two rights are asked side by side: each is a round trip to Jira.
 */
export async function loadPanelEpic(context: PanelContext, issueKey: string): Promise<PanelEpic> {
  const config = siteConfigOf(context);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  const issue = await loadEpic(context.jira, issueKey, settings);
  const [canEdit, roles] = await Promise.all([
    context.permissions.canEditIssue(issue.id),
    valueRolesOf(context, settings),
  ]);
  return { settings, objectives, issue, canEdit, roles };
}
