import type { AdminContext } from '../../src/application/admin/admin-context';
import { readAudit } from '../../src/application/admin/audit-log';
import { createObjective } from '../../src/application/admin/objectives';
import {
  ERASED_ACCOUNT,
  reportPersonalData,
  type PersonalDataReporter,
} from '../../src/application/privacy/report-personal-data';
import { SiteConfig } from '../../src/application/site-config';
import { InMemoryJira } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { InMemoryWorkQueue } from '../fakes/in-memory-work-queue';

function reporterClosing(closed: string[]) {
  const reported: string[][] = [];
  const reporter: PersonalDataReporter = {
    report: (accounts) => {
      reported.push(accounts.map((account) => account.accountId).sort());
      return Promise.resolve(
        accounts
          .filter((account) => closed.includes(account.accountId))
          .map((account) => ({ ...account, status: 'closed' })),
      );
    },
  };
  return { reporter, reported };
}

describe('reportPersonalData', () => {
  async function siteWithAdminAndOwner() {
    const store = new InMemoryKeyValueStore();
    const jira = new InMemoryJira();
    jira.addUser('owner-1');
    const context: AdminContext = {
      accountId: 'admin-1',
      jira: jira.siteFor({ accountId: 'admin-1', admin: true }),
      permissions: jira.permissionsFor({ accountId: 'admin-1', admin: true }),
      groups: jira.groups,
      store,
      clock: { now: () => new Date('2026-11-15T12:00:00Z') },
      rollupQueue: new InMemoryWorkQueue(),
    };
    await createObjective(context, {
      objective: {
        id: 'OBJ-1',
        name: 'One',
        status: 'active',
        weight: 1,
        description: '',
        ownerAccountId: 'owner-1',
        target: null,
        parentId: null,
      },
    });
    return { store };
  }

  it('reports every account id the app holds', async () => {
    const { store } = await siteWithAdminAndOwner();
    const { reporter, reported } = reporterClosing([]);

    const result = await reportPersonalData(store, reporter);

    expect(reported).toEqual([['admin-1', 'owner-1']]);
    expect(result).toEqual({ reported: 2, erased: 0 });
  });

  it('erases closed accounts from the audit log and objective owners', async () => {
    const { store } = await siteWithAdminAndOwner();
    const { reporter } = reporterClosing(['admin-1', 'owner-1']);

    const result = await reportPersonalData(store, reporter);

    expect(result.erased).toBe(2);
    expect((await readAudit(store)).entries.map((entry) => entry.by)).toEqual([ERASED_ACCOUNT]);
    expect((await new SiteConfig(store).objective('OBJ-1'))?.ownerAccountId).toBeNull();
    expect([...store.entries.keys()].filter((key) => key.startsWith('account:'))).toEqual([]);
  });
});
