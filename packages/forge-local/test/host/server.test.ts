/** The host's pages, scripts, static resources and JSON endpoints, over HTTP against a fake site. */
import type { EpicList, IssueDetails, SiteInfo } from '../../src/host/api-types';
import { maxScannedEpics } from '../../src/host/jira-queries';
import { startTestHost, type TestHost } from './test-host';

describe('startHost', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t.host.close();
  });

  describe('pages and assets', () => {
    it.each([
      '/',
      '/issues',
      '/browse/PAY-1',
      '/jira/dashboards/10000',
      '/jira/settings/apps/x/y/objectives',
    ])('serves the shell page at %s', async (path) => {
      const { status, text, headers } = await t.request('GET', path);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^text\/html/);
      expect(text).toContain('<script type="module" src="/shell/main.js"></script>');
    });

    it('answers 404 for a path that is neither a page nor an endpoint', async () => {
      const { status } = await t.request('GET', '/secure/Dashboard.jspa');
      expect(status).toBe(404);
    });

    describe('the not-found page', () => {
      it("is themed like the shell: the design tokens' light and dark themes, the shell's stylesheet and its theme script", async () => {
        const { status, text, headers } = await t.request('GET', '/secure/Dashboard.jspa');
        expect(status).toBe(404);
        expect(headers.get('content-type')).toMatch(/^text\/html/);
        expect(text).toMatch(
          /<html lang="en" data-theme="dark:dark light:light [^"]*" data-color-mode="light">/,
        );
        expect(text).toContain('<link rel="stylesheet" href="/tokens.css" />');
        expect(text).toContain('<link rel="stylesheet" href="/shell/shell.css" />');
        expect(text).toContain('<script type="module" src="/shell/not-found.js"></script>');
        const script = await t.request('GET', '/shell/not-found.js');
        expect(script.status).toBe(200);
        expect(script.text).toContain('data-color-mode');
      });

      it('says what was asked for, escaped, and links back to the site', async () => {
        const { text } = await t.request('GET', '/nowhere/%3Cb%3Ebold%3C%2Fb%3E');
        expect(text).toContain('<h1 id="message-title">We can\'t find this page</h1>');
        expect(text).toContain('Nothing lives at <code>/nowhere/&#60;b&#62;bold&#60;/b&#62;</code>');
        expect(text).not.toContain('<b>bold</b>');
        expect(text).toMatch(/<a class="button button-primary" href="\/issues">Go to epics<\/a>/);
      });

      it('styles the message with design tokens only, which both themes define', async () => {
        const css = (await t.request('GET', '/shell/shell.css')).text;
        const tokens = (await t.request('GET', '/tokens.css')).text;
        const rules = [...css.matchAll(/\.message-[^{]*\{([^}]*)\}/g)].map((m) => m[1] ?? '').join('\n');
        const used = [...new Set([...rules.matchAll(/var\((--ds-[a-z0-9-]+)/g)].map((m) => m[1] ?? ''))];
        expect(used.length).toBeGreaterThan(0);
        expect(rules).not.toMatch(/#[0-9a-f]{3,8}\b|rgb\(/i);
        for (const mode of ['light', 'dark']) {
          const block = new RegExp(`\\[data-color-mode="${mode}"\\]\\[data-theme~="${mode}:${mode}"\\]`);
          expect(tokens).toMatch(block);
        }
        expect(used.filter((token) => !tokens.includes(`${token}:`))).toEqual([]);
      });

      it('answers JSON, not the page, for an API path nobody serves', async () => {
        const { status, json } = await t.request('GET', '/api/nope');
        expect(status).toBe(404);
        expect(json).toMatchObject({ errorType: 'NOT_FOUND' });
      });
    });

    it('serves a resource index.html with the local bridge as the first script in <head>', async () => {
      const { status, text } = await t.request('GET', '/resources/main/index.html');
      expect(status).toBe(200);
      expect(text).toMatch(/<head>\s*<script src="\/local-bridge\.js"><\/script>/);
      expect(text.indexOf('/local-bridge.js')).toBeLessThan(text.indexOf('type="module"'));
    });

    it('puts the CSP @forge/csp builds for production on every file of a resource, reporting to the host', async () => {
      const page = await t.request('GET', '/resources/gadget/index.html');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self' https://forge.cdn.prod.atlassian-dev.net ");
      expect(csp).not.toContain('unsafe');
      expect(csp).toContain('sandbox');
      expect(csp).toContain('allow-same-origin');
      expect(csp).not.toContain('allow-top-navigation');
      expect(csp).toMatch(/; report-uri \/api\/csp-reports$/);
      const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.text)?.[1] ?? 'a script';
      const asset = await t.request('GET', `/resources/gadget/${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-security-policy')).toBe(csp);
    });

    it('serves the files next to a resource index.html', async () => {
      const { status, headers } = await t.request('GET', '/resources/admin/icon.svg');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('image/svg+xml');
    });

    it('refuses a path that climbs out of the resource folder', async () => {
      const { status, text } = await t.request('GET', '/resources/main/..%2f..%2fmanifest.yml');
      expect(status).toBe(404);
      expect(text).not.toContain('modules:');
    });

    it('answers 404 naming the resource when manifest.yml does not declare it', async () => {
      const { status, text } = await t.request('GET', '/resources/nope/index.html');
      expect(status).toBe(404);
      expect(text).toContain('manifest.yml declares no resource');
    });

    it('serves local-bridge.js as a classic script that defines __bridge and declares no module syntax', async () => {
      const { status, text, headers } = await t.request('GET', '/local-bridge.js');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(text).toContain('__bridge');
      expect(text).not.toMatch(/^\s*(import|export)\b/m);
    });

    it('serves shell modules with their types stripped, by extensionless path as imports ask', async () => {
      const { status, text } = await t.request('GET', '/shell/router');
      expect(status).toBe(200);
      expect(text).toContain('export function parseRoute');
      expect(text).not.toMatch(/:\s*SiteInfo\b/);
    });

    it('answers 404 for a shell script that does not exist', async () => {
      const { status } = await t.request('GET', '/shell/nope.js');
      expect(status).toBe(404);
    });

    it('serves the light and dark design-token themes in one stylesheet', async () => {
      const { status, text } = await t.request('GET', '/tokens.css');
      expect(status).toBe(200);
      expect(text).toContain('[data-color-mode="light"][data-theme~="light:light"]');
      expect(text).toContain('[data-color-mode="dark"][data-theme~="dark:dark"]');
      expect(text).toContain('--ds-space-100');
    });
  });

  describe('GET /api/site', () => {
    it("describes the site, its users and the manifest's UI modules", async () => {
      const { json } = await t.request('GET', '/api/site');
      const site = json as SiteInfo;
      expect(site.users.map((u) => u.role)).toEqual(['admin', 'portfolio', 'team']);
      expect(site.appId).toBe('11111111-2222-4333-8444-555555555555');
      expect(site.modules.map((m) => [m.key, m.type])).toEqual([
        ['fixture-panel', 'jira:issuePanel'],
        ['fixture-gadget', 'jira:dashboardGadget'],
        ['fixture-admin', 'jira:adminPage'],
        ['fixture-page', 'jira:globalPage'],
      ]);
    });
  });

  describe('GET /api/epics', () => {
    it('lists only the epics the user can browse, ordered by key number', async () => {
      const { json } = await t.request('GET', '/api/epics?accountId=acc-team');
      expect((json as EpicList).epics.map((e) => e.key)).toEqual(['PAY-1', 'PAY-2', 'PAY-10']);
    });

    it('lists every project for a user who can see them all', async () => {
      const { json } = await t.request('GET', '/api/epics?accountId=acc-portfolio');
      expect((json as EpicList).epics.map((e) => e.key)).toEqual(['OPS-1', 'PAY-1', 'PAY-2', 'PAY-10']);
    });

    it('filters by key or summary, ignoring case', async () => {
      const bySummary = await t.request('GET', '/api/epics?accountId=acc-admin&query=FRAUD');
      const byKey = await t.request('GET', '/api/epics?accountId=acc-admin&query=ops-');
      expect((bySummary.json as EpicList).epics.map((e) => e.key)).toEqual(['PAY-2']);
      expect((byKey.json as EpicList).epics.map((e) => e.key)).toEqual(['OPS-1']);
    });

    it('asks Jira as the user, choosing epics by hierarchy level rather than by name', async () => {
      t.site.jiraRequests.length = 0;
      await t.request('GET', '/api/epics?accountId=acc-team');
      const search = t.site.jiraRequests.find((r) => r.path === '/rest/api/3/search/jql');
      expect(search?.accountId).toBe('acc-team');
      expect(JSON.parse(search?.body ?? '{}')).toMatchObject({ jql: 'issuetype in (2) ORDER BY key ASC' });
    });

    it("returns each epic's Forge custom fields (not Jira's own custom fields), empty ones as null", async () => {
      const { json } = await t.request('GET', '/api/epics?accountId=acc-admin');
      const byKey = new Map((json as EpicList).epics.map((e) => [e.key, e.appFields]));
      expect(byKey.get('PAY-1')).toEqual([
        { id: 'customfield_10050', name: 'Fixture score', type: 'number', value: 1234.5 },
      ]);
      expect(byKey.get('PAY-2')).toEqual([
        { id: 'customfield_10050', name: 'Fixture score', type: 'number', value: null },
      ]);
      const search = t.site.jiraRequests.findLast((r) => r.path === '/rest/api/3/search/jql');
      expect((JSON.parse(search?.body ?? '{}') as { fields: string[] }).fields).toContain(
        'customfield_10050',
      );
    });

    it('says the list is complete when every epic was searched', async () => {
      const { json } = await t.request('GET', '/api/epics?accountId=acc-admin');
      expect((json as EpicList).truncated).toBe(false);
    });

    it('answers 400 when accountId is missing', async () => {
      const { status, json } = await t.request('GET', '/api/epics');
      expect(status).toBe(400);
      expect(json).toEqual({
        errorType: 'BAD_REQUEST',
        errorMessage: 'Query parameter accountId is required.',
      });
    });
  });

  describe('GET /api/epics on a site with more epics than the picker searches', () => {
    let big: TestHost;
    beforeAll(async () => {
      big = await startTestHost();
      big.site.addBigProject(maxScannedEpics + 100);
    });
    afterAll(async () => {
      await big.host.close();
    });

    it('says the list is truncated', async () => {
      const { json } = await big.request('GET', '/api/epics?accountId=acc-admin');
      expect((json as EpicList).truncated).toBe(true);
    });

    it('still finds an epic beyond the searched ones by its exact key', async () => {
      const key = `BIG-${String(maxScannedEpics + 50)}`;
      const { json } = await big.request('GET', `/api/epics?accountId=acc-admin&query=${key.toLowerCase()}`);
      expect((json as EpicList).epics.map((e) => e.key)).toEqual([key]);
    });

    it("does not find an epic by key when the user can't see it", async () => {
      const key = `BIG-${String(maxScannedEpics + 50)}`;
      const { json } = await big.request('GET', `/api/epics?accountId=acc-team&query=${key}`);
      expect((json as EpicList).epics).toEqual([]);
    });
  });

  describe('GET /api/issues/:key', () => {
    it('returns what the issue view shows, including the parent', async () => {
      const { status, json } = await t.request('GET', '/api/issues/PAY-1?accountId=acc-team');
      expect(status).toBe(200);
      expect(json).toEqual<IssueDetails>({
        appFields: [{ id: 'customfield_10050', name: 'Fixture score', type: 'number', value: 1234.5 }],
        id: '20001',
        key: 'PAY-1',
        summary: 'Instant payouts',
        issueType: { id: '2', name: 'Epic', hierarchyLevel: 1 },
        status: { name: 'In Progress', category: 'indeterminate' },
        parent: { key: 'PAY-3', summary: 'Grow merchant revenue' },
        project: { id: '10000', key: 'PAY', name: 'Payments', type: 'software' },
      });
    });

    it("answers 404 when the user can't see the issue", async () => {
      const { status, json } = await t.request('GET', '/api/issues/OPS-1?accountId=acc-team');
      expect(status).toBe(404);
      expect(json).toMatchObject({ errorType: 'NOT_FOUND' });
    });
  });

  describe('GET /api/admin-access', () => {
    it.each([
      ['acc-admin', true],
      ['acc-portfolio', false],
      ['acc-team', false],
    ])('answers whether %s holds ADMINISTER', async (accountId, expected) => {
      const { json } = await t.request('GET', `/api/admin-access?accountId=${accountId}`);
      expect(json).toEqual({ isJiraAdmin: expected });
    });

    it('asks mypermissions as the user, as the app itself does', async () => {
      t.site.jiraRequests.length = 0;
      await t.request('GET', '/api/admin-access?accountId=acc-team');
      expect(t.site.jiraRequests).toEqual([
        expect.objectContaining({
          accountId: 'acc-team',
          method: 'GET',
          path: '/rest/api/3/mypermissions?permissions=ADMINISTER',
        }),
      ]);
    });
  });

  describe('POST /api/jira', () => {
    it("returns Jira's status, headers and body for a call made as the user", async () => {
      const { status, json } = await t.request('POST', '/api/jira', {
        accountId: 'acc-team',
        method: 'GET',
        path: '/rest/api/3/issue/OPS-1',
      });
      expect(status).toBe(200);
      expect(json).toMatchObject({
        status: 404,
        statusText: 'Not Found',
        headers: { 'content-type': 'application/json' },
      });
    });

    it('delivers pending Jira events after a write', async () => {
      const before = t.site.eventDeliveries;
      await t.request('POST', '/api/jira', {
        accountId: 'acc-admin',
        method: 'PUT',
        path: '/rest/api/3/issue/PAY-2',
        body: JSON.stringify({ fields: { summary: 'Fraud scoring v2' } }),
      });
      await t.request('GET', '/api/site'); // deliveries run just after the response
      expect(t.site.eventDeliveries).toBe(before + 1);
    });

    it('leaves event delivery to the site when told the site delivers on its own', async () => {
      const quiet = await startTestHost({ deliverEvents: false });
      await quiet.request('POST', '/api/jira', {
        accountId: 'acc-admin',
        method: 'PUT',
        path: '/rest/api/3/issue/PAY-2',
        body: JSON.stringify({ fields: { summary: 'Fraud scoring v3' } }),
      });
      await quiet.host.close();
      expect(quiet.site.eventDeliveries).toBe(0);
    });

    it('answers 400 when the path is not a Jira REST path', async () => {
      const { status, json } = await t.request('POST', '/api/jira', {
        accountId: 'acc-admin',
        method: 'GET',
        path: 'https://example.com/',
      });
      expect(status).toBe(400);
      expect((json as { errorMessage: string }).errorMessage).toContain('must be a Jira REST path');
    });
  });

  describe('POST /api/csp-reports', () => {
    it("logs each violation a module's CSP reports, with its document, directive and source", async () => {
      const lines: string[] = [];
      const logged = await startTestHost({ log: (line) => lines.push(line) });
      const { status } = await logged.request('POST', '/api/csp-reports', {
        'csp-report': {
          'document-uri': `${logged.base}/resources/gadget/index.html`,
          'effective-directive': 'style-src-elem',
          'blocked-uri': 'inline',
          'source-file': `${logged.base}/resources/gadget/assets/index.js`,
          'line-number': 3,
        },
      });
      await logged.host.close();
      expect(status).toBe(204);
      expect(lines).toEqual([
        `CSP violation in ${logged.base}/resources/gadget/index.html: style-src-elem blocked inline at ${logged.base}/resources/gadget/assets/index.js:3`,
      ]);
    });
  });
});
