import { JiraOpenApiContract } from 'forge-local';
import type { JiraExchange, LocalSiteRuntime } from '../../local-site';
import type { EpicList } from '../../src/contract/gadget.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { ADMIN, call, openDemoSite, stageFile, TEAM } from './local-site';

/**
 * Every Jira call the app's own adapters make, and every answer, checked against Atlassian's
 * OpenAPI spec (read in place from ../shared/reference).
 */
describe("the app's Jira calls against the official OpenAPI spec", () => {
  let site: LocalSiteRuntime;
  const exchanges: JiraExchange[] = [];

  beforeAll(async () => {
    site = await openDemoSite();
    site.onJiraExchange((exchange) => exchanges.push(exchange));
  });

  afterAll(async () => {
    await site.close();
  });

  it('makes only calls the spec declares, and reads answers of the declared shape', async () => {
    const list = await call<EpicList>(site, ADMIN, 'gadget/list-epics', {
      scope: { kind: 'projects', projects: ['CHK'] },
    });
    const key = list.data?.epics[0]?.key ?? '';
    const view = await call<EpicValueView>(site, TEAM, 'panel/get-value', { issueKey: key });
    await call(site, TEAM, 'panel/save-value', {
      issueKey: key,
      baseRevision: view.data?.revision,
      value: view.data?.value,
    });
    await call(site, ADMIN, 'gadget/get-portfolio', { scope: { kind: 'jql', jql: 'project = CHK' } });
    await call(site, ADMIN, 'admin/get-settings');
    const backup = await call<{ content: string }>(site, ADMIN, 'admin/export-backup');
    await call(site, ADMIN, 'admin/import-preview', {
      importId: await stageFile(site, ADMIN, backup.data?.content ?? '{}'),
    });

    const contract = JiraOpenApiContract.load();
    const templates = new Set(exchanges.map((exchange) => `${exchange.method} ${exchange.template}`));
    expect([...templates].sort()).toEqual([
      'GET /rest/api/3/field',
      'GET /rest/api/3/issue/{issueIdOrKey}',
      'GET /rest/api/3/issuetype',
      'GET /rest/api/3/mypermissions',
      'GET /rest/api/3/project/search',
      'POST /rest/api/3/app/field/value',
      'POST /rest/api/3/issue/bulkfetch',
      'POST /rest/api/3/permissions/check',
      'POST /rest/api/3/search/jql',
      'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    ]);
    expect(exchanges.flatMap((exchange) => contract.checkExchange(exchange))).toEqual([]);
  });
});
