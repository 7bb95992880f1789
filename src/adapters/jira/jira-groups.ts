import { route } from '@forge/api';
import { z } from 'zod';
import type { GroupDirectory, GroupMembership } from '../../application/ports/group-directory';
import { JiraUnavailableError, type JiraClient } from './jira-client';

const groupNameSchema = z.object({ groupId: z.string().nullish(), name: z.string() });
const foundGroupsSchema = z.object({
  groups: z.array(groupNameSchema).default([]),
  total: z.number().int().nonnegative().optional(),
});
const groupPageSchema = z.object({ values: z.array(groupNameSchema).default([]) });

/** Group ids asked for per `group/bulk` call; settings name two at most. */
const GROUPS_PER_CALL = 50;

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new JiraUnavailableError(`Jira's answer to ${what} could not be read.`, 502);
  return result.data;
}

function withIds(groups: readonly z.infer<typeof groupNameSchema>[]) {
  return groups.flatMap((group) =>
    typeof group.groupId === 'string' && group.groupId !== ''
      ? [{ groupId: group.groupId, name: group.name }]
      : [],
  );
}

/**
 * Membership asked as the app, which holds Browse users and groups whatever the caller holds:
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-groups-get
 * An account Jira does not know (404) is in no group.
 */
export function jiraGroupMembership(app: JiraClient): GroupMembership {
  return {
    async isMember(accountId, groupId) {
      const query = new URLSearchParams({ accountId });
      const response = await app.request(route`/rest/api/3/user/groups?${query}`);
      if (response.status === 404) return false;
      if (response.status !== 200)
        throw new JiraUnavailableError(
          `Jira refused listing a user's groups (HTTP ${response.status}).`,
          response.status,
        );
      return parsed(z.array(groupNameSchema), response.body, "listing a user's groups").some(
        (group) => group.groupId === groupId,
      );
    },
  };
}

/**
 * Groups as the invoking user browses them (the admin page's pickers): the group picker
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-groups/#api-rest-api-3-groups-picker-get)
 * and groups by id (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-groups/#api-rest-api-3-group-bulk-get).
 */
export function jiraGroupDirectory(user: JiraClient): GroupDirectory {
  return {
    async findGroups(query, limit) {
      const params = new URLSearchParams({ query, maxResults: String(limit), caseInsensitive: 'true' });
      const response = await user.request(route`/rest/api/3/groups/picker?${params}`);
      if (response.status !== 200)
        throw new JiraUnavailableError(
          `Jira refused searching groups (HTTP ${response.status}).`,
          response.status,
        );
      const found = parsed(foundGroupsSchema, response.body, 'searching groups');
      const groups = withIds(found.groups);
      return { groups, total: found.total ?? groups.length };
    },
    async groupsByIds(groupIds) {
      const wanted = [...new Set(groupIds)];
      const groups: { groupId: string; name: string }[] = [];
      for (let start = 0; start < wanted.length; start += GROUPS_PER_CALL) {
        const params = new URLSearchParams({ maxResults: String(GROUPS_PER_CALL) });
        for (const groupId of wanted.slice(start, start + GROUPS_PER_CALL)) params.append('groupId', groupId);
        const response = await user.request(route`/rest/api/3/group/bulk?${params}`);
        if (response.status !== 200)
          throw new JiraUnavailableError(
            `Jira refused looking up groups (HTTP ${response.status}).`,
            response.status,
          );
        groups.push(...withIds(parsed(groupPageSchema, response.body, 'looking up groups').values));
      }
      return groups;
    },
  };
}
