import { resolve } from 'node:path';
import type { LocalSiteRuntime } from '../src';
import { ADMIN, appJira, bodyOf, openFixtureSite, PORTFOLIO, rest, TEAM } from './site-fixtures';

type Body = Record<string, unknown>;

describe('the Jira REST emulator', () => {
  let site: LocalSiteRuntime;

  beforeEach(async () => {
    site = await openFixtureSite();
  });

  afterEach(async () => {
    await site.close();
  });

  describe('GET /rest/api/3/issue/{issueIdOrKey}', () => {
    it('returns the issue with its hierarchy level, parent, project and status category', async () => {
      const response = await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json;charset=UTF-8');
      const fields = bodyOf(response).fields as Body;
      expect(fields.issuetype).toMatchObject({ name: 'Epic', hierarchyLevel: 1, subtask: false });
      expect(fields.parent).toMatchObject({
        key: expect.stringMatching(/^PRG-\d+$/) as unknown,
        fields: { issuetype: { hierarchyLevel: 2 } },
      });
      expect(fields.project).toMatchObject({ key: 'PAY', name: 'Payments' });
      expect((fields.status as Body).statusCategory).toMatchObject({ key: expect.any(String) as unknown });
    });

    it('finds an issue by id and by key in any case', async () => {
      const byKey = bodyOf(await rest(site, ADMIN, 'GET', '/rest/api/3/issue/pay-1?fields=summary'));
      const byId = bodyOf(
        await rest(site, ADMIN, 'GET', `/rest/api/3/issue/${String(byKey.id)}?fields=summary`),
      );
      expect(byId).toEqual(byKey);
    });

    it('answers 404 to a user without Browse on the project, as if the issue did not exist', async () => {
      const response = await rest(site, TEAM, 'GET', '/rest/api/3/issue/PAY-1');
      expect(response.status).toBe(404);
      expect(bodyOf(response)).toEqual({
        errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        errors: {},
      });
    });

    it('still finds a moved issue by its old key', async () => {
      const newKey = site.jiraUi.moveIssue(ADMIN, 'PAY-2', 'CHK');
      expect(bodyOf(await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-2?fields=project')).key).toBe(
        newKey,
      );
    });
  });

  describe('PUT /rest/api/3/issue/{issueIdOrKey}', () => {
    it('edits the summary and the parent', async () => {
      const response = await rest(site, ADMIN, 'PUT', '/rest/api/3/issue/PAY-1', {
        fields: { summary: 'New name', parent: null },
      });
      expect(response.status).toBe(204);
      const fields = bodyOf(await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1')).fields as Body;
      expect(fields.summary).toBe('New name');
      expect(fields.parent).toBeUndefined();
    });

    it('answers 403 to a user who may browse but not edit, and 404 to one who may not browse', async () => {
      site.jiraUi.setProjectPermissions(ADMIN, PORTFOLIO, 'PAY', ['BROWSE_PROJECTS']);
      const browser = await rest(site, PORTFOLIO, 'PUT', '/rest/api/3/issue/PAY-1', {
        fields: { summary: 'x' },
      });
      expect(browser.status).toBe(403);
      expect(bodyOf(browser)).toEqual({
        errorMessages: ['You do not have permission to edit issues in this project.'],
        errors: {},
      });
      const outsider = await rest(site, TEAM, 'PUT', '/rest/api/3/issue/PAY-1', { fields: { summary: 'x' } });
      expect(outsider.status).toBe(404);
    });

    it('refuses a field it cannot set with Jira’s per-field error', async () => {
      const response = await rest(site, ADMIN, 'PUT', '/rest/api/3/issue/PAY-1', {
        fields: { status: { id: '3' } },
      });
      expect(response.status).toBe(400);
      expect(bodyOf(response)).toEqual({
        errorMessages: [],
        errors: { status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown." },
      });
    });

    it('refuses a parent outside the hierarchy (an epic under an epic)', async () => {
      const response = await rest(site, ADMIN, 'PUT', '/rest/api/3/issue/PAY-1', {
        fields: { parent: { key: 'PAY-2' } },
      });
      expect(response.status).toBe(400);
      expect((bodyOf(response).errors as Body).parent).toBe(
        'Given parent work item does not belong to appropriate hierarchy.',
      );
    });
  });

  describe('issue properties', () => {
    it('sets (201), replaces (200), lists, reads and deletes a property', async () => {
      const path = '/rest/api/3/issue/PAY-1/properties/fixture-record';
      expect((await rest(site, PORTFOLIO, 'PUT', path, { v: 1 })).status).toBe(201);
      expect((await rest(site, PORTFOLIO, 'PUT', path, { v: 2 })).status).toBe(200);
      expect(bodyOf(await rest(site, PORTFOLIO, 'GET', path))).toEqual({
        key: 'fixture-record',
        value: { v: 2 },
      });
      const keys = bodyOf<{ keys: { key: string; self: string }[] }>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1/properties'),
      );
      expect(keys.keys.map((k) => k.key)).toEqual(['fixture-record']);
      expect((await rest(site, ADMIN, 'DELETE', path)).status).toBe(204);
      expect((await rest(site, ADMIN, 'GET', path)).status).toBe(404);
    });

    it('refuses a value longer than 32,768 characters', async () => {
      const response = await rest(site, ADMIN, 'PUT', '/rest/api/3/issue/PAY-1/properties/big', {
        text: 'x'.repeat(32_768),
      });
      expect(response.status).toBe(400);
    });

    it('needs Browse and Edit issues: 201 with both, 403 with Browse only, 404 without Browse', async () => {
      expect((await rest(site, TEAM, 'PUT', '/rest/api/3/issue/CHK-1/properties/p', { a: 1 })).status).toBe(
        201,
      );
      site.jiraUi.setProjectPermissions(ADMIN, TEAM, 'PAY', ['BROWSE_PROJECTS']);
      expect((await rest(site, TEAM, 'PUT', '/rest/api/3/issue/PAY-1/properties/p', { a: 1 })).status).toBe(
        403,
      );
      expect((await rest(site, TEAM, 'PUT', '/rest/api/3/issue/CRM-1/properties/p', { a: 1 })).status).toBe(
        404,
      );
    });
  });

  describe('POST /rest/api/3/issue/bulkfetch', () => {
    it('returns visible issues in ascending id order and silently leaves out the rest', async () => {
      const response = await rest(site, TEAM, 'POST', '/rest/api/3/issue/bulkfetch', {
        issueIdsOrKeys: ['CHK-2', 'PAY-1', 'CHK-1', 'NOPE-1'],
        fields: ['summary'],
      });
      const body = bodyOf<{ issues: { key: string }[]; issueErrors: unknown[] }>(response);
      expect(body.issues.map((i) => i.key)).toEqual(['CHK-1', 'CHK-2']);
      expect(body.issueErrors).toEqual([]);
    });

    it('refuses more than 100 issues', async () => {
      const keys = Array.from({ length: 101 }, (_, i) => `PAY-${String(i + 1)}`);
      expect(
        (await rest(site, ADMIN, 'POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: keys })).status,
      ).toBe(400);
    });
  });

  describe('permissions', () => {
    it('answers mypermissions from the same model as issue access', async () => {
      const team = bodyOf<{ permissions: Record<string, { havePermission: boolean }> }>(
        await rest(
          site,
          TEAM,
          'GET',
          '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS,EDIT_ISSUES&projectKey=CHK',
        ),
      );
      expect(team.permissions.ADMINISTER?.havePermission).toBe(false);
      expect(team.permissions.BROWSE_PROJECTS?.havePermission).toBe(true);
      expect(team.permissions.EDIT_ISSUES?.havePermission).toBe(true);
      const admin = bodyOf<{ permissions: Record<string, Body> }>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER'),
      );
      expect(admin.permissions.ADMINISTER).toMatchObject({
        id: '0',
        key: 'ADMINISTER',
        type: 'GLOBAL',
        havePermission: true,
      });
    });

    it('answers 404 for mypermissions on an issue the user cannot see', async () => {
      expect(
        (await rest(site, TEAM, 'GET', '/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueKey=PAY-1'))
          .status,
      ).toBe(404);
    });

    it('refuses mypermissions without permissions or with an unknown key', async () => {
      expect((await rest(site, TEAM, 'GET', '/rest/api/3/mypermissions')).status).toBe(400);
      expect((await rest(site, TEAM, 'GET', '/rest/api/3/mypermissions?permissions=FLY')).status).toBe(400);
    });

    it('checks project and issue permissions in bulk', async () => {
      const payId = bodyOf<{ id: string }>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1?fields=summary'),
      ).id;
      const chkId = bodyOf<{ id: string }>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/issue/CHK-1?fields=summary'),
      ).id;
      const response = await rest(site, TEAM, 'POST', '/rest/api/3/permissions/check', {
        globalPermissions: ['ADMINISTER'],
        projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [Number(payId), Number(chkId)] }],
      });
      expect(bodyOf(response)).toEqual({
        globalPermissions: [],
        projectPermissions: [{ permission: 'EDIT_ISSUES', projects: [], issues: [Number(chkId)] }],
      });
    });

    it("lets only admins check another user's permissions", async () => {
      const request = { accountId: TEAM, globalPermissions: ['ADMINISTER'] };
      expect((await rest(site, PORTFOLIO, 'POST', '/rest/api/3/permissions/check', request)).status).toBe(
        403,
      );
      expect(bodyOf(await rest(site, ADMIN, 'POST', '/rest/api/3/permissions/check', request))).toEqual({
        globalPermissions: [],
        projectPermissions: [],
      });
    });
  });

  describe('metadata', () => {
    it('lists issue types with their hierarchy levels', async () => {
      const types = bodyOf<{ name: string; hierarchyLevel: number }[]>(
        await rest(site, TEAM, 'GET', '/rest/api/3/issuetype'),
      );
      expect(Object.fromEntries(types.map((t) => [t.name, t.hierarchyLevel]))).toEqual({
        Epic: 1,
        Story: 0,
        Task: 0,
        Bug: 0,
        'Sub-task': -1,
        Initiative: 2,
      });
    });

    it('lists the fields', async () => {
      const fields = bodyOf<{ id: string }[]>(await rest(site, TEAM, 'GET', '/rest/api/3/field'));
      expect(fields.map((f) => f.id)).toEqual(
        expect.arrayContaining(['summary', 'issuetype', 'parent', 'status', 'project']),
      );
    });

    it('searches only the projects the user can browse', async () => {
      const team = bodyOf<{ values: { key: string }[]; total: number }>(
        await rest(site, TEAM, 'GET', '/rest/api/3/project/search'),
      );
      expect(team.values.map((p) => p.key)).toEqual(['CHK']);
      const admin = bodyOf<{ total: number; isLast: boolean }>(
        await rest(site, ADMIN, 'GET', '/rest/api/3/project/search?maxResults=2'),
      );
      expect(admin).toMatchObject({ total: 5, isLast: false });
    });
  });

  describe('users and scopes', () => {
    it('answers /myself with the calling user', async () => {
      expect(bodyOf(await rest(site, TEAM, 'GET', '/rest/api/3/myself'))).toMatchObject({
        accountId: TEAM,
        displayName: 'Sam Moreno',
      });
    });

    it('answers 401 when the app lacks the scope the endpoint needs (here read:jira-user)', async () => {
      const narrow = await openFixtureSite({
        appRoot: resolve(__dirname, 'fixtures/forge-app-narrow-scopes'),
      });
      const response = await rest(narrow, TEAM, 'GET', '/rest/api/3/myself');
      expect(response.status).toBe(401);
      expect(bodyOf(response)).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
      await narrow.close();
    });
  });

  describe('calls the emulator does not serve', () => {
    it('answers 404 naming the endpoint', async () => {
      const response = await rest(site, ADMIN, 'GET', '/rest/api/3/dashboard');
      expect(response.status).toBe(404);
      expect(bodyOf<{ errorMessages: string[] }>(response).errorMessages[0]).toContain(
        'does not implement GET /rest/api/3/dashboard',
      );
    });

    it('answers 405 to a method an endpoint does not take', async () => {
      expect((await rest(site, ADMIN, 'PATCH', '/rest/api/3/issue/PAY-1', {})).status).toBe(405);
    });

    it('answers 400 to a body that is not JSON', async () => {
      expect((await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', '{not json')).status).toBe(400);
    });
  });

  describe('from the app back end', () => {
    it('lets asApp() read what no user can see, and asUser() only what the user can', async () => {
      expect((await appJira(site, { as: 'user', path: '/rest/api/3/issue/PAY-1' }, TEAM)).status).toBe(404);
      expect((await appJira(site, { as: 'app', path: '/rest/api/3/issue/PAY-1' }, TEAM)).status).toBe(200);
    });
  });
});
