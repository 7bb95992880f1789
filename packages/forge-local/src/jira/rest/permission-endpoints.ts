/**
 * `GET /rest/api/3/mypermissions` and `POST /rest/api/3/permissions/check`, answered from the same
 * `PermissionModel` that filters searches and guards writes.
 */
import { PERMISSION_BY_KEY, type Caller } from '../permissions';
import type { EndpointContext } from './endpoint-context';
import { errorResponse, isRecord, ISSUE_NOT_FOUND, parseJsonBody } from './jira-errors';
import type { JiraRequest, JiraResponse } from './rest-types';

export function myPermissions(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const q = request.query;
  const keys = (q.get('permissions') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (keys.length === 0) return errorResponse(400, ['The permissions parameter is required.']);
  const invalid = keys.filter((k) => !PERMISSION_BY_KEY.has(k));
  if (invalid.length > 0) return errorResponse(400, [`Invalid permission key(s): ${invalid.join(', ')}.`]);

  let projectId: string | null = null;
  const issueRef = q.get('issueId') ?? q.get('issueKey');
  const projectRef = q.get('projectId') ?? q.get('projectKey');
  if (issueRef !== null) {
    const issue = ctx.store.resolveIssue(issueRef);
    if (!issue || !ctx.permissions.canSeeIssue(request.caller, issue))
      return errorResponse(404, [ISSUE_NOT_FOUND]);
    projectId = issue.projectId;
  } else if (projectRef !== null) {
    const project = ctx.store.resolveProject(projectRef);
    if (!project || !ctx.permissions.canBrowse(request.caller, project.id)) {
      return errorResponse(404, [`No project could be found with key '${projectRef}'.`]);
    }
    projectId = project.id;
  }

  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const info = PERMISSION_BY_KEY.get(key);
    if (!info) continue;
    const have =
      info.type === 'GLOBAL'
        ? ctx.permissions.hasGlobal(request.caller, key)
        : projectId === null
          ? ctx.permissions.hasInAnyProject(request.caller, key)
          : ctx.permissions.hasProject(request.caller, key, projectId);
    permissions[key] = { ...info, havePermission: have };
  }
  return { status: 200, body: { permissions } };
}

export function checkPermissions(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body)) return errorResponse(400, ['The request body is required.']);
  let subject: Caller = request.caller;
  if (typeof body.accountId === 'string' && body.accountId !== request.caller.accountId) {
    if (!ctx.permissions.hasGlobal(request.caller, 'ADMINISTER')) {
      return errorResponse(403, ['Only Jira administrators can check the permissions of other users.']);
    }
    if (!ctx.store.user(body.accountId))
      return errorResponse(400, [`User '${body.accountId}' does not exist.`]);
    subject = { kind: 'user', accountId: body.accountId };
  }

  const globalKeys = Array.isArray(body.globalPermissions) ? body.globalPermissions.map(String) : [];
  const badGlobal = globalKeys.filter((k) => PERMISSION_BY_KEY.get(k)?.type !== 'GLOBAL');
  if (badGlobal.length > 0)
    return errorResponse(400, [`Invalid global permission(s): ${badGlobal.join(', ')}.`]);

  const projectPermissions: { permission: string; projects: number[]; issues: number[] }[] = [];
  const requests = Array.isArray(body.projectPermissions) ? body.projectPermissions : [];
  for (const entry of requests) {
    if (!isRecord(entry) || !Array.isArray(entry.permissions) || entry.permissions.length === 0) {
      return errorResponse(400, ['Each projectPermissions entry needs at least one permission.']);
    }
    const projects = Array.isArray(entry.projects) ? entry.projects.map(Number) : [];
    const issues = Array.isArray(entry.issues) ? entry.issues.map(Number) : [];
    if (projects.length > 1000 || issues.length > 1000) {
      return errorResponse(400, ['You can check up to 1000 projects and 1000 issues at a time.']);
    }
    for (const key of entry.permissions.map(String)) {
      if (PERMISSION_BY_KEY.get(key)?.type !== 'PROJECT') {
        return errorResponse(400, [`Invalid project permission: ${key}.`]);
      }
      projectPermissions.push({
        permission: key,
        projects: projects.filter((id) => {
          const project = ctx.store.projectById(String(id));
          return project !== undefined && ctx.permissions.hasProject(subject, key, project.id);
        }),
        issues: issues.filter((id) => {
          const issue = ctx.store.issue(String(id));
          return (
            issue !== undefined &&
            ctx.permissions.canSeeIssue(subject, issue) &&
            ctx.permissions.hasProject(subject, key, issue.projectId)
          );
        }),
      });
    }
  }
  return {
    status: 200,
    body: {
      globalPermissions: globalKeys.filter((k) => ctx.permissions.hasGlobal(subject, k)),
      projectPermissions,
    },
  };
}
