/** `GET /rest/api/3/myself`, `GET /rest/api/3/user?accountId=` and `GET /rest/api/3/user/bulk`. */
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
