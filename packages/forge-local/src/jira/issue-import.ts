/**
 * Loads a real Jira Cloud issue document (an `IssueBean` as `GET /rest/api/3/issue` returns it)
 * into the emulator: the project, issue type, status, priority and users it names are registered,
 * the fields the emulator models are stored as such, and every other field is kept verbatim, so
 * reading the issue back gives a document of the same shape.
 */
import type { JiraStore } from './jira-store';
import type { StatusCategoryKey, StoredIssue } from './model';

type Doc = Record<string, unknown>;

const MODELLED = new Set([
  'summary',
  'issuetype',
  'parent',
  'project',
  'status',
  'priority',
  'assignee',
  'reporter',
  'creator',
  'created',
  'updated',
  'labels',
  'description',
  'resolutiondate',
  'statuscategorychangedate',
  'subtasks',
]);

export function importCloudIssue(store: JiraStore, document: unknown): StoredIssue {
  const doc = asDoc(document, 'issue');
  const fields = asDoc(doc.fields, 'fields');
  const id = text(doc.id, 'id');
  const key = text(doc.key, 'key');

  const project = asDoc(fields.project, 'fields.project');
  const projectId = text(project.id, 'fields.project.id');
  const existingProject = store.projectById(projectId);
  const number = Number(key.slice(key.lastIndexOf('-') + 1));
  store.projects.put(projectId, {
    id: projectId,
    key: text(project.key, 'fields.project.key'),
    name: text(project.name, 'fields.project.name'),
    projectTypeKey: typeof project.projectTypeKey === 'string' ? project.projectTypeKey : 'software',
    simplified: project.simplified === true,
    leadAccountId: existingProject?.leadAccountId ?? null,
    description: existingProject?.description ?? '',
    nextIssueNumber: Math.max(existingProject?.nextIssueNumber ?? 1, number + 1),
  });

  const type = asDoc(fields.issuetype, 'fields.issuetype');
  const typeId = text(type.id, 'fields.issuetype.id');
  store.issueTypes.put(typeId, {
    id: typeId,
    name: text(type.name, 'fields.issuetype.name'),
    description: typeof type.description === 'string' ? type.description : '',
    hierarchyLevel:
      typeof type.hierarchyLevel === 'number' ? type.hierarchyLevel : type.subtask === true ? -1 : 0,
    subtask: type.subtask === true,
    avatarId: typeof type.avatarId === 'number' ? type.avatarId : 10318,
    entityId: typeof type.entityId === 'string' ? type.entityId : typeId,
  });

  const status = asDoc(fields.status, 'fields.status');
  const statusId = text(status.id, 'fields.status.id');
  const category = asDoc(status.statusCategory, 'fields.status.statusCategory');
  store.statuses.put(statusId, {
    id: statusId,
    name: text(status.name, 'fields.status.name'),
    description: typeof status.description === 'string' ? status.description : '',
    categoryKey: asCategory(category.key),
  });

  let priorityId: string | null = null;
  if (isDoc(fields.priority)) {
    priorityId = text(fields.priority.id, 'fields.priority.id');
    const iconUrl = typeof fields.priority.iconUrl === 'string' ? fields.priority.iconUrl : '';
    store.priorities.put(priorityId, {
      id: priorityId,
      name: text(fields.priority.name, 'fields.priority.name'),
      iconName: /\/([^/]+)\.svg$/.exec(iconUrl)?.[1] ?? 'medium_new',
    });
  }

  const parent = isDoc(fields.parent) ? text(fields.parent.id, 'fields.parent.id') : null;
  if (isDoc(fields.parent) && parent !== null && !store.issue(parent))
    importParentStub(store, fields.parent, doc);
  const extraFields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) if (!MODELLED.has(name)) extraFields[name] = value;

  const issue: StoredIssue = {
    id,
    key,
    projectId,
    issueTypeId: typeId,
    statusId,
    summary: typeof fields.summary === 'string' ? fields.summary : '',
    description:
      isDoc(fields.description) || typeof fields.description === 'string' ? fields.description : null,
    parentId: parent,
    priorityId,
    labels: Array.isArray(fields.labels)
      ? fields.labels.filter((l): l is string => typeof l === 'string')
      : [],
    assigneeId: user(store, fields.assignee),
    reporterId: user(store, fields.reporter),
    creatorId: user(store, fields.creator),
    created: text(fields.created, 'fields.created'),
    updated: text(fields.updated, 'fields.updated'),
    statusCategoryChangeDate:
      typeof fields.statuscategorychangedate === 'string'
        ? fields.statuscategorychangedate
        : text(fields.updated, 'fields.updated'),
    resolutionDate: typeof fields.resolutiondate === 'string' ? fields.resolutiondate : null,
    properties: isDoc(doc.properties) ? { ...doc.properties } : {},
    extraFields,
  };
  store.putIssue(issue);
  const info = store.siteInfo();
  if (Number(id) >= info.nextIssueId) store.putSiteInfo({ ...info, nextIssueId: Number(id) + 1 });
  return issue;
}

/**
 * A document names its parent with a few fields (summary, status, priority, issue type); when the
 * parent itself is not loaded, those make a stand-in, so the child still reads back with its parent.
 */
function importParentStub(store: JiraStore, parent: Doc, child: Doc): void {
  const parentFields = isDoc(parent.fields) ? parent.fields : {};
  const childFields = asDoc(child.fields, 'fields');
  const key = text(parent.key, 'fields.parent.key');
  const projectKey = key.slice(0, key.lastIndexOf('-'));
  const known = store.resolveProject(projectKey);
  const childProject = asDoc(childFields.project, 'fields.project');
  // The parent lives in a project named by its key: a known one, the child's, or a stand-in.
  const project = known
    ? { id: known.id, key: known.key, name: known.name }
    : childProject.key === projectKey
      ? childProject
      : { id: String(90000 + store.projects.size), key: projectKey, name: projectKey };
  importCloudIssue(store, {
    id: parent.id,
    key,
    fields: {
      summary: parentFields.summary,
      status: parentFields.status,
      priority: parentFields.priority,
      issuetype: parentFields.issuetype,
      project,
      created: childFields.created,
      updated: childFields.updated,
    },
  });
}

function user(store: JiraStore, value: unknown): string | null {
  if (!isDoc(value) || typeof value.accountId !== 'string') return null;
  if (!store.user(value.accountId)) {
    store.users.put(value.accountId, {
      accountId: value.accountId,
      displayName: typeof value.displayName === 'string' ? value.displayName : value.accountId,
      emailAddress: typeof value.emailAddress === 'string' ? value.emailAddress : '',
      timeZone: typeof value.timeZone === 'string' ? value.timeZone : 'UTC',
      active: value.active !== false,
      accountType: value.accountType === 'app' ? 'app' : 'atlassian',
    });
  }
  return value.accountId;
}

function asCategory(key: unknown): StatusCategoryKey {
  return key === 'done' || key === 'indeterminate' ? key : 'new';
}

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asDoc(value: unknown, path: string): Doc {
  if (!isDoc(value)) throw new Error(`Not a Jira issue document: ${path} is missing`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Error(`Not a Jira issue document: ${path} is not a string`);
  return value;
}
