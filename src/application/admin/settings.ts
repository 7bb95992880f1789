import { GROUP_PICKER_LIMIT, type GroupSearch, type SettingsView } from '../../contract/admin.contract';
import type { FieldError } from '../../contract/envelope';
import type { AppSettings } from '../../contract/site-config.schema';
import { badRequest } from '../app-error';
import type { JiraGroupRef } from '../ports/group-directory';
import type { IssueTypeSummary } from '../ports/jira-site';
import { settingsEntry, SiteConfig } from '../site-config';
import { requireJiraAdmin, type AdminContext } from './admin-context';
import { fieldChanges, writeAudited } from './audit-log';

/** The epic level of `IssueTypeDetails.hierarchyLevel` (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-types/). */
const EPIC_LEVEL = 1;

function viewOf(
  settings: AppSettings,
  types: readonly IssueTypeSummary[],
  groups: readonly JiraGroupRef[],
): SettingsView {
  return {
    settings,
    epicIssueTypes: types.filter((type) => type.hierarchyLevel === EPIC_LEVEL).map(({ id }) => ({ id })),
    groups: groups.map(({ groupId, name }) => ({ groupId, name })),
  };
}

/** The verifier and approver groups the settings name, as Jira knows them now. */
function chosenGroups(context: AdminContext, settings: AppSettings): Promise<JiraGroupRef[]> {
  const ids = [settings.verifierGroupId, settings.approverGroupId].filter((id) => id !== null);
  return ids.length === 0 ? Promise.resolve([]) : context.groups.groupsByIds(ids);
}

export async function getSettings(context: AdminContext): Promise<SettingsView> {
  await requireJiraAdmin(context);
  const [settings, types] = await Promise.all([
    new SiteConfig(context.store).settings(),
    context.jira.issueTypes(),
  ]);
  return viewOf(settings, types, await chosenGroups(context, settings));
}

/** Jira groups whose name contains `query`, for the verifier and approver pickers (admins only). */
export async function findGroups(context: AdminContext, { query }: { query: string }): Promise<GroupSearch> {
  await requireJiraAdmin(context);
  return context.groups.findGroups(query.trim(), GROUP_PICKER_LIMIT);
}

/** A newly chosen verifier or approver group must exist in Jira; one chosen before is kept as is. */
function groupErrors(
  settings: AppSettings,
  before: AppSettings,
  found: readonly JiraGroupRef[],
): FieldError[] {
  return (['verifierGroupId', 'approverGroupId'] as const).flatMap((field) => {
    const groupId = settings[field];
    if (groupId === null || groupId === before[field] || found.some((group) => group.groupId === groupId))
      return [];
    return [
      {
        path: `settings.${field}`,
        message: `no Jira group has the id ${groupId}; pick a group from the list`,
      },
    ];
  });
}

/** Each chosen epic type must be an issue type of the site at the epic level. */
function epicTypeErrors(ids: readonly string[] | null, types: readonly IssueTypeSummary[]): FieldError[] {
  return (ids ?? []).flatMap((id, index) => {
    const path = `settings.epicIssueTypeIds[${String(index)}]`;
    const type = types.find((candidate) => candidate.id === id);
    if (type === undefined) {
      return [
        { path, message: `no issue type of this Jira site has the id ${id}; choose an epic-level type` },
      ];
    }
    if (type.hierarchyLevel !== EPIC_LEVEL) {
      return [
        {
          path,
          message: `${type.name || 'issue type'} (${id}) is at hierarchy level ${String(type.hierarchyLevel)}, not the epic level (1); choose an epic-level type`,
        },
      ];
    }
    return [];
  });
}

/**
 * Checks the settings against the site, then saves them with one audit entry of what changed;
 * settings that change nothing write nothing. Amounts already stored are not converted.
 */
export async function saveSettings(
  context: AdminContext,
  { settings }: { settings: AppSettings },
): Promise<SettingsView> {
  await requireJiraAdmin(context);
  const config = new SiteConfig(context.store);
  const [before, types] = await Promise.all([config.settings(), context.jira.issueTypes()]);
  const groups = await chosenGroups(context, settings);
  const errors = [
    ...epicTypeErrors(settings.epicIssueTypeIds, types),
    ...groupErrors(settings, before, groups),
  ];
  if (errors.length > 0) throw badRequest('Some fields are not valid. Nothing was changed.', errors);
  const changes = fieldChanges(before, settings);
  if (changes.length === 0) return viewOf(before, types, groups);
  await writeAudited(
    context.store,
    { set: [settingsEntry(settings)] },
    { at: context.clock.now(), by: context.accountId, action: 'settings.updated', changes },
  );
  return viewOf(settings, types, groups);
}
