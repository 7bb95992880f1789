/**
 * The parts of a Jira site every seed shares: the site itself, the app's bot user, the three demo
 * users (site-api.ts roles) and their permissions, the issue type hierarchy (Initiative above Epic
 * above Story/Task/Bug above Sub-task), workflow statuses and priorities.
 */
import type { JiraStore } from '../jira/jira-store';
import type { JiraIssueType, JiraPriority, JiraStatus, JiraUser, PermissionGrant } from '../jira/model';
import { ALL_PROJECT_PERMISSIONS, BROWSE_ONLY } from '../jira/permissions';
import type { DemoUser } from '../site-api';

export const CLOUD_ID = '6d1f8a3e-2b7c-4e59-9c0d-5a4b3e2f1a07';
export const SITE_URL = 'https://value-layer-demo.atlassian.net';
export const APP_ACCOUNT_ID = '712020:0d7a5c3e-app0-4f1b-9e2d-value0layer01';

/** The demo users' account ids, fixed so tests and docs can name them. */
export const DEMO_ACCOUNT_IDS = {
  admin: '5f3a9c1e7b2d4a6f8e0c1b01',
  portfolio: '5f3a9c1e7b2d4a6f8e0c1b02',
  team: '5f3a9c1e7b2d4a6f8e0c1b03',
} as const;

export const DEMO_USERS: readonly DemoUser[] = [
  {
    accountId: DEMO_ACCOUNT_IDS.admin,
    displayName: 'Morgan Reyes',
    role: 'admin',
    description: 'Jira admin: sees and edits everything, and administers the app',
  },
  {
    accountId: DEMO_ACCOUNT_IDS.portfolio,
    displayName: 'Priya Natarajan',
    role: 'portfolio',
    description: 'Portfolio manager: sees and edits every project, not a Jira admin',
  },
  {
    accountId: DEMO_ACCOUNT_IDS.team,
    displayName: 'Sam Okafor',
    role: 'team',
    description: 'Team member: sees and edits one project only',
  },
];

/** Colleagues who appear as assignees and reporters; nobody signs in as them. */
const COLLEAGUES = [
  'Lena Fischer',
  'Tomás Álvarez',
  'Aisha Bello',
  'Jonas Lindqvist',
  'Mei Chen',
  'Oliver Grant',
  'Fatima Haddad',
  'Ravi Kapoor',
  'Chloé Martin',
  'Daniel Novak',
];

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

const ADMIN_GLOBAL = ['ADMINISTER', 'SYSTEM_ADMIN', 'USER_PICKER', 'CREATE_SHARED_OBJECTS', 'BULK_CHANGE'];
/** What a contributor holds in a project: everything but administering it. */
export const CONTRIBUTOR_PERMISSIONS = ALL_PROJECT_PERMISSIONS.filter((p) => p !== 'ADMINISTER_PROJECTS');
const PORTFOLIO_PERMISSIONS = [
  ...BROWSE_ONLY,
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
  'LINK_ISSUES',
  'CREATE_ISSUES',
  'SCHEDULE_ISSUES',
];

function person(accountId: string, displayName: string): JiraUser {
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

/** Account ids of the colleagues, for assignees. */
export function colleagueIds(): string[] {
  return COLLEAGUES.map((_, i) => `5f3a9c1e7b2d4a6f8e0c2b${String(i + 10).padStart(2, '0')}`);
}

/**
 * Writes the site, users and the demo users' grants, and (unless the seed brings its own, as the
 * Appcelerator data does) the issue types, statuses and priorities. `teamProjectId` is the one
 * project the team member may see and edit.
 */
export function seedDirectory(
  store: JiraStore,
  teamProjectId: string,
  seedName: string,
  options: { ownWorkflow?: boolean } = {},
): void {
  store.putSiteInfo({
    cloudId: CLOUD_ID,
    siteUrl: SITE_URL,
    appAccountId: APP_ACCOUNT_ID,
    nextIssueId: 10000,
    seed: seedName,
  });
  store.users.put(APP_ACCOUNT_ID, {
    accountId: APP_ACCOUNT_ID,
    displayName: 'Value Layer',
    emailAddress: '',
    timeZone: 'UTC',
    active: true,
    accountType: 'app',
  });
  for (const user of DEMO_USERS) store.users.put(user.accountId, person(user.accountId, user.displayName));
  const colleagues = colleagueIds();
  COLLEAGUES.forEach((name, i) => {
    const id = colleagues[i];
    if (id !== undefined) store.users.put(id, person(id, name));
  });
  if (options.ownWorkflow !== true) {
    for (const type of ISSUE_TYPES) store.issueTypes.put(type.id, type);
    for (const status of STATUSES) store.statuses.put(status.id, status);
    for (const priority of PRIORITIES) store.priorities.put(priority.id, priority);
  }

  const grants: PermissionGrant[] = [
    {
      accountId: DEMO_ACCOUNT_IDS.admin,
      global: ADMIN_GLOBAL,
      projects: { '*': [...ALL_PROJECT_PERMISSIONS] },
    },
    {
      accountId: DEMO_ACCOUNT_IDS.portfolio,
      global: ['USER_PICKER', 'CREATE_SHARED_OBJECTS'],
      projects: { '*': PORTFOLIO_PERMISSIONS },
    },
    {
      accountId: DEMO_ACCOUNT_IDS.team,
      global: ['USER_PICKER'],
      projects: { [teamProjectId]: CONTRIBUTOR_PERMISSIONS },
    },
    ...colleagues.map((accountId) => ({
      accountId,
      global: ['USER_PICKER'],
      projects: { '*': CONTRIBUTOR_PERMISSIONS },
    })),
  ];
  for (const grant of grants) store.grants.put(grant.accountId, grant);
}
