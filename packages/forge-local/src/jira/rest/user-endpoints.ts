/**
 * `GET /rest/api/3/myself`, `GET /rest/api/3/user?accountId=`, `GET /rest/api/3/user/bulk` and
 * `GET /rest/api/3/user/search`.
 */
import { renderUser } from '../issue-renderer';
import type { JiraUser } from '../model';
import type { EndpointContext } from './endpoint-context';
import { errorResponse } from './jira-errors';
import type { JiraRequest, JiraResponse } from './rest-types';

const USER_NOT_FOUND = 'Specified user does not exist or you do not have required permissions';

function fullUser(ctx: EndpointContext, user: JiraUser): Record<string, unknown> {
  return {
    ...renderUser(ctx.render, user),
    locale: 'en_US',
    groups: { size: 0, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

export function myself(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const user = ctx.store.user(request.caller.accountId);
  if (!user)
    return errorResponse(401, [
      'You are not authenticated. Authentication required to perform this operation.',
    ]);
  return { status: 200, body: fullUser(ctx, user) };
}

export function getUser(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  if (!ctx.permissions.hasGlobal(request.caller, 'USER_PICKER')) {
    return errorResponse(403, ['You do not have the permission to browse users and groups.']);
  }
  const accountId = request.query.get('accountId');
  if (accountId === null || accountId === '')
    return errorResponse(400, ['The accountId query parameter is required.']);
  const user = ctx.store.user(accountId);
  if (!user) return errorResponse(404, [USER_NOT_FOUND]);
  return { status: 200, body: fullUser(ctx, user) };
}

export function bulkUsers(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const q = request.query;
  const accountIds = q.getAll('accountId');
  if (accountIds.length === 0) return errorResponse(400, ['The accountId query parameter is required.']);
  const startAt = Number(q.get('startAt') ?? 0);
  const maxResults = Number(q.get('maxResults') ?? 10);
  const users = accountIds.map((id) => ctx.store.user(id)).filter((u): u is JiraUser => u !== undefined);
  const page = users.slice(startAt, startAt + maxResults);
  const self = `${ctx.render.apiBase}/rest/api/3/user/bulk?${q.toString()}`;
  const body: Record<string, unknown> = {
    self,
    maxResults,
    startAt,
    total: users.length,
    isLast: startAt + page.length >= users.length,
    values: page.map((u) => renderUser(ctx.render, u)),
  };
  return { status: 200, body };
}

/** Jira leaves out every match past the thousandth (the spec of `GET /rest/api/3/user/search`). */
const USER_SEARCH_CAP = 1000;

function matchesQuery(user: JiraUser, query: string): boolean {
  const needle = query.toLowerCase();
  const words = user.displayName.toLowerCase().split(/\s+/);
  return (
    user.displayName.toLowerCase().startsWith(needle) ||
    words.some((word) => word.startsWith(needle)) ||
    user.emailAddress.toLowerCase().startsWith(needle)
  );
}

/**
 * `GET /rest/api/3/user/search` (findUsers): active users whose display name (or a word of it)
 * or email address starts with `query`, or the one user with `accountId`. Callers without Browse
 * users and groups get an empty list, not an error, as the spec says. `property` is not modelled.
 */
export function findUsers(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const q = request.query;
  const query = q.get('query');
  const accountId = q.get('accountId');
  if (q.has('property')) {
    return errorResponse(400, ['The local Jira emulator does not support searching users by property.']);
  }
  if ((query === null || query === '') && (accountId === null || accountId === '')) {
    return errorResponse(400, [
      "One of 'query', 'accountId' or 'property' query parameters must be provided.",
    ]);
  }
  if (query !== null && query !== '' && accountId !== null && accountId !== '') {
    return errorResponse(400, ["Only one of 'query' and 'accountId' may be provided."]);
  }
  const startAt = Math.max(0, Number(q.get('startAt') ?? 0) || 0);
  const maxResults = Math.max(0, Number(q.get('maxResults') ?? 50) || 0);
  if (!ctx.permissions.hasGlobal(request.caller, 'USER_PICKER')) return { status: 200, body: [] };
  const matches = [...ctx.store.users.values()]
    .filter((user) => user.active)
    .filter((user) =>
      accountId !== null && accountId !== '' ? user.accountId === accountId : matchesQuery(user, query ?? ''),
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.accountId.localeCompare(b.accountId))
    .slice(0, USER_SEARCH_CAP);
  return {
    status: 200,
    body: matches.slice(startAt, startAt + maxResults).map((user) => renderUser(ctx.render, user)),
  };
}
