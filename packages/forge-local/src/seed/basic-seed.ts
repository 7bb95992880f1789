/**
 * A small site any Forge app can start on: a Jira admin and a team member, the standard issue
 * types, statuses and priorities, and the projects and issues you list (by default one project,
 * `DEMO`, with an epic, two stories under it and a bug). An app with richer needs writes its own
 * `SiteSeed` (site-seed.ts) from the same building blocks (site-basics.ts).
 */
import { jiraTimestamp } from '../jira/issue-writer';
import type { JiraStore } from '../jira/jira-store';
import type { StoredIssue } from '../jira/model';
import { ALL_PROJECT_PERMISSIONS } from '../jira/permissions';
import type { DemoUser } from '../site-api';
import {
  ADMIN_GLOBAL_PERMISSIONS,
  CONTRIBUTOR_PERMISSIONS,
  ISSUE_TYPES,
  person,
  STATUSES,
  writeSiteIdentity,
} from './site-basics';
import type { SiteSeed } from './site-seed';

export interface BasicIssue {
  summary: string;
  /** An issue type name of the standard set: Epic, Story, Task, Bug, Sub-task, Initiative; default Task. */
  type?: string;
  /** A status name of the standard set: To Do, In Progress, In Review, Done; default To Do. */
  status?: string;
  /** The key of an issue listed before this one (e.g. `DEMO-1`), for stories under an epic. */
  parent?: string;
  /** Issue properties, by key. */
  properties?: Record<string, unknown>;
}

export interface BasicProject {
  key: string;
  name: string;
  issues?: readonly BasicIssue[];
}

export interface BasicSeedOptions {
  /** The seed's name; default `basic`. */
  name?: string;
  /** The app bot user's display name; default `Forge app`. */
  appName?: string;
  /** Who signs in; a user with role `admin` is a Jira admin, everyone else a contributor in every project. */
  users?: readonly DemoUser[];
  projects?: readonly BasicProject[];
}

export const BASIC_ACCOUNT_IDS = {
  admin: '5b10a2c3d4e5f60718293a01',
  member: '5b10a2c3d4e5f60718293a02',
} as const;

export const BASIC_USERS: readonly DemoUser[] = [
  {
    accountId: BASIC_ACCOUNT_IDS.admin,
    displayName: 'Alex Admin',
    role: 'admin',
    roleLabel: 'Jira admin',
    description: 'Jira admin: sees and edits everything, and administers apps',
  },
  {
    accountId: BASIC_ACCOUNT_IDS.member,
    displayName: 'Jo Member',
    role: 'member',
    roleLabel: 'team member',
    description: 'Team member: works in every project, administers nothing',
  },
];

export const BASIC_PROJECTS: readonly BasicProject[] = [
  {
    key: 'DEMO',
    name: 'Demo project',
    issues: [
      { summary: 'Offline checkout', type: 'Epic', status: 'In Progress' },
      { summary: 'Pay with a saved card', type: 'Story', status: 'Done', parent: 'DEMO-1' },
      { summary: 'Pay by bank transfer', type: 'Story', parent: 'DEMO-1' },
      { summary: 'Receipt shows the wrong currency', type: 'Bug' },
    ],
  },
];

/** Fixed creation time of the seeded issues, so a seed always writes the same site. */
const SEEDED_AT = jiraTimestamp(new Date('2026-01-05T09:00:00.000Z'));

export function basicSeed(options: BasicSeedOptions = {}): SiteSeed {
  const users = options.users ?? BASIC_USERS;
  const projects = options.projects ?? BASIC_PROJECTS;
  const name = options.name ?? 'basic';
  return {
    name,
    description: `${String(users.length)} users; ${projects.map((p) => p.key).join(', ')}`,
    users,
    check() {
      if (!users.some((u) => u.role === 'admin'))
        throw new Error(`The ${name} seed needs a user with role 'admin'`);
      for (const project of projects) {
        if (!/^[A-Z][A-Z0-9]{1,9}$/.test(project.key))
          throw new Error(
            `Project key '${project.key}' must be 2-10 capitals and digits, starting with a letter`,
          );
      }
    },
    seedJira(store: JiraStore) {
      writeSiteIdentity(store, { seedName: name, ...(options.appName ? { appName: options.appName } : {}) });
      for (const user of users) {
        store.users.put(user.accountId, person(user.accountId, user.displayName));
        const admin = user.role === 'admin';
        store.grants.put(user.accountId, {
          accountId: user.accountId,
          global: admin ? ADMIN_GLOBAL_PERMISSIONS : ['USER_PICKER'],
          projects: { '*': admin ? [...ALL_PROJECT_PERMISSIONS] : CONTRIBUTOR_PERMISSIONS },
        });
      }
      const issues: StoredIssue[] = [];
      let nextId = 10000;
      projects.forEach((project, index) => {
        const projectId = String(10000 + index);
        const listed = project.issues ?? [];
        store.projects.put(projectId, {
          id: projectId,
          key: project.key,
          name: project.name,
          projectTypeKey: 'software',
          simplified: false,
          leadAccountId: users[0]?.accountId ?? null,
          description: project.name,
          nextIssueNumber: listed.length + 1,
        });
        listed.forEach((issue, i) => {
          const key = `${project.key}-${String(i + 1)}`;
          issues.push(storedIssue(issue, key, String(nextId++), projectId, issues, users[0]?.accountId));
        });
      });
      store.bulkLoadIssues(issues);
      store.putSiteInfo({ ...store.siteInfo(), nextIssueId: nextId });
      return {
        summary: `${String(issues.length)} issues in ${String(projects.length)} project(s); ${String(users.length)} users`,
      };
    },
  };
}

function storedIssue(
  issue: BasicIssue,
  key: string,
  id: string,
  projectId: string,
  earlier: readonly StoredIssue[],
  reporterId: string | undefined,
): StoredIssue {
  const typeName = issue.type ?? 'Task';
  const type = ISSUE_TYPES.find((t) => t.name === typeName);
  if (!type) throw new Error(`${key}: no issue type '${typeName}' in the standard set`);
  const statusName = issue.status ?? 'To Do';
  const status = STATUSES.find((s) => s.name === statusName);
  if (!status) throw new Error(`${key}: no status '${statusName}' in the standard set`);
  let parentId: string | null = null;
  if (issue.parent !== undefined) {
    const parent = earlier.find((candidate) => candidate.key === issue.parent);
    if (!parent) throw new Error(`${key}: its parent ${issue.parent} must be listed before it`);
    parentId = parent.id;
  }
  return {
    id,
    key,
    projectId,
    issueTypeId: type.id,
    statusId: status.id,
    summary: issue.summary,
    description: null,
    parentId,
    priorityId: '3',
    labels: [],
    assigneeId: null,
    reporterId: reporterId ?? null,
    creatorId: reporterId ?? null,
    created: SEEDED_AT,
    updated: SEEDED_AT,
    statusCategoryChangeDate: SEEDED_AT,
    resolutionDate: status.categoryKey === 'done' ? SEEDED_AT : null,
    properties: { ...issue.properties },
  };
}
