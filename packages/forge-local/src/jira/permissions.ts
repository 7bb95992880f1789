/**
 * Jira's permission model, reduced to what the app meets: global permissions (ADMINISTER, ...)
 * and project permissions granted per project. Search, issue reads and writes, `mypermissions` and
 * `permissions/check` all answer from here, so they can never disagree. `asApp()` calls act as the
 * app, which (like a Forge app granted its scopes) sees and edits everything.
 */
import type { JiraStore } from './jira-store';
import type { StoredIssue } from './model';

export type Caller = { kind: 'user'; accountId: string } | { kind: 'app'; accountId: string };

export interface PermissionInfo {
  id: string;
  key: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

const P = (
  id: string,
  key: string,
  name: string,
  type: 'GLOBAL' | 'PROJECT',
  description: string,
): PermissionInfo => ({
  id,
  key,
  name,
  type,
  description,
});

/** Jira's built-in permissions, with Jira's ids, names and descriptions. */
export const PERMISSIONS: readonly PermissionInfo[] = [
  P(
    '0',
    'ADMINISTER',
    'Administer Jira',
    'GLOBAL',
    'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  ),
  P(
    '44',
    'SYSTEM_ADMIN',
    'Jira System Administrators',
    'GLOBAL',
    'Ability to perform all administration functions. There must be at least one group with this permission.',
  ),
  P(
    '27',
    'USER_PICKER',
    'Browse users and groups',
    'GLOBAL',
    'View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site.',
  ),
  P(
    '22',
    'CREATE_SHARED_OBJECTS',
    'Share dashboards and filters',
    'GLOBAL',
    'Share dashboards and filters with other users.',
  ),
  P(
    '33',
    'BULK_CHANGE',
    'Make bulk changes',
    'GLOBAL',
    'Modify collections of issues at once. For example, resolve multiple issues in one step.',
  ),
  P(
    '23',
    'ADMINISTER_PROJECTS',
    'Administer Projects',
    'PROJECT',
    'Ability to administer a project in Jira.',
  ),
  P(
    '10',
    'BROWSE_PROJECTS',
    'Browse Projects',
    'PROJECT',
    'Ability to browse projects and the issues within them.',
  ),
  P(
    '29',
    'VIEW_DEV_TOOLS',
    'View Development Tools',
    'PROJECT',
    'Allows users in a software project to view development-related information on the issue, such as commits, reviews and build information.',
  ),
  P(
    '45',
    'VIEW_READONLY_WORKFLOW',
    'View Read-Only Workflow',
    'PROJECT',
    'Users with this permission may view a read-only version of a workflow.',
  ),
  P('11', 'CREATE_ISSUES', 'Create Issues', 'PROJECT', 'Ability to create issues.'),
  P('12', 'EDIT_ISSUES', 'Edit Issues', 'PROJECT', 'Ability to edit issues.'),
  P('46', 'TRANSITION_ISSUES', 'Transition Issues', 'PROJECT', 'Ability to transition issues.'),
  P('28', 'SCHEDULE_ISSUES', 'Schedule Issues', 'PROJECT', 'Ability to set and edit due dates.'),
  P(
    '25',
    'MOVE_ISSUES',
    'Move Issues',
    'PROJECT',
    'Ability to move issues between projects or between workflows of the same project (if applicable). Note the user can only move issues to a project they have the create permission for.',
  ),
  P('13', 'ASSIGN_ISSUES', 'Assign Issues', 'PROJECT', 'Ability to assign issues to other people.'),
  P(
    '17',
    'ASSIGNABLE_USER',
    'Assignable User',
    'PROJECT',
    'Users with this permission may be assigned to issues.',
  ),
  P(
    '14',
    'RESOLVE_ISSUES',
    'Resolve Issues',
    'PROJECT',
    'Ability to resolve and reopen issues. This includes the ability to set a fix version.',
  ),
  P(
    '18',
    'CLOSE_ISSUES',
    'Close Issues',
    'PROJECT',
    'Ability to close issues. Often useful where your developers resolve issues, and a QA department closes them.',
  ),
  P(
    '30',
    'MODIFY_REPORTER',
    'Modify Reporter',
    'PROJECT',
    'Ability to modify the reporter when creating or editing an issue.',
  ),
  P('16', 'DELETE_ISSUES', 'Delete Issues', 'PROJECT', 'Ability to delete issues.'),
  P(
    '21',
    'LINK_ISSUES',
    'Link Issues',
    'PROJECT',
    'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.',
  ),
  P(
    '26',
    'SET_ISSUE_SECURITY',
    'Set Issue Security',
    'PROJECT',
    'Ability to set the level of security on an issue so that only people in that security level can see the issue.',
  ),
  P('15', 'ADD_COMMENTS', 'Add Comments', 'PROJECT', 'Ability to comment on issues.'),
  P(
    '19',
    'CREATE_ATTACHMENTS',
    'Create Attachments',
    'PROJECT',
    'Users with this permission may create attachments.',
  ),
  P(
    '20',
    'WORK_ON_ISSUES',
    'Work On Issues',
    'PROJECT',
    'Ability to log work done against an issue. Only useful if Time Tracking is turned on.',
  ),
  P('32', 'MANAGE_WATCHERS', 'Manage Watchers', 'PROJECT', 'Ability to manage the watchers of an issue.'),
  P(
    '31',
    'VIEW_VOTERS_AND_WATCHERS',
    'View Voters and Watchers',
    'PROJECT',
    'Ability to view the voters and watchers of an issue.',
  ),
];

export const PERMISSION_BY_KEY = new Map(PERMISSIONS.map((p) => [p.key, p]));

/** Every project permission key: what a "full access" project grant holds. */
export const ALL_PROJECT_PERMISSIONS: readonly string[] = PERMISSIONS.filter((p) => p.type === 'PROJECT').map(
  (p) => p.key,
);

/** What a user who may only look holds. */
export const BROWSE_ONLY: readonly string[] = [
  'BROWSE_PROJECTS',
  'VIEW_READONLY_WORKFLOW',
  'VIEW_VOTERS_AND_WATCHERS',
];

export class PermissionModel {
  constructor(private readonly store: JiraStore) {}

  hasGlobal(caller: Caller, key: string): boolean {
    if (caller.kind === 'app') return true;
    return this.store.grants.get(caller.accountId)?.global.includes(key) ?? false;
  }

  hasProject(caller: Caller, key: string, projectId: string): boolean {
    if (caller.kind === 'app') return true;
    const grant = this.store.grants.get(caller.accountId);
    if (!grant) return false;
    return (
      (grant.projects['*']?.includes(key) ?? false) || (grant.projects[projectId]?.includes(key) ?? false)
    );
  }

  /** Jira's answer for a project permission asked without a project: held in at least one project. */
  hasInAnyProject(caller: Caller, key: string): boolean {
    if (caller.kind === 'app') return true;
    const grant = this.store.grants.get(caller.accountId);
    if (!grant) return false;
    return Object.entries(grant.projects).some(
      ([projectId, keys]) =>
        keys.includes(key) && (projectId === '*' || this.store.projectById(projectId) !== undefined),
    );
  }

  canBrowse(caller: Caller, projectId: string): boolean {
    return this.hasProject(caller, 'BROWSE_PROJECTS', projectId);
  }

  canSeeIssue(caller: Caller, issue: StoredIssue): boolean {
    return this.canBrowse(caller, issue.projectId);
  }

  canEditIssue(caller: Caller, issue: StoredIssue): boolean {
    return this.canSeeIssue(caller, issue) && this.hasProject(caller, 'EDIT_ISSUES', issue.projectId);
  }
}
