/**
 * The parts of a Jira site most seeds share: the site itself and the app's bot user
 * (`writeSiteIdentity`), people (`person`), the issue type hierarchy (Initiative above Epic above
 * Story/Task/Bug above Sub-task), workflow statuses, priorities, and the usual permission sets.
 * A seed (site-seed.ts) picks what it needs and adds its own users, grants, projects and issues.
 */
import type { JiraStore } from '../jira/jira-store';
import type { JiraGroup, JiraIssueType, JiraPriority, JiraStatus, JiraUser } from '../jira/model';
import { ALL_PROJECT_PERMISSIONS, BROWSE_ONLY } from '../jira/permissions';

export const DEFAULT_CLOUD_ID = '6d1f8a3e-2b7c-4e59-9c0d-5a4b3e2f1a07';
export const DEFAULT_SITE_URL = 'https://forge-local.atlassian.net';
export const DEFAULT_APP_ACCOUNT_ID = '712020:0d7a5c3e-app0-4f1b-9e2d-forge0local01';

export const ISSUE_TYPES: readonly JiraIssueType[] = [
  {
    id: '10000',
    name: 'Epic',
    description: 'Epics track collections of related bugs, stories, and tasks.',
    hierarchyLevel: 1,
    subtask: false,
    avatarId: 10307,
    entityId: '3592ca04-4fdf-44dc-8edd-498e78a99d4c',
  },
  {
    id: '10001',
    name: 'Story',
    description: 'Stories track functionality or features expressed as user goals.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10315,
    entityId: '6b7a2e1c-95d4-4a0e-8f3b-1c2d3e4f5a61',
  },
  {
    id: '10002',
    name: 'Task',
    description: 'Tasks track small, distinct pieces of work.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10318,
    entityId: 'd2b161ed-546f-4262-82e8-4e2c5efa4311',
  },
  {
    id: '10003',
    name: 'Bug',
    description: 'Bugs track problems or errors.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10303,
    entityId: '9d7dd6f7-e8b6-4247-954b-7b2c9b2a5ba2',
  },
  {
    id: '10004',
    name: 'Sub-task',
    description: 'Subtasks track small pieces of work that are part of a larger task.',
    hierarchyLevel: -1,
    subtask: true,
    avatarId: 10316,
    entityId: 'a1c0e3f2-7d6b-4c58-9e4a-2b3c4d5e6f70',
  },
  {
    id: '10005',
    name: 'Initiative',
    description: 'Initiatives group epics into a programme of work across teams.',
    hierarchyLevel: 2,
    subtask: false,
    avatarId: 10320,
    entityId: 'f0e1d2c3-b4a5-4968-8776-65544332211a',
  },
];

export const ISSUE_TYPE_IDS = {
  epic: '10000',
  story: '10001',
  task: '10002',
  bug: '10003',
  subtask: '10004',
  initiative: '10005',
} as const;

export const STATUSES: readonly JiraStatus[] = [
  { id: '10000', name: 'To Do', description: '', categoryKey: 'new' },
  {
    id: '3',
    name: 'In Progress',
    description: 'This issue is being actively worked on at the moment by the assignee.',
    categoryKey: 'indeterminate',
  },
  {
    id: '10002',
    name: 'In Review',
    description: 'Waiting for review before it is done.',
    categoryKey: 'indeterminate',
  },
  { id: '10001', name: 'Done', description: '', categoryKey: 'done' },
];

export const STATUS_IDS = { todo: '10000', inProgress: '3', inReview: '10002', done: '10001' } as const;

export const PRIORITIES: readonly JiraPriority[] = [
  { id: '1', name: 'Highest', iconName: 'highest_new' },
  { id: '2', name: 'High', iconName: 'high_new' },
  { id: '3', name: 'Medium', iconName: 'medium_new' },
  { id: '4', name: 'Low', iconName: 'low_new' },
  { id: '5', name: 'Lowest', iconName: 'lowest_new' },
];

/** Global permissions of a Jira admin. */
export const ADMIN_GLOBAL_PERMISSIONS = [
  'ADMINISTER',
  'SYSTEM_ADMIN',
  'USER_PICKER',
  'CREATE_SHARED_OBJECTS',
  'BULK_CHANGE',
];
/** What a contributor holds in a project: everything but administering it. */
export const CONTRIBUTOR_PERMISSIONS = ALL_PROJECT_PERMISSIONS.filter((p) => p !== 'ADMINISTER_PROJECTS');
/** Browse, edit, transition, comment, link, create and schedule issues; no deleting, no administering. */
export const EDITOR_PERMISSIONS = [
  ...BROWSE_ONLY,
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
  'LINK_ISSUES',
  'CREATE_ISSUES',
  'SCHEDULE_ISSUES',
];

/** A person on the site, with an example.com address made from their name. */
export function person(accountId: string, displayName: string): JiraUser {
  const local = displayName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
  return {
    accountId,
    displayName,
    emailAddress: `${local}@example.com`,
    timeZone: 'Europe/London',
    active: true,
    accountType: 'atlassian',
  };
}

export interface SiteIdentity {
  /** The name the site remembers its seed by (`SiteSeed.name`). */
  seedName: string;
  cloudId?: string;
  siteUrl?: string;
  /** The app's bot user, the actor of `asApp()` writes. */
  appAccountId?: string;
  /** The bot user's display name; default `Forge app`. */
  appName?: string;
  /**
   * Unless the seed brings its own (as data imported from a real Jira does), the standard issue
   * types, statuses and priorities above are written too.
   */
  ownWorkflow?: boolean;
  /** The site's default time zone (IANA), as `GET /rest/api/3/serverInfo` names it; default UTC. */
  timeZone?: string;
}

/** Writes the site itself and the app's bot user: the first thing every seed does. */
export function writeSiteIdentity(store: JiraStore, identity: SiteIdentity): void {
  const appAccountId = identity.appAccountId ?? DEFAULT_APP_ACCOUNT_ID;
  store.putSiteInfo({
    cloudId: identity.cloudId ?? DEFAULT_CLOUD_ID,
    siteUrl: identity.siteUrl ?? DEFAULT_SITE_URL,
    appAccountId,
    nextIssueId: 10000,
    seed: identity.seedName,
    ...(identity.timeZone === undefined ? {} : { timeZone: identity.timeZone }),
  });
  store.users.put(appAccountId, {
    accountId: appAccountId,
    displayName: identity.appName ?? 'Forge app',
    emailAddress: '',
    timeZone: 'UTC',
    active: true,
    accountType: 'app',
  });
  if (identity.ownWorkflow !== true) {
    for (const type of ISSUE_TYPES) store.issueTypes.put(type.id, type);
    for (const status of STATUSES) store.statuses.put(status.id, status);
    for (const priority of PRIORITIES) store.priorities.put(priority.id, priority);
  }
}

/**
 * Writes a group of people the seed wrote already. Group ids are what apps store (names may be
 * renamed), so a seed gives each group a fixed one; a name or id taken twice, or a member who is
 * not on the site, is a mistake in the seed and throws naming it.
 */
export function writeGroup(store: JiraStore, group: JiraGroup): void {
  for (const other of store.groups.values()) {
    if (other.groupId !== group.groupId && other.name.toLowerCase() === group.name.toLowerCase())
      throw new Error(`The group name '${group.name}' is taken by group ${other.groupId}`);
  }
  for (const accountId of group.memberAccountIds) {
    if (store.user(accountId) === undefined)
      throw new Error(`Group '${group.name}' lists ${accountId}, who is not a user of the site`);
  }
  store.groups.put(group.groupId, { ...group, memberAccountIds: [...new Set(group.memberAccountIds)] });
}
