/**
 * The people of Value Layer's demo sites: the three demo users who sign in (a Jira admin, a
 * portfolio manager, a team member who sees one project), their colleagues, and what each may do.
 * Every seed of the app starts here; the rest of the site (issue types, statuses, priorities) is
 * the runtime's standard set.
 */
import {
  ADMIN_GLOBAL_PERMISSIONS,
  ALL_PROJECT_PERMISSIONS,
  CONTRIBUTOR_PERMISSIONS,
  EDITOR_PERMISSIONS,
  person,
  writeGroup,
  writeSiteIdentity,
  type DemoUser,
  type JiraStore,
  type PermissionGrant,
} from 'forge-local';

export const CLOUD_ID = '6d1f8a3e-2b7c-4e59-9c0d-5a4b3e2f1a07';
export const SITE_URL = 'https://value-layer-demo.atlassian.net';
export const APP_ACCOUNT_ID = '712020:0d7a5c3e-app0-4f1b-9e2d-value0layer01';

/** The demo users' account ids, fixed so tests and docs can name them. */
export const DEMO_ACCOUNT_IDS = {
  admin: '5f3a9c1e7b2d4a6f8e0c1b01',
  portfolio: '5f3a9c1e7b2d4a6f8e0c1b02',
  team: '5f3a9c1e7b2d4a6f8e0c1b03',
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNT_IDS;

export const DEMO_USERS: readonly (DemoUser & { role: DemoRole })[] = [
  {
    accountId: DEMO_ACCOUNT_IDS.admin,
    displayName: 'Morgan Reyes',
    role: 'admin',
    roleLabel: 'Jira admin',
    description: 'Jira admin: sees and edits everything, and administers the app',
  },
  {
    accountId: DEMO_ACCOUNT_IDS.portfolio,
    displayName: 'Priya Natarajan',
    role: 'portfolio',
    roleLabel: 'portfolio manager',
    description: 'Portfolio manager: sees and edits every project, not a Jira admin',
  },
  {
    accountId: DEMO_ACCOUNT_IDS.team,
    displayName: 'Sam Okafor',
    role: 'team',
    roleLabel: 'team member',
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

/** Account ids of the colleagues, for assignees. */
export function colleagueIds(): string[] {
  return COLLEAGUES.map((_, i) => `5f3a9c1e7b2d4a6f8e0c2b${String(i + 10).padStart(2, '0')}`);
}

/**
 * The demo site's Jira groups, for the admin page's verifier and approver pickers (issue #15).
 * Finance verifies realised benefit: the portfolio manager and two colleagues, not the Jira admin.
 * Value approvers approve plans as baselines: the Jira admin and a colleague. The app's settings
 * name no group until an admin picks one (until then Jira admins hold both roles).
 */
export const DEMO_GROUPS = {
  finance: { groupId: '3f6c2a9e-1d4b-4e8a-9c7f-5b2e8d1a0f01', name: 'Finance' },
  approvers: { groupId: '3f6c2a9e-1d4b-4e8a-9c7f-5b2e8d1a0f02', name: 'Value approvers' },
} as const;

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
  writeSiteIdentity(store, {
    seedName,
    cloudId: CLOUD_ID,
    siteUrl: SITE_URL,
    appAccountId: APP_ACCOUNT_ID,
    appName: 'Value Layer',
    ...(options.ownWorkflow === undefined ? {} : { ownWorkflow: options.ownWorkflow }),
  });
  for (const user of DEMO_USERS) store.users.put(user.accountId, person(user.accountId, user.displayName));
  const colleagues = colleagueIds();
  COLLEAGUES.forEach((name, i) => {
    const id = colleagues[i];
    if (id !== undefined) store.users.put(id, person(id, name));
  });

  const grants: PermissionGrant[] = [
    {
      accountId: DEMO_ACCOUNT_IDS.admin,
      global: ADMIN_GLOBAL_PERMISSIONS,
      projects: { '*': [...ALL_PROJECT_PERMISSIONS] },
    },
    {
      accountId: DEMO_ACCOUNT_IDS.portfolio,
      global: ['USER_PICKER', 'CREATE_SHARED_OBJECTS'],
      projects: { '*': EDITOR_PERMISSIONS },
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
  const colleague = (name: string) => colleagues[COLLEAGUES.indexOf(name)] ?? '';
  writeGroup(store, {
    ...DEMO_GROUPS.finance,
    memberAccountIds: [DEMO_ACCOUNT_IDS.portfolio, colleague('Fatima Haddad'), colleague('Ravi Kapoor')],
  });
  writeGroup(store, {
    ...DEMO_GROUPS.approvers,
    memberAccountIds: [DEMO_ACCOUNT_IDS.admin, colleague('Oliver Grant')],
  });
}
