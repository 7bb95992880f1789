/**
 * Site metadata: `GET /rest/api/3/issuetype`, `GET /rest/api/3/field`,
 * `GET /rest/api/3/project/search` and `GET /rest/api/3/project/{projectIdOrKey}`.
 */
import { appFieldDetails } from '../app-fields';
import { customFieldDetails, SYSTEM_FIELDS, type FieldDetails } from '../field-catalog';
import { renderAvatarUrls, renderIssueType, renderUser } from '../issue-renderer';
import type { JiraProject } from '../model';
import type { Caller } from '../permissions';
import { listParam, type EndpointContext } from './endpoint-context';
import { errorResponse } from './jira-errors';
import type { JiraRequest, JiraResponse, RouteParams } from './rest-types';

export function issueTypes(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  // Issue types are shared by every project here, so a caller who can browse any project sees all.
  const visible = ctx.permissions.hasInAnyProject(request.caller, 'BROWSE_PROJECTS');
  const types = visible ? [...ctx.store.issueTypes.values()] : [];
  return {
    status: 200,
    // Jira Cloud also sends `untranslatedName`, which the OpenAPI spec does not declare.
    body: types
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((t) => ({ ...renderIssueType(ctx.render, t), untranslatedName: t.name })),
  };
}

/** Custom field ids seen on stored issues, per site, recomputed only after issues change. */
const importedIdCache = new WeakMap<object, { version: number; ids: string[] }>();

/** The ids of the custom fields issues hold (imported ones) and of the app's own fields. */
export function customFieldIds(ctx: EndpointContext): string[] {
  return [...importedFieldIds(ctx), ...ctx.appFields.all().map((f) => f.id)];
}

function importedFieldIds(ctx: EndpointContext): string[] {
  let cached = importedIdCache.get(ctx.store);
  if (cached?.version !== ctx.store.version) {
    const ids = new Set<string>();
    for (const issue of ctx.store.allIssues())
      for (const id of Object.keys(issue.extraFields ?? {})) ids.add(id);
    cached = { version: ctx.store.version, ids: [...ids].sort() };
    importedIdCache.set(ctx.store, cached);
  }
  return cached.ids;
}

export function fields(ctx: EndpointContext): JiraResponse {
  const appFields = ctx.appFields.all();
  const known = new Set([...SYSTEM_FIELDS.map((f) => f.id), ...appFields.map((f) => f.id)]);
  const all: FieldDetails[] = [
    ...SYSTEM_FIELDS,
    ...importedFieldIds(ctx)
      .filter((id) => !known.has(id))
      .map((id) => customFieldDetails(id)),
    ...appFields.map(appFieldDetails),
  ];
  return { status: 200, body: all.map((f) => (f.schema === undefined ? withoutSchema(f) : f)) };
}

function withoutSchema(field: FieldDetails): Omit<FieldDetails, 'schema'> {
  const { schema: _schema, ...rest } = field;
  return rest;
}

export function renderProject(ctx: EndpointContext, project: JiraProject): Record<string, unknown> {
  const lead = project.leadAccountId === null ? undefined : ctx.store.user(project.leadAccountId);
  const doc: Record<string, unknown> = {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${ctx.render.apiBase}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    description: project.description,
    avatarUrls: renderAvatarUrls(
      `${ctx.render.apiBase}/rest/api/3/universal_avatar/view/type/project/avatar/10421`,
    ),
    projectTypeKey: project.projectTypeKey,
    simplified: project.simplified,
    style: project.simplified ? 'next-gen' : 'classic',
    isPrivate: false,
    properties: {},
  };
  if (lead) doc.lead = renderUser(ctx.render, lead);
  return doc;
}

const ACTION_PERMISSION: Record<string, string> = {
  view: 'BROWSE_PROJECTS',
  browse: 'BROWSE_PROJECTS',
  edit: 'ADMINISTER_PROJECTS',
  create: 'CREATE_ISSUES',
};

export function projectSearch(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const q = request.query;
  const startAt = Number(q.get('startAt') ?? 0);
  const maxResults = Math.min(Number(q.get('maxResults') ?? 50), 100);
  if (!Number.isInteger(startAt) || startAt < 0 || !Number.isInteger(maxResults) || maxResults < 0) {
    return errorResponse(400, ['startAt and maxResults must be non-negative integers.']);
  }
  const action = q.get('action') ?? 'view';
  const permission = ACTION_PERMISSION[action];
  if (permission === undefined) return errorResponse(400, [`Invalid action '${action}'.`]);
  const keys = new Set((listParam(q, 'keys') ?? []).map((k) => k.toUpperCase()));
  const ids = new Set(listParam(q, 'id') ?? []);
  const text = (q.get('query') ?? '').toLowerCase();
  const orderBy = q.get('orderBy') ?? 'key';
  const matches = [...ctx.store.projects.values()].filter(
    (p) =>
      allowed(ctx, request.caller, permission, p) &&
      (keys.size === 0 || keys.has(p.key)) &&
      (ids.size === 0 || ids.has(p.id)) &&
      (text === '' || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text)),
  );
  const descending = orderBy.startsWith('-');
  const field = orderBy.replace(/^[-+]/, '');
  matches.sort((a, b) => {
    const left = field === 'name' ? a.name : field === 'id' ? a.id.padStart(12, '0') : a.key;
    const right = field === 'name' ? b.name : field === 'id' ? b.id.padStart(12, '0') : b.key;
    return (left < right ? -1 : left > right ? 1 : 0) * (descending ? -1 : 1);
  });
  const page = matches.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= matches.length;
  const base = `${ctx.render.apiBase}/rest/api/3/project/search`;
  const body: Record<string, unknown> = {
    self: `${base}?startAt=${String(startAt)}&maxResults=${String(maxResults)}`,
    maxResults,
    startAt,
    total: matches.length,
    isLast,
    values: page.map((p) => renderProject(ctx, p)),
  };
  if (!isLast)
    body.nextPage = `${base}?startAt=${String(startAt + page.length)}&maxResults=${String(maxResults)}`;
  return { status: 200, body };
}

export function getProject(ctx: EndpointContext, request: JiraRequest, params: RouteParams): JiraResponse {
  const project = ctx.store.resolveProject(params.projectIdOrKey ?? '');
  if (!project || !ctx.permissions.canBrowse(request.caller, project.id)) {
    return errorResponse(404, [`No project could be found with key '${params.projectIdOrKey ?? ''}'.`]);
  }
  return { status: 200, body: renderProject(ctx, project) };
}

function allowed(ctx: EndpointContext, caller: Caller, permission: string, project: JiraProject): boolean {
  return ctx.permissions.hasProject(caller, permission, project.id);
}
