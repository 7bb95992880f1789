/**
 * `GET /rest/api/3/user/groups` (getUserGroups), `GET /rest/api/3/groups/picker` (findGroups)
 * and `GET /rest/api/3/group/bulk` (bulkGetGroups), as Atlassian's OpenAPI spec describes them:
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-groups/ and
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-groups-get
 */
import type { JiraGroup } from '../model';
import type { EndpointContext } from './endpoint-context';
import { listParam } from './endpoint-context';
import { errorResponse } from './jira-errors';
import type { JiraRequest, JiraResponse } from './rest-types';

const BROWSE_USERS_REQUIRED = 'Browse users and groups permission is required to view groups.';
/** What the picker lists when `maxResults` is not given (Jira's `jira.ajax.autocomplete.limit`). */
const PICKER_DEFAULT_MAX = 20;

function groupSelf(ctx: EndpointContext, group: JiraGroup): string {
  return `${ctx.render.apiBase}/rest/api/3/group?groupId=${encodeURIComponent(group.groupId)}`;
}

function byName(a: JiraGroup, b: JiraGroup): number {
  return a.name.localeCompare(b.name) || a.groupId.localeCompare(b.groupId);
}

/** A non-negative whole number parameter, or `fallback` when absent or not one. */
function countParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  const value = raw === null ? Number.NaN : Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

/** Groups `accountId` belongs to: `GroupName` items (`groupId`, `name`, `self`), sorted by name. */
export function getUserGroups(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  if (!ctx.permissions.hasGlobal(request.caller, 'USER_PICKER'))
    return errorResponse(403, ['You do not have the permission to browse users and groups.']);
  const accountId = request.query.get('accountId');
  if (request.query.has('username') || request.query.has('key'))
    return errorResponse(404, ['Jira Cloud names users by accountId; username and key are not supported.']);
  if (accountId === null || accountId === '')
    return errorResponse(404, ['The accountId query parameter is required.']);
  if (ctx.store.user(accountId) === undefined)
    return errorResponse(404, ['Specified user does not exist or you do not have required permissions']);
  return {
    status: 200,
    body: ctx.store
      .groupsOf(accountId)
      .map((group) => ({ groupId: group.groupId, name: group.name, self: groupSelf(ctx, group) })),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

/** The name with every match of `query` in bold, the rest escaped (the picker's `html`). */
function highlighted(name: string, query: string, caseInsensitive: boolean): string {
  if (query === '') return escapeHtml(name);
  const haystack = caseInsensitive ? name.toLowerCase() : name;
  const needle = caseInsensitive ? query.toLowerCase() : query;
  let html = '';
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, from)) {
    html += `${escapeHtml(name.slice(from, at))}<b>${escapeHtml(name.slice(at, at + needle.length))}</b>`;
    from = at + needle.length;
  }
  return html + escapeHtml(name.slice(from));
}

/**
 * Groups whose name contains `query` (case-sensitively unless `caseInsensitive=true`), sorted by
 * name, less `exclude` (names) and `excludeId`, at most `maxResults`. Callers who browse no
 * project get an empty list; without Browse users and groups only an exact name is found. The
 * `accountId` and `userName` filters are not modelled and are refused.
 */
export function findGroups(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const q = request.query;
  if (q.has('accountId') || q.has('userName'))
    return errorResponse(400, [
      'The local Jira emulator does not support the accountId and userName filters.',
    ]);
  const query = q.get('query') ?? '';
  const caseInsensitive = q.get('caseInsensitive') === 'true';
  const maxResults = countParam(q, 'maxResults', PICKER_DEFAULT_MAX);
  const excluded = new Set(listParam(q, 'exclude') ?? []);
  const excludedIds = new Set(listParam(q, 'excludeId') ?? []);
  const contains = (name: string) =>
    caseInsensitive ? name.toLowerCase().includes(query.toLowerCase()) : name.includes(query);
  const canBrowseUsers = ctx.permissions.hasGlobal(request.caller, 'USER_PICKER');
  const matches = ctx.permissions.hasInAnyProject(request.caller, 'BROWSE_PROJECTS')
    ? [...ctx.store.groups.values()]
        .filter((group) => !excluded.has(group.name) && !excludedIds.has(group.groupId))
        .filter((group) => (canBrowseUsers ? contains(group.name) : group.name === query))
        .sort(byName)
    : [];
  const shown = matches.slice(0, maxResults);
  return {
    status: 200,
    body: {
      header: `Showing ${String(shown.length)} of ${String(matches.length)} matching groups`,
      total: matches.length,
      groups: shown.map((group) => ({
        name: group.name,
        html: highlighted(group.name, query, caseInsensitive),
        labels: [],
        groupId: group.groupId,
      })),
    },
  };
}

/**
 * A page of groups, by name: those named by `groupId` or `groupName` (either list; both: either
 * matches), or every group when neither is given. `accessType` and `applicationKey` are not
 * modelled and are refused.
 */
export function bulkGetGroups(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const q = request.query;
  if (!ctx.permissions.hasGlobal(request.caller, 'USER_PICKER'))
    return errorResponse(403, [BROWSE_USERS_REQUIRED]);
  if (q.has('accessType') || q.has('applicationKey'))
    return errorResponse(400, [
      'The local Jira emulator does not support the accessType and applicationKey filters.',
    ]);
  const ids = listParam(q, 'groupId');
  const names = listParam(q, 'groupName');
  const startAt = countParam(q, 'startAt', 0);
  const maxResults = countParam(q, 'maxResults', 50);
  const all = [...ctx.store.groups.values()]
    .filter(
      (group) =>
        (ids === undefined && names === undefined) ||
        (ids?.includes(group.groupId) ?? false) ||
        (names?.includes(group.name) ?? false),
    )
    .sort(byName);
  const page = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= all.length;
  const pageUrl = (start: number) => {
    const next = new URLSearchParams(q);
    next.set('startAt', String(start));
    return `${ctx.render.apiBase}/rest/api/3/group/bulk?${next.toString()}`;
  };
  return {
    status: 200,
    body: {
      self: `${ctx.render.apiBase}/rest/api/3/group/bulk?${q.toString()}`,
      ...(isLast ? {} : { nextPage: pageUrl(startAt + page.length) }),
      maxResults,
      startAt,
      total: all.length,
      isLast,
      values: page.map((group) => ({ groupId: group.groupId, name: group.name })),
    },
  };
}
