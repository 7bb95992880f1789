import type { LocalSiteRuntime } from '../src';
import { ADMIN, bodyOf, openFixtureSite, rest, TEAM } from './site-fixtures';

interface SearchPage {
  issues: {
    id: string;
    key?: string;
    fields?: Record<string, unknown>;
    properties?: Record<string, unknown>;
  }[];
  nextPageToken?: string;
  isLast: boolean;
}

describe('POST /rest/api/3/search/jql', () => {
  let site: LocalSiteRuntime;

  const search = async (jql: string, extra: Record<string, unknown> = {}, accountId = ADMIN) =>
    rest(site, accountId, 'POST', '/rest/api/3/search/jql', { jql, ...extra });
  const keysOf = async (jql: string, accountId = ADMIN): Promise<string[]> => {
    const response = await search(jql, { fields: ['key'], maxResults: 5000 }, accountId);
    expect(response.status).toBe(200);
    return bodyOf<SearchPage>(response).issues.map((i) => i.key ?? '');
  };

  beforeAll(async () => {
    site = await openFixtureSite();
    const values: [string, unknown][] = [
      ['PAY-1', { index: { roi: 2.5, objectives: ['OBJ-1', 'OBJ-2'] } }],
      ['PAY-2', { index: { roi: 0.5, objectives: ['OBJ-2'] } }],
      ['CHK-1', { index: { roi: 1, objectives: [] } }],
    ];
    for (const [key, value] of values) {
      expect(
        (await rest(site, ADMIN, 'PUT', `/rest/api/3/issue/${key}/properties/fixture-record`, value)).status,
      ).toBe(201);
    }
  });

  afterAll(async () => {
    await site.close();
  });

  describe('paging and fields', () => {
    it('returns bare ids, 50 to a page, by default', async () => {
      const page = bodyOf<SearchPage>(await search('project = PAY'));
      expect(page.issues).toHaveLength(50);
      expect(page.issues[0]).toEqual({ id: expect.any(String) as unknown });
      expect(page.isLast).toBe(false);
      expect(typeof page.nextPageToken).toBe('string');
    });

    it('walks every match once through nextPageToken, and omits the token on the last page', async () => {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = bodyOf<SearchPage>(
          await search('project in (PAY, CHK)', {
            maxResults: 37,
            ...(token ? { nextPageToken: token } : {}),
          }),
        );
        seen.push(...page.issues.map((i) => i.id));
        token = page.nextPageToken;
        expect(page.isLast).toBe(token === undefined);
      } while (token !== undefined);
      const all = bodyOf<SearchPage>(await search('project in (PAY, CHK)', { maxResults: 5000 }));
      expect(seen).toEqual(all.issues.map((i) => i.id));
    });

    it('pages up to 5000 issues when only id or key is requested, and 100 with other fields', async () => {
      const idsOnly = bodyOf<SearchPage>(
        await search('project in (PAY, CHK, CRM, OPS)', { maxResults: 5000 }),
      );
      expect(idsOnly.issues.length).toBeGreaterThan(100);
      const withFields = bodyOf<SearchPage>(
        await search('project in (PAY, CHK, CRM, OPS)', { maxResults: 5000, fields: ['summary'] }),
      );
      expect(withFields.issues).toHaveLength(100);
    });

    it('returns the requested fields and up to 5 properties', async () => {
      const page = bodyOf<SearchPage>(
        await search('key = PAY-1', {
          fields: ['summary', 'issuetype', 'parent'],
          properties: ['fixture-record'],
        }),
      );
      const issue = page.issues[0];
      expect(Object.keys(issue?.fields ?? {}).sort()).toEqual(['issuetype', 'parent', 'summary']);
      expect(issue?.fields?.issuetype).toMatchObject({ name: 'Epic', hierarchyLevel: 1 });
      expect(issue?.properties).toEqual({
        'fixture-record': { index: { roi: 2.5, objectives: ['OBJ-1', 'OBJ-2'] } },
      });
    });

    it('refuses more than 5 properties', async () => {
      expect((await search('key = PAY-1', { properties: ['a', 'b', 'c', 'd', 'e', 'f'] })).status).toBe(400);
    });

    it('refuses a next page token from another query', async () => {
      const token = bodyOf<SearchPage>(await search('project = PAY')).nextPageToken;
      expect((await search('project = CHK', { nextPageToken: token })).status).toBe(400);
    });

    it('answers the GET form with the same issues', async () => {
      const get = await rest(
        site,
        ADMIN,
        'GET',
        `/rest/api/3/search/jql?jql=${encodeURIComponent('key in (PAY-1, PAY-2) ORDER BY key')}&fields=summary`,
      );
      expect(bodyOf<SearchPage>(get).issues.map((i) => i.key)).toEqual(['PAY-1', 'PAY-2']);
    });
  });

  describe('JQL', () => {
    it('matches projects, issue types by name or id, and parents', async () => {
      const epics = await keysOf('project = PAY AND issuetype = Epic');
      expect(epics).toContain('PAY-1');
      expect(await keysOf('project = PAY AND issuetype = 10000')).toEqual(epics);
      const children = await keysOf('parent = PAY-1');
      expect(children.length).toBeGreaterThan(0);
      expect(await keysOf('parent in (PAY-1) AND issuetype in (Story, Task, Bug, Sub-task)')).toEqual(
        children,
      );
    });

    it('matches status and status category', async () => {
      const done = await keysOf('project = PAY AND statusCategory = Done');
      expect(done.length).toBeGreaterThan(0);
      expect(await keysOf('project = PAY AND status = Done')).toEqual(done);
      expect(
        await keysOf('project = PAY AND statusCategory != done AND key in (' + done.join(',') + ')'),
      ).toEqual([]);
    });

    it('compares indexed properties through their search aliases and issue.property paths', async () => {
      expect(await keysOf('fixtureScore > 1 ORDER BY key')).toEqual(['PAY-1']);
      expect(await keysOf('fixtureScore >= 1 ORDER BY key')).toEqual(['CHK-1', 'PAY-1']);
      expect(await keysOf('issue.property[fixture-record].index.roi < 1')).toEqual(['PAY-2']);
    });

    it('matches any element of an array property', async () => {
      expect(await keysOf('fixtureTag = OBJ-2 ORDER BY key ASC')).toEqual(['PAY-1', 'PAY-2']);
      expect(await keysOf('fixtureScore > 1 AND fixtureTag = "OBJ-1"')).toEqual(['PAY-1']);
    });

    it('never matches an empty value with != or NOT IN, and finds it with IS EMPTY', async () => {
      expect(await keysOf('fixtureTag != OBJ-1')).toEqual(['PAY-2']);
      expect(await keysOf('project = CHK AND fixtureTag IS EMPTY AND key = CHK-1')).toEqual(['CHK-1']);
      expect(await keysOf('fixtureScore IS NOT EMPTY ORDER BY key')).toEqual(['CHK-1', 'PAY-1', 'PAY-2']);
    });

    it('combines clauses with OR, NOT and parentheses', async () => {
      expect(
        await keysOf('(key = PAY-1 OR key = CHK-1) AND NOT fixtureScore < 1.5 ORDER BY key DESC'),
      ).toEqual(['PAY-1']);
    });

    it('orders by key, id, created or updated, ascending or descending', async () => {
      const ascending = await keysOf('key in (PAY-2, PAY-10, PAY-1) ORDER BY key ASC');
      expect(ascending).toEqual(['PAY-1', 'PAY-2', 'PAY-10']);
      expect(await keysOf('key in (PAY-2, PAY-10, PAY-1) ORDER BY id DESC')).toEqual(
        [...ascending].reverse(),
      );
      expect(await keysOf('key in (PAY-2, PAY-1) ORDER BY created DESC, key')).toHaveLength(2);
    });

    it('leaves out issues of projects the user cannot browse', async () => {
      const teamSees = await keysOf('issuetype = Epic', TEAM);
      expect(teamSees.length).toBeGreaterThan(0);
      expect(teamSees.every((key) => key.startsWith('CHK-'))).toBe(true);
    });

    const refusals: [string, string][] = [
      ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
      [
        'ORDER BY key DESC',
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      ],
      ['projekt = PAY', "Field 'projekt' does not exist or you do not have permission to view it."],
      ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
      ['key = PAY-99999', "An issue with key 'PAY-99999' does not exist for field 'key'."],
      ['issuetype = Saga', "The value 'Saga' does not exist for the field 'issuetype'."],
      ['project PAY', "Error in the JQL Query: Expecting operator but got 'PAY'."],
      ['project = PAY AND', "Error in the JQL Query: Expecting a field name but got 'EOF'."],
      ['project > PAY', "The operator '>' is not supported by the 'project' field."],
      ['fixtureTag > OBJ-1', "The operator '>' is not supported by the 'fixtureTag' field."],
      ['fixtureScore = lots', "The value 'lots' is not a valid number for the field 'fixtureScore'."],
      [
        'issue.property[fixture-record].index.secret = 1',
        "Field 'issue.property[fixture-record].index.secret' does not exist",
      ],
      ['summary ~ "checkout"', "The local Jira emulator does not support searching by 'summary'"],
      [
        'assignee = currentUser() AND project in projectsLeadByUser()',
        "Unable to find JQL function 'projectsLeadByUser()'.",
      ],
      ['project = PAY ORDER BY summary', "The local Jira emulator cannot sort by 'summary'"],
      // Text after ORDER BY is refused, never dropped.
      [
        'project = PAY ORDER BY key foo',
        "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'.",
      ],
      ['project = PAY ORDER BY key DESC AND project = OPS', "Expecting either 'OR' or 'AND' but got 'AND'."],
    ];

    it.each(refusals)('answers 400 with Jira’s message for %j', async (jql, message) => {
      const response = await search(jql);
      expect(response.status).toBe(400);
      const body = bodyOf<{ errorMessages: string[]; errors: Record<string, string> }>(response);
      expect(body.errors).toEqual({});
      expect(body.errorMessages.join(' ')).toContain(message);
    });

    it('tells a team member that a project they cannot browse does not exist', async () => {
      const response = await search('project = PAY', {}, TEAM);
      expect(response.status).toBe(400);
      expect(bodyOf<{ errorMessages: string[] }>(response).errorMessages).toEqual([
        "The value 'PAY' does not exist for the field 'project'.",
      ]);
    });
  });

  describe('POST /rest/api/3/search/approximate-count', () => {
    it('counts what a search would return', async () => {
      const count = bodyOf<{ count: number }>(
        await rest(site, ADMIN, 'POST', '/rest/api/3/search/approximate-count', { jql: 'parent = PAY-1' }),
      );
      expect(count.count).toBe((await keysOf('parent = PAY-1')).length);
    });
  });

  it('answers 410 Gone for the removed /rest/api/3/search', async () => {
    expect((await rest(site, ADMIN, 'GET', '/rest/api/3/search?jql=project%3DPAY')).status).toBe(410);
  });
});
