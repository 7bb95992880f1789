import { route } from '@forge/api';
import { z } from 'zod';
import type { IssueComments, SiteInfo } from '../../application/ports/issue-comments';
import { JiraUnavailableError, type JiraClient } from './jira-client';

function refused(status: number, what: string): never {
  throw new JiraUnavailableError(`Jira refused ${what} (HTTP ${String(status)}).`, status);
}

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new JiraUnavailableError(`Jira's answer to ${what} could not be read.`, 502);
  return result.data;
}

const createdCommentSchema = z.object({ id: z.string() });
const commentPageSchema = z.object({
  comments: z.array(
    z.object({
      id: z.string(),
      properties: z.array(z.object({ key: z.string(), value: z.unknown() })).default([]),
    }),
  ),
  startAt: z.number().int(),
  maxResults: z.number().int(),
  total: z.number().int(),
});

/** Pages of 100 read at most, newest first: far more comments than any epic's reviews make. */
const MAX_COMMENT_PAGES = 20;

/**
 * Comments as the app (write:jira-work):
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-post
 * and `GET …/comment?expand=properties` for the comment properties that carry idempotency keys.
 */
export function jiraIssueComments(app: JiraClient): IssueComments {
  return {
    async add(issueId, body, property) {
      const response = await app.request(route`/rest/api/3/issue/${issueId}/comment`, {
        method: 'POST',
        body: { body, properties: [property] },
      });
      if (response.status !== 201) refused(response.status, 'adding a comment');
      return parsed(createdCommentSchema, response.body, 'adding a comment').id;
    },

    async withProperty(issueId, propertyKey) {
      const found: { id: string; property: unknown }[] = [];
      let startAt = 0;
      for (let page = 0; page < MAX_COMMENT_PAGES; page++) {
        const query = new URLSearchParams({
          startAt: String(startAt),
          maxResults: '100',
          orderBy: '-created',
          expand: 'properties',
        });
        const response = await app.request(route`/rest/api/3/issue/${issueId}/comment?${query}`);
        if (response.status === 404) return found;
        if (response.status !== 200) refused(response.status, 'listing comments');
        const comments = parsed(commentPageSchema, response.body, 'listing comments');
        for (const comment of comments.comments) {
          const property = comment.properties.find((candidate) => candidate.key === propertyKey);
          if (property !== undefined) found.push({ id: comment.id, property: property.value });
        }
        startAt = comments.startAt + comments.comments.length;
        if (comments.comments.length === 0 || startAt >= comments.total) break;
      }
      return found;
    },
  };
}

const serverInfoSchema = z.object({ serverTimeZone: z.string().optional() });

/**
 * The site's default time zone from
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-server-info/#api-rest-api-3-serverinfo-get
 * (`serverTimeZone`, an IANA name); UTC when Jira leaves it out.
 */
export function jiraSiteInfo(app: JiraClient): SiteInfo {
  let zone: Promise<string> | undefined;
  return {
    timeZone() {
      zone ??= (async () => {
        const response = await app.request(route`/rest/api/3/serverInfo`);
        if (response.status !== 200) refused(response.status, 'reading the server info');
        return parsed(serverInfoSchema, response.body, 'reading the server info').serverTimeZone ?? 'UTC';
      })();
      return zone;
    },
  };
}
