import { route } from '@forge/api';
import { z } from 'zod';
import type { BlockLink, EpicPage, JiraSite, PermissionChecker } from '../../application/ports/jira-site';
import { blockLinksOf, issueLinksPageSchema, LINK_READ_BATCH } from './jira-issue-links';
import { EPIC_FIELDS, epicIssueOf, issueBeanSchema } from './jira-issue-schema';
import { JiraUnavailableError, type JiraClient } from './jira-client';
import {
  encodedLength,
  encodeValueProperty,
  PROPERTY_VALUE_LIMIT,
  VALUE_PROPERTY_KEY,
} from './value-property-codec';

const searchPageSchema = z.object({
  issues: z.array(issueBeanSchema),
  nextPageToken: z.string().nullish(),
});

/** Project pages asked for at once: up to 1,000 projects in one wave. */
const PROJECT_PAGES_AT_ONCE = 10;

/** Jira checks at most 1,000 issues per `permissions/check` call. */
const PERMISSION_CHECK_BATCH = 1000;

const bulkPermissionsSchema = z.object({
  projectPermissions: z
    .array(z.object({ permission: z.string(), issues: z.array(z.number()).default([]) }))
    .default([]),
});

const bulkFetchSchema = z.object({ issues: z.array(issueBeanSchema) });

const issueTypesSchema = z.array(
  z.object({ id: z.string(), name: z.string().default(''), hierarchyLevel: z.number().int().default(0) }),
);

const userPageSchema = z.object({
  values: z.array(z.object({ accountId: z.string() })).default([]),
  isLast: z.boolean().optional(),
});

/** Account ids asked for per `user/bulk` call (the endpoint pages its answer; 50 fit one page). */
const USERS_PER_CALL = 50;

const myPermissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});

const projectPageSchema = z.object({
  values: z.array(z.object({ key: z.string() })),
  isLast: z.boolean().optional(),
  total: z.number().int().nonnegative().optional(),
});

/** Jira Cloud's cap on `maxResults` for project search. */
const PROJECTS_PER_PAGE = 100;

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new JiraUnavailableError(`Jira's answer to ${what} could not be read.`, 502);
  return result.data;
}

function unexpected(status: number, what: string): never {
  throw new JiraUnavailableError(`Jira refused ${what} (HTTP ${status}).`, status);
}

export function jiraSite(jira: JiraClient): JiraSite {
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-types/#api-rest-api-3-issuetype-get
  async function issueTypes() {
    const response = await jira.request(route`/rest/api/3/issuetype`);
    if (response.status !== 200) unexpected(response.status, 'listing issue types');
    return parsed(issueTypesSchema, response.body, 'listing issue types');
  }

  return {
    async getIssue(issueKey) {
      const response = await jira.request(
        route`/rest/api/3/issue/${issueKey}?fields=${EPIC_FIELDS.join(',')}&properties=${VALUE_PROPERTY_KEY}`,
      );
      if (response.status === 404 || response.status === 403) return null;
      if (response.status !== 200) unexpected(response.status, 'reading the issue');
      return epicIssueOf(parsed(issueBeanSchema, response.body, 'reading the issue'));
    },

    async getIssues(issueKeys) {
      if (issueKeys.length === 0) return [];
      const response = await jira.request(route`/rest/api/3/issue/bulkfetch`, {
        method: 'POST',
        body: { issueIdsOrKeys: issueKeys, fields: EPIC_FIELDS, properties: [VALUE_PROPERTY_KEY] },
      });
      if (response.status !== 200) unexpected(response.status, 'reading issues');
      return parsed(bulkFetchSchema, response.body, 'reading issues').issues.map(epicIssueOf);
    },

    // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post
    async blockLinks(issueKeys) {
      const links = new Map<string, BlockLink>();
      for (let start = 0; start < issueKeys.length; start += LINK_READ_BATCH) {
        const response = await jira.request(route`/rest/api/3/issue/bulkfetch`, {
          method: 'POST',
          body: { issueIdsOrKeys: issueKeys.slice(start, start + LINK_READ_BATCH), fields: ['issuelinks'] },
        });
        if (response.status !== 200) unexpected(response.status, 'reading issue links');
        blockLinksOf(parsed(issueLinksPageSchema, response.body, 'reading issue links'), links);
      }
      return [...links.values()];
    },

    async searchEpics({ jql, pageToken, pageSize = 100 }): Promise<EpicPage> {
      const response = await jira.request(route`/rest/api/3/search/jql`, {
        method: 'POST',
        body: {
          jql,
          fields: EPIC_FIELDS,
          properties: [VALUE_PROPERTY_KEY],
          maxResults: pageSize,
          ...(pageToken ? { nextPageToken: pageToken } : {}),
        },
      });
      if (response.status === 400) {
        const messages = (response.body as { errorMessages?: string[] } | undefined)?.errorMessages ?? [];
        throw new JqlRejectedError(messages.join(' ') || 'Jira could not run the JQL query.');
      }
      if (response.status !== 200) unexpected(response.status, 'the search');
      const page = parsed(searchPageSchema, response.body, 'the search');
      return {
        epics: page.issues.map(epicIssueOf),
        ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
      };
    },

    async writeValue(issueId, record, index) {
      const property = encodeValueProperty({ ...record, index });
      const length = encodedLength(property);
      if (length > PROPERTY_VALUE_LIMIT) return { tooLarge: length, limit: PROPERTY_VALUE_LIMIT };
      const response = await jira.request(
        route`/rest/api/3/issue/${issueId}/properties/${VALUE_PROPERTY_KEY}`,
        {
          method: 'PUT',
          body: property,
        },
      );
      if (response.status === 200 || response.status === 201) return 'written';
      if (response.status === 403 || response.status === 401) return 'forbidden';
      if (response.status === 404) return 'not_found';
      return unexpected(response.status, 'saving the value record');
    },

    async deleteValue(issueId) {
      const response = await jira.request(
        route`/rest/api/3/issue/${issueId}/properties/${VALUE_PROPERTY_KEY}`,
        {
          method: 'DELETE',
        },
      );
      if (response.status !== 204 && response.status !== 404)
        unexpected(response.status, 'removing the value record');
    },

    async readRawValue(issueId) {
      const response = await jira.request(
        route`/rest/api/3/issue/${issueId}/properties/${VALUE_PROPERTY_KEY}`,
      );
      if (response.status === 404) return { state: 'absent' };
      if (response.status !== 200) unexpected(response.status, 'reading the value record');
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-propertykey-get
      const { value } = parsed(z.object({ value: z.unknown() }), response.body, 'reading the value record');
      return { state: 'present', json: JSON.stringify(value) };
    },

    async restoreRawValue(issueId, raw) {
      const path = route`/rest/api/3/issue/${issueId}/properties/${VALUE_PROPERTY_KEY}`;
      const response =
        raw.state === 'absent'
          ? await jira.request(path, { method: 'DELETE' })
          : await jira.request(path, { method: 'PUT', body: JSON.parse(raw.json) as unknown });
      if ([200, 201, 204].includes(response.status)) return 'written';
      if (response.status === 404 && raw.state === 'absent') return 'written';
      if (response.status === 403 || response.status === 401) return 'forbidden';
      if (response.status === 404) return 'not_found';
      return unexpected(response.status, 'putting back the value record');
    },

    async epicIssueTypeIds() {
      return (await issueTypes()).filter((type) => type.hierarchyLevel === 1).map((type) => type.id);
    },

    issueTypes,

    /**
     * `GET /rest/api/3/user/bulk` leaves out account ids that match no user, and needs only
     * access to Jira (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-bulk-get).
     */
    async existingAccountIds(accountIds) {
      const existing = new Set<string>();
      const wanted = [...new Set(accountIds)];
      for (let start = 0; start < wanted.length; start += USERS_PER_CALL) {
        const query = new URLSearchParams({ maxResults: String(USERS_PER_CALL) });
        for (const accountId of wanted.slice(start, start + USERS_PER_CALL))
          query.append('accountId', accountId);
        const response = await jira.request(route`/rest/api/3/user/bulk?${query}`);
        if (response.status !== 200) unexpected(response.status, 'looking up users');
        for (const user of parsed(userPageSchema, response.body, 'looking up users').values)
          existing.add(user.accountId);
      }
      return existing;
    },
  };
}

export class JqlRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlRejectedError';
  }
}

export function jiraPermissions(jira: JiraClient): PermissionChecker {
  async function has(permission: string, issueId?: string): Promise<boolean> {
    const response = await jira.request(
      issueId === undefined
        ? route`/rest/api/3/mypermissions?permissions=${permission}`
        : route`/rest/api/3/mypermissions?permissions=${permission}&issueId=${issueId}`,
    );
    if (response.status === 404) return false;
    if (response.status !== 200) unexpected(response.status, 'the permission check');
    return (
      parsed(myPermissionsSchema, response.body, 'the permission check').permissions[permission]
        ?.havePermission ?? false
    );
  }

  return {
    isJiraAdmin: () => has('ADMINISTER'),
    canEditIssue: (issueId) => has('EDIT_ISSUES', issueId),
    async editableIssueIds(issueIds) {
      const editable = new Set<string>();
      for (let start = 0; start < issueIds.length; start += PERMISSION_CHECK_BATCH) {
        const issues = issueIds.slice(start, start + PERMISSION_CHECK_BATCH).map(Number);
        const response = await jira.request(route`/rest/api/3/permissions/check`, {
          method: 'POST',
          body: { projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues }] },
        });
        if (response.status !== 200) unexpected(response.status, 'the permission check');
        const answer = parsed(bulkPermissionsSchema, response.body, 'the permission check');
        for (const grant of answer.projectPermissions) {
          if (grant.permission === 'EDIT_ISSUES') for (const id of grant.issues) editable.add(String(id));
        }
      }
      return editable;
    },
    /**
     * The first page says how many projects there are; the other pages are then asked for side
     * by side (two waves of calls however many projects), and any left over (projects created
     * meanwhile) one page at a time.
     */
    async browsableProjectKeys() {
      const pageAt = async (startAt: number) => {
        const response = await jira.request(
          route`/rest/api/3/project/search?action=browse&maxResults=${String(PROJECTS_PER_PAGE)}&startAt=${String(startAt)}`,
        );
        if (response.status !== 200) unexpected(response.status, 'listing projects');
        return parsed(projectPageSchema, response.body, 'listing projects');
      };
      const first = await pageAt(0);
      const keys = first.values.map((project) => project.key);
      if (first.isLast !== false || first.values.length === 0) return keys;
      const size = first.values.length;
      const starts: number[] = [];
      for (let startAt = size; startAt < (first.total ?? 0); startAt += size) starts.push(startAt);
      let last = first;
      // Side by side, but a bounded number at once: Jira's per-second limits apply to bursts too.
      for (let batch = 0; batch < starts.length; batch += PROJECT_PAGES_AT_ONCE) {
        for (const page of await Promise.all(
          starts.slice(batch, batch + PROJECT_PAGES_AT_ONCE).map(pageAt),
        )) {
          keys.push(...page.values.map((project) => project.key));
          last = page;
        }
      }
      for (let startAt = size * (starts.length + 1); last.isLast === false && last.values.length > 0;) {
        last = await pageAt(startAt);
        keys.push(...last.values.map((project) => project.key));
        startAt += last.values.length;
      }
      return [...new Set(keys)];
    },
  };
}
