/**
 * Issue entity properties: list, get, set (value ≤ 32,768 characters; needs Browse + Edit issues)
 * and delete. Setting one raises `avi:jira:set:issue-property`, never `avi:jira:updated:issue`.
 */
import { actorOf, type EndpointContext } from './endpoint-context';
import { errorResponse, issueNotFound, parseJsonBody } from './jira-errors';
import { visibleIssue } from './issue-endpoints';
import type { JiraRequest, JiraResponse, RouteParams } from './rest-types';

const MAX_VALUE_CHARS = 32_768;
const MAX_KEY_CHARS = 255;

export function listProperties(
  ctx: EndpointContext,
  request: JiraRequest,
  params: RouteParams,
): JiraResponse {
  const issue = visibleIssue(ctx, request, params.issueIdOrKey ?? '');
  if (!issue) return issueNotFound();
  const base = `${ctx.render.apiBase}/rest/api/3/issue/${issue.key}/properties`;
  return {
    status: 200,
    body: {
      keys: Object.keys(issue.properties).map((key) => ({ key, self: `${base}/${encodeURIComponent(key)}` })),
    },
  };
}

export function getProperty(ctx: EndpointContext, request: JiraRequest, params: RouteParams): JiraResponse {
  const issue = visibleIssue(ctx, request, params.issueIdOrKey ?? '');
  if (!issue) return issueNotFound();
  const key = params.propertyKey ?? '';
  if (!(key in issue.properties))
    return errorResponse(404, [`The property with key '${key}' does not exist.`]);
  return { status: 200, body: { key, value: issue.properties[key] } };
}

export function setProperty(ctx: EndpointContext, request: JiraRequest, params: RouteParams): JiraResponse {
  const issue = visibleIssue(ctx, request, params.issueIdOrKey ?? '');
  if (!issue) return issueNotFound();
  if (!ctx.permissions.canEditIssue(request.caller, issue)) {
    return errorResponse(403, ['You do not have permission to edit issue properties of this issue.']);
  }
  const key = params.propertyKey ?? '';
  if (key.length > MAX_KEY_CHARS) {
    return errorResponse(400, [`The property key can't be longer than ${String(MAX_KEY_CHARS)} characters.`]);
  }
  const value = parseJsonBody(request.rawBody);
  if (value === undefined)
    return errorResponse(400, ['The property value must be a valid, non-empty JSON value.']);
  if (JSON.stringify(value).length > MAX_VALUE_CHARS) {
    return errorResponse(400, [
      `The property value can't be longer than ${String(MAX_VALUE_CHARS)} characters.`,
    ]);
  }
  const outcome = ctx.writer.setProperty(actorOf(request), issue, key, value);
  return { status: outcome === 'created' ? 201 : 200 };
}

export function deleteProperty(
  ctx: EndpointContext,
  request: JiraRequest,
  params: RouteParams,
): JiraResponse {
  const issue = visibleIssue(ctx, request, params.issueIdOrKey ?? '');
  // Jira answers 404 alike for a missing issue, a missing property and a caller who may not edit.
  if (!issue || !ctx.permissions.canEditIssue(request.caller, issue)) return issueNotFound();
  const key = params.propertyKey ?? '';
  if (!(key in issue.properties))
    return errorResponse(404, [`The property with key '${key}' does not exist.`]);
  ctx.writer.deleteProperty(actorOf(request), issue, key);
  return { status: 204 };
}
