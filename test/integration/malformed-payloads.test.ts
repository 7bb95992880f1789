import type { LocalSiteRuntime } from '../../local-site';
import { ADMIN, call, openDemoSite } from './local-site';

/** Each resolver names every malformed field of its payload, and nothing is changed. */
describe('malformed payloads on the local runtime', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openDemoSite();
  });

  afterAll(async () => {
    await site.close();
  });

  it.each([
    ['panel/get-value', { issueKey: 5 }, ['issueKey']],
    ['panel/save-value', { issueKey: 'pay 1', baseRevision: 'one', value: {} }, ['baseRevision', 'issueKey']],
    ['panel/get-history', { issueKey: 'CHK-1', cursor: 'next' }, ['cursor']],
    ['panel/get-baselines', { issueKey: 'chk 1' }, ['issueKey']],
    [
      'panel/close-review',
      {
        issueKey: 'CHK-1',
        offsetMonths: 3,
        baseRevision: 1,
        actuals: [
          { benefitId: 'b1', month: '2026-04', amount: 5, evidence: 'measured', evidenceLink: 'http://x.io' },
        ],
      },
      ['actuals[0].evidenceLink'],
    ],
    ['gadget/get-portfolio', { scope: { kind: 'everything' }, asOf: '2026-13' }, ['asOf', 'scope.kind']],
    ['gadget/get-portfolio', { scope: { kind: 'projects', projects: [] } }, ['scope.projects']],
    ['gadget/list-epics', { scope: { kind: 'all' }, filter: { by: 'project', key: 'chk' } }, ['filter.key']],
    ['gadget/export', { scope: { kind: 'all' }, format: 'xml' }, ['format']],
    [
      'admin/save-settings',
      { settings: { currency: 'XXX', discountRate: 2, fiscalYearStartMonth: 13 } },
      ['settings.currency', 'settings.discountRate', 'settings.fiscalYearStartMonth'],
    ],
    [
      'admin/create-objective',
      { objective: { id: '', name: '', status: 'done', weight: 11 } },
      ['objective.id', 'objective.name', 'objective.status', 'objective.weight'],
    ],
    ['admin/set-objective-status', { id: 'OBJ-1', status: 'deleted' }, ['status']],
    ['admin/import-apply', {}, ['importId']],
    ['admin/import-apply', { document: { format: 'value-layer.portfolio' } }, ['document', 'importId']],
    ['admin/import-preview', { document: { format: 'value-layer.portfolio' } }, ['document', 'importId']],
  ])('%s rejects %j, naming each bad field', async (functionKey, payload, fields) => {
    const before = site.storeStats();

    const answer = await call(site, ADMIN, functionKey, payload);

    expect(answer.error?.code).toBe('BAD_REQUEST');
    expect(answer.error?.fields?.map((field) => field.path).sort()).toEqual(fields);
    expect(site.storeStats()).toEqual(before);
  });
});
