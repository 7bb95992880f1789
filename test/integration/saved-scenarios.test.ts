import type { LocalSiteRuntime } from '../../local-site';
import type { OpenedScenario, SavedScenarioSummary } from '../../src/contract/saved-scenario.contract';
import { ADMIN, call, openDemoSite, PORTFOLIO, TEAM } from './local-site';

/** Saved scenarios through the planning resolver on the demo site, with Forge storage and Jira's permissions. */
describe('planning saved scenarios on the demo site', () => {
  let site: LocalSiteRuntime;
  beforeAll(async () => {
    site = await openDemoSite();
  });
  afterAll(async () => {
    await site.close();
  });
  const inputs = { scope: { kind: 'all' }, cap: { kind: 'percent-cut', percent: 20 } };

  it('saves under a unique name, opens as the viewer, and deletes for the author or a Jira admin only', async () => {
    const saved = await call<SavedScenarioSummary>(site, PORTFOLIO, 'planning/save-scenario', {
      name: 'Cut a fifth',
      inputs,
    });
    const id = saved.data?.id ?? '';
    expect(id).not.toBe('');
    const again = await call(site, ADMIN, 'planning/save-scenario', { name: 'CUT A FIFTH', inputs });
    expect(again).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: [{ path: 'name' }] } });
    const empty = await call(site, ADMIN, 'planning/save-scenario', { name: ' ', inputs });
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: [{ path: 'name' }] } });

    const asAuthor = await call<OpenedScenario>(site, PORTFOLIO, 'planning/open-scenario', {
      id,
    });
    const asTeam = await call<OpenedScenario>(site, TEAM, 'planning/open-scenario', { id });
    expect(asTeam.data?.view.epics).toBeGreaterThan(0);
    expect(asTeam.data?.view.epics).toBeLessThan(asAuthor.data?.view.epics ?? 0);
    expect(asTeam.data?.scenario.canDelete).toBe(false);

    const refused = await call(site, TEAM, 'planning/delete-scenario', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const deleted = await call(site, ADMIN, 'planning/delete-scenario', { id });
    expect(deleted).toEqual({ ok: true, data: { id } });
    const listed = await call<SavedScenarioSummary[]>(site, PORTFOLIO, 'planning/list-scenarios');
    expect(listed.data?.map((scenario) => scenario.name)).toEqual([]);
  });
});
