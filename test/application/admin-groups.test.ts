import { readAudit } from '../../src/application/admin/audit-log';
import { findGroups, getSettings, saveSettings } from '../../src/application/admin/settings';
import { SiteConfig } from '../../src/application/site-config';
import type { FakeUser } from '../fakes/in-memory-jira-site';
import { adminSite, failureOf } from '../fixtures/admin-site';

const admin: FakeUser = { accountId: 'admin', admin: true };
const member: FakeUser = { accountId: 'member' };

function site() {
  const fixture = adminSite([]);
  fixture.jira.groups
    .add({ groupId: 'g-fin', name: 'Finance' })
    .add({ groupId: 'g-app', name: 'Value approvers' })
    .add({ groupId: 'g-fin-ops', name: 'Finance operations' });
  return { ...fixture, config: new SiteConfig(fixture.store) };
}

describe('findGroups', () => {
  it('returns the groups whose name contains the query, in any case, by name', async () => {
    const { contextFor } = site();

    const found = await findGroups(contextFor(admin), { query: ' fin ' });

    expect(found).toEqual({
      groups: [
        { groupId: 'g-fin', name: 'Finance' },
        { groupId: 'g-fin-ops', name: 'Finance operations' },
      ],
      total: 2,
    });
  });

  it('refuses anyone who is not a Jira administrator', async () => {
    const { contextFor } = site();

    expect((await failureOf(findGroups(contextFor(member), { query: 'fin' }))).code).toBe('FORBIDDEN');
  });
});

describe('verifier and approver groups in the settings', () => {
  it('saves groups chosen from Jira, audits them, and shows their names', async () => {
    const { contextFor, config, store } = site();
    const settings = { ...(await config.settings()), verifierGroupId: 'g-fin', approverGroupId: 'g-app' };

    const saved = await saveSettings(contextFor(admin), { settings });
    const shown = await getSettings(contextFor(admin));

    expect(saved.groups).toEqual([
      { groupId: 'g-fin', name: 'Finance' },
      { groupId: 'g-app', name: 'Value approvers' },
    ]);
    expect(shown.settings).toMatchObject({ verifierGroupId: 'g-fin', approverGroupId: 'g-app' });
    expect(shown.groups.map((group) => group.name)).toEqual(['Finance', 'Value approvers']);
    const [entry] = (await readAudit(store)).entries;
    expect(entry?.changes.map((change) => change.path)).toEqual(['approverGroupId', 'verifierGroupId']);
  });

  it('refuses a group id Jira does not know, naming the field, and changes nothing', async () => {
    const { contextFor, config } = site();
    const settings = { ...(await config.settings()), verifierGroupId: 'g-gone' };

    const error = await failureOf(saveSettings(contextFor(admin), { settings }));

    expect(error.fields?.map((field) => field.path)).toEqual(['settings.verifierGroupId']);
    expect((await config.settings()).verifierGroupId).toBeNull();
  });

  it('leaves out of the view a chosen group deleted in Jira since', async () => {
    const { contextFor, config } = site();
    await config.saveSettings({ ...(await config.settings()), approverGroupId: 'g-deleted' });

    const shown = await getSettings(contextFor(admin));

    expect(shown.settings.approverGroupId).toBe('g-deleted');
    expect(shown.groups).toEqual([]);
  });
});
