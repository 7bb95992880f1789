/**
 * The `jira:customField` module and Jira's app field-value API
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-custom-field-values--apps-/),
 * checked against the OpenAPI spec: every call below and every answer is validated by it.
 */
import { JiraOpenApiContract } from '../src';
import type { JiraExchange, LocalSiteRuntime } from '../src';
import { readReference } from './fixtures/shared-reference';
import { ADMIN, appJira, bodyOf, openFixtureSite, rest } from './site-fixtures';

const APP_ID = '11111111-2222-4333-8444-555555555555';

interface Field {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: { type: string; custom?: string; customId?: number };
}

/** The environment id inside a field's extension ARI (a UUID). */
function environmentIdOf(field: Field): string {
  return (
    /^ari:cloud:ecosystem::extension\/[^/]+\/([0-9a-f-]{36})\/static\//.exec(
      field.schema?.custom ?? '',
    )?.[1] ?? 'none'
  );
}

describe('jira:customField fields and the app field-value API', () => {
  const contract = JiraOpenApiContract.load();
  let site: LocalSiteRuntime;
  let exchanges: JiraExchange[];
  let score: Field;
  let verdict: Field;
  const issueId = async (key: string): Promise<number> =>
    Number(bodyOf<{ id: string }>(await rest(site, ADMIN, 'GET', `/rest/api/3/issue/${key}?fields=id`)).id);
  const asApp = (method: string, path: string, body?: unknown) =>
    appJira(site, { as: 'app', method, path, ...(body === undefined ? {} : { body }) });
  const search = async (jql: string): Promise<string[]> => {
    const response = await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'] });
    expect(response.status).toBe(200);
    return bodyOf<{ issues: { key: string }[] }>(response).issues.map((i) => i.key);
  };

  beforeAll(async () => {
    site = await openFixtureSite();
    exchanges = [];
    site.onJiraExchange((exchange) => exchanges.push(exchange));
    const fields = bodyOf<Field[]>(await rest(site, ADMIN, 'GET', '/rest/api/3/field'));
    const find = (name: string): Field => {
      const field = fields.find((f) => f.name === name);
      if (!field) throw new Error(`GET /field lists no ${name}`);
      return field;
    };
    score = find('Fixture score');
    verdict = find('Fixture verdict');
  });

  afterAll(async () => {
    await site.close();
  });

  // A refused call was meant to break the spec's request schema: only its answer is checked.
  afterEach(() => {
    const checked = exchanges.splice(0);
    expect(
      checked.flatMap((e) =>
        e.status < 400
          ? contract.checkExchange(e)
          : contract.checkResponse(
              e.method,
              e.template,
              e.status,
              e.responseBody === '' ? undefined : JSON.parse(e.responseBody),
            ),
      ),
    ).toEqual([]);
  });

  describe('GET /rest/api/3/field', () => {
    it('lists each module as a custom field with its id, key, extension ARI and JQL clause names', () => {
      const number = Number(/^customfield_(\d+)$/.exec(score.id)?.[1]);
      expect(number).toBeGreaterThanOrEqual(10000);
      expect(score).toEqual({
        id: `customfield_${String(number)}`,
        key: `${APP_ID}__DEVELOPMENT__fixture-score`,
        name: 'Fixture score',
        custom: true,
        orderable: true,
        navigable: true,
        searchable: true,
        clauseNames: [`cf[${String(number)}]`, 'Fixture score'],
        schema: {
          type: 'number',
          custom: `ari:cloud:ecosystem::extension/${APP_ID}/${environmentIdOf(score)}/static/fixture-score`,
          customId: number,
        },
      });
      expect(verdict.schema?.type).toBe('string');
      expect(verdict.id).not.toBe(score.id);
    });

    it('keeps the ids a site gave its fields when the site is opened again', async () => {
      const again = await openFixtureSite({ dataDir: null });
      try {
        const ids = bodyOf<Field[]>(await rest(again, ADMIN, 'GET', '/rest/api/3/field'))
          .filter((f) => f.key.startsWith(APP_ID))
          .map((f) => f.id);
        expect(ids).toEqual([score.id, verdict.id]);
      } finally {
        await again.close();
      }
    });
  });

  describe('POST /rest/api/3/app/field/value', () => {
    it('sets several fields on several issues in one call (204), seen in issue JSON and search results', async () => {
      const [pay1, pay2] = [await issueId('PAY-1'), await issueId('PAY-2')];
      const response = await asApp('POST', '/rest/api/3/app/field/value', {
        updates: [
          { customField: score.id, issueIds: [pay1, pay2], value: 1250.75 },
          { customField: verdict.key, issueIds: [pay1], value: 'continue' },
        ],
      });
      expect(response.status).toBe(204);
      const issue = bodyOf<{ fields: Record<string, unknown> }>(
        await rest(site, ADMIN, 'GET', `/rest/api/3/issue/PAY-1?fields=summary,${score.id},${verdict.id}`),
      );
      expect(issue.fields[score.id]).toBe(1250.75);
      expect(issue.fields[verdict.id]).toBe('continue');
      const found = bodyOf<{ issues: { key: string; fields: Record<string, unknown> }[] }>(
        await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', {
          jql: 'key in (PAY-1, PAY-2) ORDER BY key ASC',
          fields: [score.id],
        }),
      );
      expect(found.issues.map((i) => [i.key, i.fields[score.id]])).toEqual([
        ['PAY-1', 1250.75],
        ['PAY-2', 1250.75],
      ]);
    });

    it('clears a field with null', async () => {
      const pay2 = await issueId('PAY-2');
      await asApp('POST', '/rest/api/3/app/field/value', {
        updates: [{ customField: score.id, issueIds: [pay2], value: null }],
      });
      const issue = bodyOf<{ fields: Record<string, unknown> }>(
        await rest(site, ADMIN, 'GET', `/rest/api/3/issue/PAY-2?fields=${score.id}`),
      );
      expect(issue.fields[score.id]).toBeNull();
    });

    it('raises avi:jira:updated:issue for a change, none for an unchanged value or with generateAppEvents=false', async () => {
      const pay1 = await issueId('PAY-1');
      const set = (value: number, query = '') =>
        asApp('POST', `/rest/api/3/app/field/value${query}`, {
          updates: [{ customField: score.id, issueIds: [pay1], value }],
        });
      await site.deliverPendingEvents();
      await set(7);
      expect(site.pendingEventCount()).toBeGreaterThan(0);
      await site.deliverPendingEvents();
      await set(7);
      expect(site.pendingEventCount()).toBe(0);
      expect((await set(8, '?generateAppEvents=false')).status).toBe(204);
      expect(site.pendingEventCount()).toBe(0);
    });

    it.each([
      [
        'a string for a number field',
        (f: Field) => ({ customField: f.id, value: 'many' }),
        'must be a number',
      ],
      [
        'a non-finite-looking object',
        (f: Field) => ({ customField: f.id, value: { amount: 1 } }),
        'must be a number',
      ],
    ])('answers 400 naming the field for %s, and writes nothing', async (_case, make, message) => {
      const [pay1, pay3] = [await issueId('PAY-1'), await issueId('PAY-3')];
      const response = await asApp('POST', '/rest/api/3/app/field/value', {
        updates: [
          { customField: verdict.id, issueIds: [pay3], value: 'stop' },
          { ...make(score), issueIds: [pay1] },
        ],
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        errorMessages: [],
        errors: { [score.id]: `Fixture score ${message}.` },
      });
      const pay3Fields = bodyOf<{ fields: Record<string, unknown> }>(
        await rest(site, ADMIN, 'GET', `/rest/api/3/issue/PAY-3?fields=${verdict.id}`),
      ).fields;
      expect(pay3Fields[verdict.id]).toBeUndefined();
    });

    it('answers 400 when a field and issue pair comes twice, or a property is unknown, or an issue does not exist', async () => {
      const pay1 = await issueId('PAY-1');
      const twice = await asApp('POST', '/rest/api/3/app/field/value', {
        updates: [
          { customField: score.id, issueIds: [pay1], value: 1 },
          { customField: score.id, issueIds: [pay1], value: 2 },
        ],
      });
      expect(twice.status).toBe(400);
      expect(JSON.stringify(twice.body)).toContain('unique');
      const misspelt = await asApp('POST', '/rest/api/3/app/field/value', {
        updates: [{ field: score.id, issueIds: [pay1], value: 1 }],
      });
      expect(misspelt.status).toBe(400);
      expect(misspelt.body).toEqual({
        errorMessages: ['Unrecognized field "field" in updates[0].'],
        errors: {},
      });
      const missing = await asApp('POST', '/rest/api/3/app/field/value', {
        updates: [{ customField: score.id, issueIds: [99999999], value: 1 }],
      });
      expect(missing.status).toBe(400);
      expect(JSON.stringify(missing.body)).toContain('99999999');
    });

    it('answers 404 for a field that does not exist', async () => {
      const response = await asApp('POST', '/rest/api/3/app/field/value', {
        updates: [{ customField: 'customfield_99999', issueIds: [await issueId('PAY-1')], value: 1 }],
      });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        errorMessages: ['The custom field customfield_99999 was not found.'],
        errors: {},
      });
    });

    it("answers 403 for a custom field the app does not own (one of Jira's), whoever asks", async () => {
      const document = readReference('issues/epictree-cloud-v3-epic-ET-2.json') as {
        fields: Record<string, unknown>;
      };
      site.loadIssueDocuments([document]);
      const foreign = Object.keys(document.fields).find((id) => id.startsWith('customfield_')) ?? '';
      const response = await asApp('POST', '/rest/api/3/app/field/value', {
        updates: [{ customField: foreign, issueIds: [await issueId('PAY-1')], value: 1 }],
      });
      expect(response.status).toBe(403);
    });
  });

  describe('PUT /rest/api/3/app/field/{fieldIdOrKey}/value', () => {
    it('sets one field, named by id or key, on several issues (204)', async () => {
      const ids = [await issueId('PAY-4'), await issueId('PAY-5')];
      expect(
        (
          await asApp('PUT', `/rest/api/3/app/field/${verdict.key}/value`, {
            updates: [{ issueIds: ids, value: 'delay' }],
          })
        ).status,
      ).toBe(204);
      expect(await search(`"Fixture verdict" = delay ORDER BY key ASC`)).toEqual(['PAY-4', 'PAY-5']);
    });

    it('refuses a customField property in its updates (the field is in the path)', async () => {
      const response = await asApp('PUT', `/rest/api/3/app/field/${score.id}/value`, {
        updates: [{ customField: score.id, issueIds: [await issueId('PAY-4')], value: 1 }],
      });
      expect(response.status).toBe(400);
    });
  });

  describe('JQL on the fields', () => {
    beforeAll(async () => {
      const ids = await Promise.all(['CHK-1', 'CHK-2', 'CHK-3'].map(issueId));
      await asApp('POST', '/rest/api/3/app/field/value', {
        updates: [
          { customField: score.id, issueIds: [ids[0]], value: -50 },
          { customField: score.id, issueIds: [ids[1]], value: 0 },
          { customField: score.id, issueIds: [ids[2]], value: 300.5 },
          { customField: verdict.id, issueIds: [ids[2]], value: 'stop' },
        ],
      });
    });

    it('compares numbers by cf[n], by the quoted name, and sorts by the field', async () => {
      const number = score.schema?.customId ?? 0;
      expect(await search(`project = CHK AND cf[${String(number)}] > 0`)).toEqual(['CHK-3']);
      expect(await search(`project = CHK AND "Fixture score" <= 0 ORDER BY key ASC`)).toEqual([
        'CHK-1',
        'CHK-2',
      ]);
      expect(await search(`project = CHK AND "fixture score" in (0, 300.5) ORDER BY key ASC`)).toEqual([
        'CHK-2',
        'CHK-3',
      ]);
      expect(
        await search(`project = CHK AND "Fixture score" is not EMPTY ORDER BY cf[${String(number)}] DESC`),
      ).toEqual(['CHK-3', 'CHK-2', 'CHK-1']);
    });

    it('finds strings by exact value and empties with IS EMPTY', async () => {
      expect(await search(`project = CHK AND "Fixture verdict" = stop`)).toEqual(['CHK-3']);
      expect(await search(`project = CHK AND "Fixture verdict" != stop AND "Fixture score" = 0`)).toEqual([]);
      const empty = await search(`project = CHK AND "Fixture verdict" IS EMPTY`);
      expect(empty).toContain('CHK-1');
      expect(empty).not.toContain('CHK-3');
    });

    it("answers 400 with Jira's message for a number that is not one, and for an unknown cf[n]", async () => {
      const bad = await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', {
        jql: '"Fixture score" > lots',
      });
      expect(bad.status).toBe(400);
      expect(bodyOf<{ errorMessages: string[] }>(bad).errorMessages).toEqual([
        "The value 'lots' is not a valid number for the field 'Fixture score'.",
      ]);
      const unknown = await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', { jql: 'cf[99999] > 1' });
      expect(unknown.status).toBe(400);
    });
  });
});
