import { createMemoryJiraStore, person, writeGroup, type LocalSiteRuntime } from '../src';
import { FIXTURE_COLLEAGUES, FIXTURE_GROUP } from './fixtures/fixture-seed';
import { ADMIN, appJira, bodyOf, openFixtureSite, PORTFOLIO, rest, TEAM } from './site-fixtures';

interface FoundGroups {
  header: string;
  total: number;
  groups: { name: string; html: string; groupId: string }[];
}

describe("the Jira emulator's groups", () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openFixtureSite();
  });

  afterAll(async () => {
    await site.close();
  });

  describe('GET /rest/api/3/user/groups', () => {
    it('returns the groups a user belongs to, with their ids', async () => {
      const response = await rest(site, TEAM, 'GET', `/rest/api/3/user/groups?accountId=${PORTFOLIO}`);
      expect(response.status).toBe(200);
      expect(bodyOf<{ groupId: string; name: string }[]>(response).map((g) => [g.groupId, g.name])).toEqual([
        [FIXTURE_GROUP.groupId, FIXTURE_GROUP.name],
      ]);
    });

    it('returns an empty list for a user in no group', async () => {
      const response = await rest(site, ADMIN, 'GET', `/rest/api/3/user/groups?accountId=${TEAM}`);
      expect(bodyOf<unknown[]>(response)).toEqual([]);
    });

    it('answers 404 for an account that is not on the site', async () => {
      expect((await rest(site, ADMIN, 'GET', '/rest/api/3/user/groups?accountId=nobody')).status).toBe(404);
    });

    it('answers the app (asApp) as well, which may browse users', async () => {
      const answer = await appJira(site, {
        as: 'app',
        path: `/rest/api/3/user/groups?accountId=${FIXTURE_COLLEAGUES[0]?.accountId ?? ''}`,
      });
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toContain(FIXTURE_GROUP.groupId);
    });
  });

  describe('GET /rest/api/3/groups/picker', () => {
    it('finds groups whose name contains the query, with the match in bold', async () => {
      const found = bodyOf<FoundGroups>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/groups/picker?query=review'),
      );
      expect(found.groups).toEqual([
        {
          name: FIXTURE_GROUP.name,
          html: 'finance-<b>review</b>ers',
          labels: [],
          groupId: FIXTURE_GROUP.groupId,
        },
      ]);
      expect(found.header).toBe('Showing 1 of 1 matching groups');
    });

    it('matches case-sensitively unless caseInsensitive=true', async () => {
      const sensitive = bodyOf<FoundGroups>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/groups/picker?query=FIN'),
      );
      const insensitive = bodyOf<FoundGroups>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/groups/picker?query=FIN&caseInsensitive=true'),
      );
      expect(sensitive.total).toBe(0);
      expect(insensitive.groups.map((g) => g.name)).toEqual([FIXTURE_GROUP.name]);
    });

    it('lists every group by name for an empty query, at most maxResults, less those excluded', async () => {
      const all = bodyOf<FoundGroups>(await rest(site, ADMIN, 'GET', '/rest/api/3/groups/picker'));
      expect(all.groups.map((g) => g.name)).toEqual(['finance-reviewers', 'jira-administrators']);
      const one = bodyOf<FoundGroups>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/groups/picker?maxResults=1'),
      );
      expect(one).toMatchObject({ total: 2, header: 'Showing 1 of 2 matching groups' });
      const excluded = bodyOf<FoundGroups>(
        await rest(site, ADMIN, 'GET', `/rest/api/3/groups/picker?excludeId=${FIXTURE_GROUP.groupId}`),
      );
      expect(excluded.groups.map((g) => g.name)).toEqual(['jira-administrators']);
    });
  });

  describe('GET /rest/api/3/group/bulk', () => {
    it('returns the groups named by id, as a page', async () => {
      const page = bodyOf<{ total: number; isLast: boolean; values: unknown[] }>(
        await rest(site, ADMIN, 'GET', `/rest/api/3/group/bulk?groupId=${FIXTURE_GROUP.groupId}`),
      );
      expect(page).toMatchObject({
        total: 1,
        isLast: true,
        values: [{ groupId: FIXTURE_GROUP.groupId, name: FIXTURE_GROUP.name }],
      });
    });

    it('pages through every group with a link to the next page', async () => {
      const first = bodyOf<{ isLast: boolean; nextPage?: string; values: { name: string }[] }>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/group/bulk?maxResults=1'),
      );
      expect(first.isLast).toBe(false);
      expect(first.values.map((g) => g.name)).toEqual(['finance-reviewers']);
      expect(first.nextPage).toContain('startAt=1');
    });
  });
});

describe('writeGroup', () => {
  it('refuses a member who is not a user of the site, naming them', () => {
    const store = createMemoryJiraStore();
    expect(() => {
      writeGroup(store, { groupId: 'g1', name: 'Finance', memberAccountIds: ['ghost'] });
    }).toThrow("Group 'Finance' lists ghost, who is not a user of the site");
  });

  it('refuses a second group of the same name', () => {
    const store = createMemoryJiraStore();
    store.users.put('u1', person('u1', 'Una One'));
    writeGroup(store, { groupId: 'g1', name: 'Finance', memberAccountIds: ['u1'] });
    expect(() => {
      writeGroup(store, { groupId: 'g2', name: 'finance', memberAccountIds: [] });
    }).toThrow("The group name 'finance' is taken by group g1");
  });
});
