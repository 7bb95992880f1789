/**
 * The `appcelerator` seed: the 134 real epics of the Appcelerator Jira (and the issues linked to
 * them), read in place from ../shared/reference/portfolio, mapped from Jira Server JSON to Jira
 * Cloud's shape, with value data generated for them by the project's generator.
 *
 * Server → Cloud: `fields.epic.key` becomes `fields.parent`, sub-tasks keep `fields.parent`,
 * `hierarchyLevel` is set (Epic 1, sub-task types -1, the rest 0), Server users (name/key) get
 * stable Cloud account ids, and fields whose v3 shape differs (rich text, comments) are dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  accountIdFrom,
  fnv1a,
  type JiraIssueType,
  type JiraProject,
  type JiraStatus,
  type JiraStore,
  type JiraUser,
  type StatusCategoryKey,
  type StoredIssue,
} from 'forge-local';
import type { PortfolioDocument } from '../../src/contract';
import { generatePortfolio } from '../../scripts/lib/generate-portfolio';
import type { SeededSite } from './demo-seed';
import { seedDirectory } from './site-directory';

export const APPCELERATOR_FILE = 'tidev-appcelerator-epic-portfolio.jsonl.gz';

interface ServerUser {
  key?: string;
  name?: string;
  displayName?: string;
  active?: boolean;
  timeZone?: string;
}

interface ServerIssue {
  id: string;
  key: string;
  fields: {
    issuetype: { id: string; name: string; description?: string; subtask: boolean };
    project: { id: string; key: string; name: string };
    status: { id: string; name: string; description?: string; statusCategory: { key: string } };
    priority?: { id: string; name: string } | null;
    summary: string;
    description?: string | null;
    labels?: string[];
    created: string;
    updated: string;
    resolutiondate?: string | null;
    assignee?: ServerUser | null;
    reporter?: ServerUser | null;
    creator?: ServerUser | null;
    epic?: { key: string } | null;
    parent?: { id?: string; key?: string } | null;
    components?: unknown;
    fixVersions?: unknown;
    versions?: unknown;
  };
}

/** ../shared/reference/portfolio beside the repository, where the reference data lives. */
export function referencePortfolioDir(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'reference', 'portfolio');
}

/** Why the appcelerator seed cannot be read from beside `repoRoot`, or null when it can. */
export function appceleratorSourceProblem(repoRoot: string): string | null {
  const file = join(referencePortfolioDir(repoRoot), APPCELERATOR_FILE);
  return existsSync(file)
    ? null
    : `The appcelerator seed reads ${file}, which does not exist: the reference data folder ` +
        '../shared/reference/portfolio is not beside this repository. Use the demo seed, or check out the shared folder.';
}

export function readAppceleratorIssues(repoRoot: string): ServerIssue[] {
  const file = join(referencePortfolioDir(repoRoot), APPCELERATOR_FILE);
  const problem = appceleratorSourceProblem(repoRoot);
  if (problem !== null) throw new Error(problem);
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ServerIssue);
}

export function seedAppcelerator(store: JiraStore, repoRoot: string): SeededSite {
  const docs = readAppceleratorIssues(repoRoot);
  const projects = new Map<string, JiraProject>();
  const types = new Map<string, JiraIssueType>();
  const statuses = new Map<string, JiraStatus>();
  const users = new Map<string, JiraUser>();
  const byKey = new Map(docs.map((d) => [d.key, d]));
  const userId = (user: ServerUser | null | undefined): string | null => {
    const handle = user?.key ?? user?.name;
    if (!user || handle === undefined) return null;
    const accountId = accountIdFrom(`appcelerator:${handle}`);
    if (!users.has(accountId)) {
      users.set(accountId, {
        accountId,
        displayName: user.displayName ?? handle,
        emailAddress: `user-${accountId.slice(0, 8)}@example.com`,
        timeZone: user.timeZone ?? 'UTC',
        active: user.active ?? true,
        accountType: 'atlassian',
      });
    }
    return accountId;
  };

  const issues: StoredIssue[] = [];
  for (const doc of docs) {
    const f = doc.fields;
    if (!projects.has(f.project.id)) {
      projects.set(f.project.id, {
        id: f.project.id,
        key: f.project.key,
        name: f.project.name,
        projectTypeKey: 'software',
        simplified: false,
        leadAccountId: null,
        description: `${f.project.name} (Appcelerator Jira archive)`,
        nextIssueNumber: 1,
      });
    }
    if (!types.has(f.issuetype.id)) {
      types.set(f.issuetype.id, {
        id: f.issuetype.id,
        name: f.issuetype.name,
        description: f.issuetype.description ?? '',
        hierarchyLevel: f.issuetype.subtask ? -1 : f.issuetype.name === 'Epic' ? 1 : 0,
        subtask: f.issuetype.subtask,
        avatarId: 10300 + (fnv1a(f.issuetype.name) % 30),
        entityId: uuidFrom(`issuetype:${f.issuetype.id}`),
      });
    }
    if (!statuses.has(f.status.id)) {
      statuses.set(f.status.id, {
        id: f.status.id,
        name: f.status.name,
        description: f.status.description ?? '',
        categoryKey: asCategory(f.status.statusCategory.key),
      });
    }
    if (f.priority && !store.priorities.has(f.priority.id)) {
      store.priorities.put(f.priority.id, {
        id: f.priority.id,
        name: f.priority.name,
        iconName: f.priority.name.toLowerCase(),
      });
    }
    const parentKey = f.issuetype.subtask ? f.parent?.key : f.epic?.key;
    const parent = parentKey === undefined ? undefined : byKey.get(parentKey);
    const extraFields: Record<string, unknown> = {};
    for (const name of ['components', 'fixVersions', 'versions'] as const)
      if (f[name] !== undefined) extraFields[name] = f[name];
    issues.push({
      id: doc.id,
      key: doc.key,
      projectId: f.project.id,
      issueTypeId: f.issuetype.id,
      statusId: f.status.id,
      summary: f.summary,
      description: f.description ?? null,
      parentId: parent?.id ?? null,
      priorityId: f.priority?.id ?? null,
      labels: f.labels ?? [],
      assigneeId: userId(f.assignee),
      reporterId: userId(f.reporter),
      creatorId: userId(f.creator),
      created: f.created,
      updated: f.updated,
      statusCategoryChangeDate: f.updated,
      resolutionDate: f.resolutiondate ?? null,
      properties: {},
      extraFields,
    });
  }

  // The team member works in ALOY (Alloy), a small project with its own epics.
  const team = [...projects.values()].find((p) => p.key === 'ALOY') ?? [...projects.values()][0];
  if (!team) throw new Error(`${APPCELERATOR_FILE} holds no issues`);
  seedDirectory(store, team.id, 'appcelerator', { ownWorkflow: true });
  for (const user of users.values()) store.users.put(user.accountId, user);
  for (const type of types.values()) store.issueTypes.put(type.id, type);
  for (const status of statuses.values()) store.statuses.put(status.id, status);
  for (const project of projects.values()) {
    const highest = Math.max(
      0,
      ...issues.filter((i) => i.projectId === project.id).map((i) => Number(i.key.split('-')[1])),
    );
    store.projects.put(project.id, { ...project, nextIssueNumber: highest + 1 });
  }
  store.bulkLoadIssues(issues);
  store.putSiteInfo({ ...store.siteInfo(), nextIssueId: Math.max(...issues.map((i) => Number(i.id))) + 1 });

  const epics = issues.filter((i) => types.get(i.issueTypeId)?.hierarchyLevel === 1);
  return {
    document: appceleratorDocument(store),
    summary: `${String(issues.length)} real issues (${String(epics.length)} epics) in ${String(projects.size)} projects; team member works in ${team.key}`,
  };
}

/** Generated value data laid over the real epics: same generator, real keys, summaries and statuses. */
export function appceleratorDocument(store: JiraStore): PortfolioDocument {
  const epics = [...store.allIssues()]
    .filter((i) => store.issueType(i.issueTypeId)?.hierarchyLevel === 1)
    .sort((a, b) => Number(a.id) - Number(b.id));
  const projectKeys = new Set(epics.map((e) => store.projectById(e.projectId)?.key));
  const generated = generatePortfolio({
    epics: epics.length,
    projects: Math.max(1, projectKeys.size),
    seed: 1120,
  });
  return {
    ...generated,
    epics: epics.map((epic, i) => {
      const value = generated.epics[i]?.value;
      if (!value) throw new Error('The generator returned fewer epics than asked for');
      const category = store.status(epic.statusId)?.categoryKey ?? 'new';
      return {
        key: epic.key,
        summary: epic.summary,
        project: store.projectById(epic.projectId)?.key ?? epic.key.split('-')[0] ?? 'X',
        programme: null,
        status: category === 'done' ? 'done' : category === 'indeterminate' ? 'in_progress' : 'todo',
        value,
      };
    }),
  };
}

function asCategory(key: string): StatusCategoryKey {
  return key === 'done' || key === 'indeterminate' ? key : 'new';
}

function uuidFrom(seed: string): string {
  const hex = accountIdFrom(seed) + accountIdFrom(`${seed}/2`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
