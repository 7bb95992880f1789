import type { LocalSiteRuntime } from '../../local-site';
import { ADMIN, call, openDemoSite } from './local-site';

/** The weekly personal data report, through Forge's real `privacy.reportPersonalData`. */
describe('personal data reporting on the local runtime', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openDemoSite();
  });

  afterAll(async () => {
    await site.close();
  });

  it('reports the accounts the app holds and erases one whose Atlassian account was closed', async () => {
    const gone = '5f3a9c1e7b2d4a6f8e0c1bff';
    site.storage.set(`account:${gone}`, { accountId: gone, updatedAt: '2026-01-01T00:00:00.000Z' });
    site.storage.set('audit:admin:8000000000000:abcd', {
      at: '2026-01-01T00:00:00.000Z',
      by: gone,
      action: 'x',
      changes: [],
    });

    await site.runScheduledTrigger('value-personal-data-schedule');

    const last = site.invocations().at(-1);
    expect(last?.outcome).toBe('ok');
    expect(site.storage.keys('account:')).toContain(`account:${ADMIN}`);
    expect(site.storage.keys('account:')).not.toContain(`account:${gone}`);
    const audit = await call<{ entries: { by: string }[] }>(site, ADMIN, 'admin/get-audit-log');
    expect(audit.data?.entries.map((entry) => entry.by)).toContain('erased-account');
    expect(audit.data?.entries.map((entry) => entry.by)).not.toContain(gone);
  });
});
