import { JiraOpenApiContract } from '../src';
import type { JiraExchange, LocalSiteRuntime } from '../src';
import { FIXTURE_GROUP } from './fixtures/fixture-seed';
import { readReference } from './fixtures/shared-reference';
import { ADMIN, appJira, bodyOf, openFixtureSite, PORTFOLIO, rest, TEAM } from './site-fixtures';

/** Every path in a JSON document with the JSON type found there: what "the same shape" means here. */
function shapeOf(value: unknown, path = '$', out = new Map<string, string>()): Map<string, string> {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  out.set(path, type);
  if (Array.isArray(value)) value.forEach((item, i) => shapeOf(item, `${path}[${String(i)}]`, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) shapeOf(v, `${path}.${k}`, out);
  return out;
}

describe('the Jira emulator against the official OpenAPI spec', () => {
  const contract = JiraOpenApiContract.load();
  let site: LocalSiteRuntime;
  let exchanges: JiraExchange[];

  beforeAll(async () => {
    site = await openFixtureSite();
    exchanges = [];
    site.onJiraExchange((exchange) => exchanges.push(exchange));
  });

  afterAll(async () => {
    await site.close();
  });

  it('validates every call the app makes, and every answer, across all emulated endpoints', async () => {
    const payId = bodyOf<{ id: string }>(
      await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1?fields=summary'),
    ).id;
    await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = PAY',
      fields: ['summary', 'status', 'parent'],
      properties: ['fixture-record'],
      maxResults: 10,
    });
    await rest(site, ADMIN, 'GET', '/rest/api/3/search/jql?jql=project%20%3D%20PAY&fields=id&maxResults=5');
    await rest(site, TEAM, 'POST', '/rest/api/3/search/jql', { jql: 'project = PAY' });
    await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', { jql: 'ORDER BY key' });
    await rest(site, ADMIN, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = PAY' });
    await rest(site, ADMIN, 'POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['PAY-1', 'CHK-1'],
      fields: ['summary', 'issuetype'],
    });
    await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1');
    await rest(site, TEAM, 'GET', '/rest/api/3/issue/PAY-1');
    await rest(site, ADMIN, 'PUT', '/rest/api/3/issue/PAY-2', {
      fields: { summary: 'Renamed', labels: ['value'] },
    });
    await rest(site, ADMIN, 'PUT', '/rest/api/3/issue/PAY-2', { fields: { status: { id: '3' } } });
    await rest(site, PORTFOLIO, 'PUT', '/rest/api/3/issue/PAY-1/properties/fixture-record', {
      index: { roi: 1.5 },
    });
    await rest(site, PORTFOLIO, 'PUT', '/rest/api/3/issue/PAY-1/properties/fixture-record', {
      index: { roi: 2 },
    });
    await rest(site, PORTFOLIO, 'GET', '/rest/api/3/issue/PAY-1/properties/fixture-record');
    await rest(site, PORTFOLIO, 'GET', '/rest/api/3/issue/PAY-1/properties');
    await rest(site, PORTFOLIO, 'DELETE', '/rest/api/3/issue/PAY-1/properties/fixture-record');
    await rest(
      site,
      TEAM,
      'GET',
      '/rest/api/3/mypermissions?permissions=ADMINISTER,EDIT_ISSUES&projectKey=CHK',
    );
    await rest(site, TEAM, 'POST', '/rest/api/3/permissions/check', {
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [Number(payId)] }],
    });
    await rest(site, ADMIN, 'GET', '/rest/api/3/issuetype');
    await rest(site, ADMIN, 'GET', '/rest/api/3/field');
    await rest(site, ADMIN, 'GET', '/rest/api/3/project/search?maxResults=3&orderBy=name');
    await rest(site, ADMIN, 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Created' },
    });
    await rest(site, ADMIN, 'DELETE', '/rest/api/3/issue/PAY-3?deleteSubtasks=true');
    await appJira(
      site,
      {
        as: 'user',
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: { jql: 'fixtureScore > 1', fields: ['summary'] },
      },
      PORTFOLIO,
    );
    await appJira(site, {
      as: 'app',
      path: '/rest/api/3/issue/PAY-1?fields=summary,parent&properties=fixture-record',
    });

    const templates = new Set(exchanges.map((e) => `${e.method} ${e.template}`));
    expect(templates.size).toBeGreaterThanOrEqual(17);
    expect(exchanges.flatMap((exchange) => contract.checkExchange(exchange))).toEqual([]);
  });

  it('validates the user endpoints (the fixture app holds read:jira-user)', async () => {
    const before = exchanges.length;
    expect((await rest(site, TEAM, 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect((await rest(site, TEAM, 'GET', `/rest/api/3/user?accountId=${ADMIN}`)).status).toBe(200);
    expect((await rest(site, TEAM, 'GET', '/rest/api/3/user?accountId=nobody')).status).toBe(404);
    expect(
      (await rest(site, TEAM, 'GET', `/rest/api/3/user/bulk?accountId=${ADMIN}&accountId=${TEAM}`)).status,
    ).toBe(200);
    expect(exchanges.slice(before).flatMap((exchange) => contract.checkExchange(exchange))).toEqual([]);
  });

  it("validates the group endpoints: a user's groups, the group picker and groups in bulk", async () => {
    const before = exchanges.length;
    const answered = await Promise.all([
      rest(site, TEAM, 'GET', `/rest/api/3/user/groups?accountId=${PORTFOLIO}`),
      rest(site, TEAM, 'GET', '/rest/api/3/user/groups?accountId=nobody'),
      rest(site, ADMIN, 'GET', '/rest/api/3/groups/picker?query=fin&maxResults=5&caseInsensitive=true'),
      rest(site, ADMIN, 'GET', '/rest/api/3/groups/picker?query=x&exclude=jira-administrators'),
      rest(site, ADMIN, 'GET', `/rest/api/3/group/bulk?groupId=${FIXTURE_GROUP.groupId}&maxResults=1`),
      rest(site, ADMIN, 'GET', '/rest/api/3/group/bulk?maxResults=1'),
    ]);
    expect(answered.map((response) => response.status)).toEqual([200, 404, 200, 200, 200, 200]);
    expect(exchanges.slice(before).flatMap((exchange) => contract.checkExchange(exchange))).toEqual([]);
  });

  describe('the checks themselves', () => {
    it('catch an answer off its schema', () => {
      expect(
        contract.checkResponse('POST', '/rest/api/3/search/jql', 200, { issues: 'none', isLast: 'yes' }),
      ).not.toEqual([]);
    });

    it('catch a status the operation does not declare', () => {
      expect(contract.checkResponse('GET', '/rest/api/3/issue/{issueIdOrKey}', 418, undefined)).toEqual([
        'GET /rest/api/3/issue/{issueIdOrKey} → 418: the spec declares no 418 answer',
      ]);
    });

    it('catch a misspelt request property and an undeclared query parameter', () => {
      expect(
        contract.checkRequest('POST', '/rest/api/3/search/jql', new URLSearchParams(), {
          jqlQuery: 'project = PAY',
        }),
      ).not.toEqual([]);
      expect(
        contract.checkRequest(
          'GET',
          '/rest/api/3/search/jql',
          new URLSearchParams('jql=x&startAt=0'),
          undefined,
        ),
      ).toEqual(["GET /rest/api/3/search/jql: query parameter 'startAt' is not declared"]);
    });

    it('tolerate properties real Jira sends that the spec does not declare', () => {
      expect(
        contract.checkSchema('IssueTypeDetails', { id: '1', name: 'Bug', untranslatedName: 'Bug' }),
      ).toEqual([]);
    });
  });
});

describe('issue links through the emulator', () => {
  const contract = JiraOpenApiContract.load();
  let site: LocalSiteRuntime;
  let exchanges: JiraExchange[];

  beforeAll(async () => {
    site = await openFixtureSite();
    exchanges = [];
    site.onJiraExchange((exchange) => exchanges.push(exchange));
    site.jiraUi.linkIssues(ADMIN, 'PAY-1', 'PAY-2');
  });

  afterAll(async () => {
    await site.close();
  });

  it('serves a Blocks link on both issues in fields.issuelinks, as the spec’s IssueLink', async () => {
    const response = await rest(site, ADMIN, 'POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['PAY-1', 'PAY-2'],
      fields: ['issuelinks'],
    });
    const { issues } = bodyOf<{
      issues: {
        key: string;
        fields: {
          issuelinks: {
            type: { name: string; inward: string; outward: string };
            inwardIssue?: { key: string };
            outwardIssue?: { key: string };
          }[];
        };
      }[];
    }>(response);

    const linksOf = (key: string) => issues.find((issue) => issue.key === key)?.fields.issuelinks;
    const [blocks] = linksOf('PAY-1') ?? [];
    const [blockedBy] = linksOf('PAY-2') ?? [];
    expect(linksOf('PAY-1')).toHaveLength(1);
    expect(linksOf('PAY-2')).toHaveLength(1);
    expect(blocks?.type).toMatchObject({ name: 'Blocks', outward: 'blocks', inward: 'is blocked by' });
    expect(blocks?.outwardIssue?.key).toBe('PAY-2');
    expect(blockedBy?.inwardIssue?.key).toBe('PAY-1');
    expect(blockedBy).not.toHaveProperty('outwardIssue');
    expect(linksOf('PAY-1')?.[0]).not.toHaveProperty('inwardIssue');
    // The spec's IssueLink (the issueLink resource) requires both sides; in `fields.issuelinks`
    // Jira sends only the other issue, as the official "Get issue" example shows
    // (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get).
    for (const link of [...(linksOf('PAY-1') ?? []), ...(linksOf('PAY-2') ?? [])]) {
      const absent = link.outwardIssue ? 'inwardIssue' : 'outwardIssue';
      expect(contract.checkSchema('IssueLink', link)).toEqual([
        `IssueLink: (root) must have required property '${absent}'`,
      ]);
    }
    expect(exchanges.flatMap((exchange) => contract.checkExchange(exchange))).toEqual([]);
  });

  it('lists issuelinks among the fields, and an issue without links has none', async () => {
    const fields = bodyOf<{ id: string; name: string }[]>(
      await rest(site, ADMIN, 'GET', '/rest/api/3/field'),
    );
    const bare = bodyOf<{ fields: { issuelinks: unknown[] } }>(
      await rest(site, ADMIN, 'GET', '/rest/api/3/issue/CHK-1?fields=issuelinks'),
    );

    expect(fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'issuelinks', name: 'Linked Issues' })]),
    );
    expect(bare.fields.issuelinks).toEqual([]);
  });
});

describe('real Jira Cloud issue documents through the emulator', () => {
  const contract = JiraOpenApiContract.load();
  const documents = [
    'issues/epictree-cloud-v3-epic-ET-2.json',
    'issues/epictree-cloud-v3-task-SCRUM-4-child-of-ET-2.json',
    'issues/lighthouse-cloud-v3-story-LGHTHSDMO-12.json',
  ].map((file) => ({
    file,
    document: readReference(file) as { key: string; fields: Record<string, unknown> },
  }));
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openFixtureSite({ seed: 'empty' });
    site.loadIssueDocuments(documents.map((d) => d.document));
  });

  afterAll(async () => {
    await site.close();
  });

  it.each(documents.map((d) => [d.file, d] as const))(
    'returns %s from GET issue in the shape it was stored in',
    async (_file, { document }) => {
      const expand = 'changelog' in (document as object) ? '?expand=changelog' : '';
      const response = await rest(site, ADMIN, 'GET', `/rest/api/3/issue/${document.key}${expand}`);
      expect(response.status).toBe(200);
      const returned = bodyOf(response);
      expect(shapeOf(returned)).toEqual(shapeOf(document));
      expect(contract.checkSchema('IssueBean', returned)).toEqual([]);
    },
  );

  it('keeps the child under its epic, as Jira Cloud links them through fields.parent', async () => {
    const child = bodyOf<{
      fields: { parent: { key: string; fields: { issuetype: { hierarchyLevel: number } } } };
    }>(await rest(site, ADMIN, 'GET', '/rest/api/3/issue/SCRUM-4?fields=parent'));
    expect(child.fields.parent.key).toBe('ET-2');
    expect(child.fields.parent.fields.issuetype.hierarchyLevel).toBe(1);
    const search = bodyOf<{ issues: { key: string }[] }>(
      await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', { jql: 'parent = ET-2', fields: ['key'] }),
    );
    expect(search.issues.map((i) => i.key)).toEqual(['SCRUM-4']);
  });

  it('answers issue property calls in the shape of recorded Jira responses', async () => {
    const recorded = readReference('issues/atlassian-python-api-jira-mock-responses.json') as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    const property = recorded['/rest/api/2/issue/FOO-123/properties/Bar1']?.GET?.['(no query)'];
    const list = recorded['/rest/api/2/issue/FOO-123/properties']?.GET?.['(no query)'];
    expect(
      (
        await rest(site, ADMIN, 'PUT', '/rest/api/3/issue/ET-2/properties/Bar1', {
          'test.id': '123',
          'test.time': '1m',
        })
      ).body,
    ).toBe('');
    expect(shapeOf(bodyOf(await rest(site, ADMIN, 'GET', '/rest/api/3/issue/ET-2/properties/Bar1')))).toEqual(
      shapeOf(property),
    );
    expect(shapeOf(bodyOf(await rest(site, ADMIN, 'GET', '/rest/api/3/issue/ET-2/properties')))).toEqual(
      shapeOf(list),
    );
    expect((await rest(site, ADMIN, 'DELETE', '/rest/api/3/issue/ET-2/properties/Bar1')).status).toBe(204);
  });
});

describe('JiraOpenApiContract.load', () => {
  it('names the missing spec file and how to provide it', () => {
    expect(() => JiraOpenApiContract.load('/nowhere/swagger.json')).toThrow(
      /not at \/nowhere\/swagger\.json.*FORGE_LOCAL_JIRA_SPEC/,
    );
  });
});
