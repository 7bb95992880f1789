/**
 * Issue comments: `GET|POST /rest/api/3/issue/{issueIdOrKey}/comment`, to the Jira Cloud platform
 * REST API v3 (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/).
 * Bodies are Atlassian Documents kept as given; `properties` sent with a new comment are stored as
 * its comment properties and returned with `expand=properties`. A caller without Browse gets 404,
 * one without Add Comments 403. Users a new comment mentions get an in-app notification, as in
 * Jira (`mention-notifications.ts`); the emulator sends no mail.
 */
import { renderUser } from '../issue-renderer';
import { jiraTimestamp } from '../issue-writer';
import { notifyMentions } from '../mention-notifications';
import type { StoredComment } from '../model';
import { listParam, type EndpointContext } from './endpoint-context';
import { visibleIssue } from './issue-endpoints';
import { errorResponse, isRecord, issueNotFound, parseJsonBody } from './jira-errors';
import type { JiraRequest, JiraResponse, RouteParams } from './rest-types';

/** Jira's limit on a comment body: 32,767 characters of its JSON (413 beyond). */
const MAX_BODY_CHARS = 32_767;
const MAX_RESULTS = 100;

function renderComment(ctx: EndpointContext, issueId: string, comment: StoredComment, expand: Set<string>) {
  const author = ctx.store.user(comment.authorId);
  const user = author === undefined ? { accountId: comment.authorId } : renderUser(ctx.render, author);
  return {
    self: `${ctx.render.apiBase}/rest/api/3/issue/${issueId}/comment/${comment.id}`,
    id: comment.id,
    author: user,
    body: comment.body,
    updateAuthor: user,
    created: comment.created,
    updated: comment.updated,
    jsdPublic: true,
    ...(expand.has('properties')
      ? { properties: Object.entries(comment.properties).map(([key, value]) => ({ key, value })) }
      : {}),
  };
}

export function getComments(ctx: EndpointContext, request: JiraRequest, params: RouteParams): JiraResponse {
  const issue = visibleIssue(ctx, request, params.issueIdOrKey ?? '');
  if (!issue) return issueNotFound();
  const startAt = Number(request.query.get('startAt') ?? '0');
  const maxResults = Number(request.query.get('maxResults') ?? String(MAX_RESULTS));
  if (!Number.isInteger(startAt) || startAt < 0) return errorResponse(400, ['startAt must be 0 or more.']);
  if (!Number.isInteger(maxResults) || maxResults < 0)
    return errorResponse(400, ['maxResults must be 0 or more.']);
  const orderBy = request.query.get('orderBy') ?? 'created';
  if (!['created', '-created', '+created'].includes(orderBy))
    return errorResponse(400, [`orderBy must be created, -created or +created; got '${orderBy}'.`]);
  const all = [...ctx.store.commentsOf(issue.id)];
  if (orderBy === '-created') all.reverse();
  const limit = Math.min(maxResults, MAX_RESULTS);
  const expand = new Set(listParam(request.query, 'expand') ?? []);
  return {
    status: 200,
    body: {
      startAt,
      maxResults: limit,
      total: all.length,
      comments: all
        .slice(startAt, startAt + limit)
        .map((comment) => renderComment(ctx, issue.id, comment, expand)),
    },
  };
}

export function addComment(ctx: EndpointContext, request: JiraRequest, params: RouteParams): JiraResponse {
  const issue = visibleIssue(ctx, request, params.issueIdOrKey ?? '');
  if (!issue) return issueNotFound();
  if (!ctx.permissions.hasProject(request.caller, 'ADD_COMMENTS', issue.projectId)) {
    return errorResponse(403, ['You do not have the permission to comment on this issue.']);
  }
  const body = parseJsonBody(request.rawBody);
  if (
    !isRecord(body) ||
    !isRecord(body.body) ||
    body.body.type !== 'doc' ||
    !Array.isArray(body.body.content)
  ) {
    return errorResponse(400, [], { comment: 'Comment body can not be empty!' });
  }
  if (JSON.stringify(body.body).length > MAX_BODY_CHARS) {
    return errorResponse(413, [], {
      comment: 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.',
    });
  }
  const properties: Record<string, unknown> = {};
  if (body.properties !== undefined) {
    if (!Array.isArray(body.properties))
      return errorResponse(400, ['properties must be a list of {key, value}.']);
    for (const property of body.properties) {
      if (
        !isRecord(property) ||
        typeof property.key !== 'string' ||
        property.key === '' ||
        property.key.length > 255
      )
        return errorResponse(400, ['Each property needs a key of 1-255 characters.']);
      properties[property.key] = property.value;
    }
  }
  const now = jiraTimestamp(new Date());
  const comment = ctx.store.addComment({
    issueId: issue.id,
    authorId: request.caller.accountId,
    body: body.body,
    created: now,
    updated: now,
    properties,
  });
  notifyMentions(ctx.store, ctx.permissions, issue, comment);
  return { status: 201, body: renderComment(ctx, issue.id, comment, new Set(['properties'])) };
}

/** `GET /rest/api/3/serverInfo`: the site's identity, version and default time zone. */
export function serverInfo(ctx: EndpointContext): JiraResponse {
  const info = ctx.store.siteInfo();
  return {
    status: 200,
    body: {
      baseUrl: info.siteUrl,
      displayUrl: info.siteUrl,
      buildDate: '2026-01-05T09:00:00.000+0000',
      buildNumber: 100_295,
      deploymentType: 'Cloud',
      scmInfo: 'forge-local',
      serverTime: jiraTimestamp(new Date()),
      serverTimeZone: info.timeZone ?? 'UTC',
      serverTitle: 'Jira',
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
    },
  };
}
