/**
 * Builds Jira Cloud REST documents from the stored records, shaped like the real responses in
 * ../shared/reference/issues (an `IssueBean` with `fields.issuetype.hierarchyLevel`,
 * `fields.parent`, `fields.project`, `fields.status.statusCategory`, ...).
 */
import type { FieldSelection } from './field-catalog';
import type { JiraStore } from './jira-store';
import { ISSUE_LINK_TYPES } from './model';
import type {
  JiraIssueType,
  JiraPriority,
  JiraProject,
  JiraStatus,
  JiraUser,
  StatusCategoryKey,
  StoredDescription,
  StoredIssue,
  StoredIssueLink,
} from './model';

export type Json = Record<string, unknown>;

/** Where the documents' `self` links point: the API gateway a Forge app's calls go through. */
export interface RenderContext {
  store: JiraStore;
  apiBase: string;
  siteUrl: string;
}

export const ISSUE_EXPAND =
  'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

export function renderStatusCategory(ctx: RenderContext, key: StatusCategoryKey): Json {
  const category = STATUS_CATEGORIES[key];
  return {
    self: `${ctx.apiBase}/rest/api/3/statuscategory/${String(category.id)}`,
    id: category.id,
    key,
    colorName: category.colorName,
    name: category.name,
  };
}

export function statusCategoryInfo(key: StatusCategoryKey): { id: number; name: string } {
  return STATUS_CATEGORIES[key];
}

export function renderStatus(ctx: RenderContext, status: JiraStatus): Json {
  return {
    self: `${ctx.apiBase}/rest/api/3/status/${status.id}`,
    description: status.description,
    iconUrl: `${ctx.apiBase}/`,
    name: status.name,
    id: status.id,
    statusCategory: renderStatusCategory(ctx, status.categoryKey),
  };
}

export function renderIssueType(ctx: RenderContext, type: JiraIssueType): Json {
  return {
    self: `${ctx.apiBase}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${ctx.apiBase}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${String(type.avatarId)}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    avatarId: type.avatarId,
    entityId: type.entityId,
    hierarchyLevel: type.hierarchyLevel,
  };
}

export function renderAvatarUrls(base: string): Json {
  return {
    '48x48': base,
    '24x24': `${base}?size=small`,
    '16x16': `${base}?size=xsmall`,
    '32x32': `${base}?size=medium`,
  };
}

export function renderUser(ctx: RenderContext, user: JiraUser): Json {
  const initials = user.displayName
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const avatar = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials}-3.png`;
  return {
    self: `${ctx.apiBase}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    emailAddress: user.emailAddress,
    avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

export function renderProjectRef(ctx: RenderContext, project: JiraProject): Json {
  return {
    self: `${ctx.apiBase}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: project.simplified,
    avatarUrls: renderAvatarUrls(`${ctx.apiBase}/rest/api/3/universal_avatar/view/type/project/avatar/10421`),
  };
}

export function renderPriority(ctx: RenderContext, priority: JiraPriority): Json {
  return {
    self: `${ctx.apiBase}/rest/api/3/priority/${priority.id}`,
    iconUrl: `${ctx.siteUrl}/images/icons/priorities/${priority.iconName}.svg`,
    name: priority.name,
    id: priority.id,
  };
}

/** Plain text becomes an Atlassian Document (API v3 returns rich text as ADF); ADF stays as stored. */
export function renderDescription(description: StoredDescription): unknown {
  if (description === null || typeof description !== 'string') return description;
  return {
    type: 'doc',
    version: 1,
    content: description
      .split(/\n{2,}/)
      .filter((p) => p.trim() !== '')
      .map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] })),
  };
}

export function issueSelf(ctx: RenderContext, issue: StoredIssue): string {
  return `${ctx.apiBase}/rest/api/3/issue/${issue.id}`;
}

/** The short form Jira nests for a parent or sub-task: key fields only. */
function renderLinkedIssue(ctx: RenderContext, issue: StoredIssue): Json {
  const fields: Json = { summary: issue.summary };
  const status = ctx.store.status(issue.statusId);
  if (status) fields.status = renderStatus(ctx, status);
  const priority = issue.priorityId === null ? undefined : ctx.store.priorities.get(issue.priorityId);
  if (priority) fields.priority = renderPriority(ctx, priority);
  const type = ctx.store.issueType(issue.issueTypeId);
  if (type) fields.issuetype = renderIssueType(ctx, type);
  return { id: issue.id, key: issue.key, self: issueSelf(ctx, issue), fields };
}

function userOrNull(ctx: RenderContext, accountId: string | null): Json | null {
  if (accountId === null) return null;
  const user = ctx.store.user(accountId);
  return user ? renderUser(ctx, user) : null;
}

/**
 * The `issuelinks` field: Jira's IssueLink per link, the other issue as `outwardIssue` when this
 * one holds the link ("this issue blocks it") and as `inwardIssue` otherwise ("is blocked by").
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-links/
 */
function renderIssueLinks(ctx: RenderContext, issue: StoredIssue): Json[] {
  const { store } = ctx;
  const typeOf = (typeId: string): Json => {
    const type = ISSUE_LINK_TYPES.find((candidate) => candidate.id === typeId) ?? ISSUE_LINK_TYPES[0];
    return { ...type, self: `${ctx.apiBase}/rest/api/3/issueLinkType/${type?.id ?? typeId}` };
  };
  const { outward, inward } = store.issueLinks(issue.id);
  const rendered: { id: string; json: Json }[] = [];
  // `side`: the key the other issue goes under, by which of the two issues holds the link.
  const renderLink = (link: StoredIssueLink, otherId: string, side: 'outwardIssue' | 'inwardIssue'): void => {
    const other = store.issue(otherId);
    if (!other) return;
    rendered.push({
      id: link.id,
      json: {
        id: link.id,
        self: `${ctx.apiBase}/rest/api/3/issueLink/${link.id}`,
        type: typeOf(link.typeId),
        [side]: renderLinkedIssue(ctx, other),
      },
    });
  };
  for (const link of outward) renderLink(link, link.inwardIssueId, 'outwardIssue');
  for (const { holderId, link } of inward) renderLink(link, holderId, 'inwardIssue');
  return rendered.sort((a, b) => Number(a.id) - Number(b.id)).map((entry) => entry.json);
}

/** Computes one modelled field's value, or `undefined` when the emulator does not model it. */
function modelledField(ctx: RenderContext, issue: StoredIssue, fieldId: string): unknown {
  const { store } = ctx;
  switch (fieldId) {
    case 'summary':
      return issue.summary;
    case 'issuetype': {
      const type = store.issueType(issue.issueTypeId);
      return type ? renderIssueType(ctx, type) : null;
    }
    case 'parent': {
      const parent = issue.parentId === null ? undefined : store.issue(issue.parentId);
      return parent ? renderLinkedIssue(ctx, parent) : undefined;
    }
    case 'project': {
      const project = store.projectById(issue.projectId);
      return project ? renderProjectRef(ctx, project) : null;
    }
    case 'status': {
      const status = store.status(issue.statusId);
      return status ? renderStatus(ctx, status) : null;
    }
    case 'priority': {
      const priority = issue.priorityId === null ? undefined : store.priorities.get(issue.priorityId);
      return priority ? renderPriority(ctx, priority) : null;
    }
    case 'assignee':
      return userOrNull(ctx, issue.assigneeId);
    case 'reporter':
      return userOrNull(ctx, issue.reporterId);
    case 'creator':
      return userOrNull(ctx, issue.creatorId);
    case 'created':
      return issue.created;
    case 'updated':
      return issue.updated;
    case 'labels':
      return issue.labels;
    case 'description':
      return renderDescription(issue.description);
    case 'resolution': {
      // An imported document keeps the resolution it came with.
      if (issue.extraFields && 'resolution' in issue.extraFields) return issue.extraFields.resolution;
      const status = store.status(issue.statusId);
      if (status?.categoryKey !== 'done') return null;
      return {
        self: `${ctx.apiBase}/rest/api/3/resolution/10000`,
        id: '10000',
        description: 'Work has been completed on this issue.',
        name: 'Done',
      };
    }
    case 'resolutiondate':
      return issue.resolutionDate;
    case 'statuscategorychangedate':
      return issue.statusCategoryChangeDate;
    case 'issuelinks': {
      const links = renderIssueLinks(ctx, issue);
      // An imported document keeps the links it came with, unless links were made here since.
      if (links.length === 0 && Array.isArray(issue.extraFields?.issuelinks))
        return issue.extraFields.issuelinks;
      return links;
    }
    case 'subtasks':
      return [...store.childIds(issue.id)]
        .map((id) => store.issue(id))
        .filter(
          (child): child is StoredIssue =>
            child !== undefined && store.issueType(child.issueTypeId)?.subtask === true,
        )
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((child) => renderLinkedIssue(ctx, child));
    default:
      return undefined;
  }
}

const MODELLED_FIELDS = [
  'statuscategorychangedate',
  'issuetype',
  'parent',
  'project',
  'resolution',
  'resolutiondate',
  'created',
  'priority',
  'labels',
  'assignee',
  'updated',
  'status',
  'description',
  'summary',
  'creator',
  'subtasks',
  'issuelinks',
  'reporter',
] as const;

export interface IssueRenderOptions {
  fields: FieldSelection;
  /** Issue property keys to include under `properties`, or `null` for none (`*all` = every one). */
  properties: readonly string[] | null;
  expand: ReadonlySet<string>;
}

export function renderFields(ctx: RenderContext, issue: StoredIssue, selection: FieldSelection): Json {
  const fields: Json = {};
  for (const id of MODELLED_FIELDS) {
    if (!selection.includes(id)) continue;
    const value = modelledField(ctx, issue, id);
    if (value !== undefined) fields[id] = value;
  }
  for (const [id, value] of Object.entries(issue.extraFields ?? {})) {
    if (!(id in fields) && !(MODELLED_FIELDS as readonly string[]).includes(id) && selection.includes(id)) {
      fields[id] = value;
    }
  }
  return fields;
}

export function renderIssue(ctx: RenderContext, issue: StoredIssue, options: IssueRenderOptions): Json {
  const doc: Json = {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: issueSelf(ctx, issue),
    key: issue.key,
  };
  if (options.properties !== null) doc.properties = selectProperties(issue, options.properties);
  doc.fields = renderFields(ctx, issue, options.fields);
  if (options.expand.has('changelog')) {
    // The emulator keeps no history: an empty page, shaped as Jira's.
    doc.changelog = { startAt: 0, maxResults: 0, total: 0, histories: [] };
  }
  if (options.expand.has('names')) {
    doc.names = Object.fromEntries(Object.keys(doc.fields as Json).map((id) => [id, fieldName(id)]));
  }
  return doc;
}

export function selectProperties(issue: StoredIssue, keys: readonly string[]): Json {
  if (keys.includes('*all')) return { ...issue.properties };
  const selected: Json = {};
  for (const key of keys) if (key in issue.properties) selected[key] = issue.properties[key];
  return selected;
}

const FIELD_NAMES: Record<string, string> = {
  summary: 'Summary',
  issuetype: 'Issue Type',
  parent: 'Parent',
  project: 'Project',
  status: 'Status',
  priority: 'Priority',
  assignee: 'Assignee',
  reporter: 'Reporter',
  creator: 'Creator',
  created: 'Created',
  updated: 'Updated',
  labels: 'Labels',
  description: 'Description',
  resolution: 'Resolution',
  resolutiondate: 'Resolved',
  statuscategorychangedate: 'Status Category Changed',
  subtasks: 'Sub-tasks',
  issuelinks: 'Linked Issues',
};

export function fieldName(id: string): string {
  return FIELD_NAMES[id] ?? id;
}
