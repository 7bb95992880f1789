import { readAudit } from '../../src/application/admin/audit-log';
import { createObjective, updateObjective } from '../../src/application/admin/objectives';
import { getSettings, saveSettings } from '../../src/application/admin/settings';
import { SiteConfig } from '../../src/application/site-config';
import { DEFAULT_SETTINGS, type StoredObjective } from '../../src/contract/site-config.schema';
import type { FakeUser } from '../fakes/in-memory-jira-site';
import { adminSite, failureOf } from '../fixtures/admin-site';

const admin: FakeUser = { accountId: 'admin', admin: true };
const OWNER = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';
const STRANGER = '5b10a2844c20165700ede21g';

function anObjective(overrides: Partial<StoredObjective> = {}): StoredObjective {
  return {
    id: 'OBJ-GROW',
    name: 'Grow revenue',
    status: 'active',
    weight: 5,
    description: '',
    ownerAccountId: null,
    target: null,
    parentId: null,
    ...overrides,
  };
}

function site() {
  const { jira, store, contextFor } = adminSite(['PAY-1']);
  jira.addUser(OWNER);
  return { jira, store, config: new SiteConfig(store), context: contextFor(admin) };
}

/** The store's entries, to show that a refused call changed nothing at all. */
function snapshot(store: { entries: Map<string, unknown> }): string {
  return JSON.stringify([...store.entries]);
}

describe('createObjective and updateObjective', () => {
  it('refuses an owner who is not a user of the site, naming ownerAccountId, and stores nothing', async () => {
    const { store, context } = site();
    const before = snapshot(store);

    const error = await failureOf(
      createObjective(context, { objective: anObjective({ ownerAccountId: STRANGER }) }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fields).toEqual([
      {
        path: 'objective.ownerAccountId',
        message: `no user of this Jira site has the account id ${STRANGER}; choose the owner from the site's users`,
      },
    ]);
    expect(snapshot(store)).toBe(before);
  });

  it('stores an owner who is a user of the site, remembers the account, and logs one entry', async () => {
    const { store, config, context } = site();

    await createObjective(context, { objective: anObjective({ ownerAccountId: OWNER }) });

    expect((await config.objective('OBJ-GROW'))?.ownerAccountId).toBe(OWNER);
    expect(store.entries.has(`account:${OWNER}`)).toBe(true);
    expect((await readAudit(store)).entries).toHaveLength(1);
  });

  it('refuses a new owner on update who is not a user, keeping the stored objective', async () => {
    const { store, config, context } = site();
    await createObjective(context, { objective: anObjective({ ownerAccountId: OWNER }) });
    const before = snapshot(store);

    const error = await failureOf(
      updateObjective(context, { objective: anObjective({ ownerAccountId: STRANGER, name: 'Renamed' }) }),
    );

    expect(error.fields?.map((field) => field.path)).toEqual(['objective.ownerAccountId']);
    expect(snapshot(store)).toBe(before);
    expect((await config.objective('OBJ-GROW'))?.name).toBe('Grow revenue');
  });

  it('keeps an owner who has since left the site when other fields are edited', async () => {
    const { jira, config, context } = site();
    await createObjective(context, { objective: anObjective({ ownerAccountId: OWNER }) });
    jira.users.delete(OWNER);

    await updateObjective(context, { objective: anObjective({ ownerAccountId: OWNER, name: 'Renamed' }) });

    expect((await config.objective('OBJ-GROW'))?.name).toBe('Renamed');
  });

  it('refuses a target amount with more decimals than the site currency, naming target.amount', async () => {
    const { store, context } = site();
    await saveSettings(context, { settings: { ...DEFAULT_SETTINGS, currency: 'JPY' } });
    const before = snapshot(store);

    const error = await failureOf(
      createObjective(context, {
        objective: anObjective({ target: { measure: 'Revenue', amount: 1000.5, date: '2027-12-31' } }),
      }),
    );

    expect(error.fields).toEqual([
      { path: 'objective.target.amount', message: 'must be a whole number: JPY has no minor unit' },
    ]);
    expect(snapshot(store)).toBe(before);
  });

  it('writes nothing and logs nothing when an update changes nothing', async () => {
    const { store, context } = site();
    await createObjective(context, { objective: anObjective() });
    const before = snapshot(store);

    await updateObjective(context, { objective: anObjective() });

    expect(snapshot(store)).toBe(before);
  });

  it('stores neither the objective nor its audit entry when the write fails', async () => {
    const { store, config, context } = site();
    store.transact = () => Promise.reject(new Error('storage is down'));

    await expect(createObjective(context, { objective: anObjective() })).rejects.toThrow('storage is down');

    expect(await config.objective('OBJ-GROW')).toBeUndefined();
    expect((await readAudit(store)).entries).toEqual([]);
  });
});

describe('saveSettings', () => {
  it.each([
    [['10001', '10099'], 1, 'no issue type of this Jira site has the id 10099; choose an epic-level type'],
    [
      ['10000'],
      0,
      'Story (10000) is at hierarchy level 0, not the epic level (1); choose an epic-level type',
    ],
    [
      ['10001', '10003'],
      1,
      'Initiative (10003) is at hierarchy level 2, not the epic level (1); choose an epic-level type',
    ],
  ])(
    'refuses the epic issue types %j, naming the one at %d, and keeps the stored settings',
    async (ids, index, message) => {
      const { store, context } = site();
      await saveSettings(context, { settings: { ...DEFAULT_SETTINGS, currency: 'GBP' } });
      const before = snapshot(store);

      const error = await failureOf(
        saveSettings(context, { settings: { ...DEFAULT_SETTINGS, epicIssueTypeIds: ids } }),
      );

      expect(error.code).toBe('BAD_REQUEST');
      expect(error.fields).toEqual([{ path: `settings.epicIssueTypeIds[${String(index)}]`, message }]);
      expect(snapshot(store)).toBe(before);
      expect((await getSettings(context)).settings.currency).toBe('GBP');
    },
  );

  it('accepts epic-level issue types and lists the epic-level types of the site', async () => {
    const { context } = site();

    const view = await saveSettings(context, {
      settings: { ...DEFAULT_SETTINGS, epicIssueTypeIds: ['10001'] },
    });

    expect(view).toEqual({
      settings: { ...DEFAULT_SETTINGS, epicIssueTypeIds: ['10001'] },
      epicIssueTypes: [{ id: '10001' }],
      groups: [],
    });
  });

  it('writes nothing and logs nothing when the settings change nothing', async () => {
    const { store, context } = site();
    await saveSettings(context, { settings: { ...DEFAULT_SETTINGS, currency: 'GBP' } });
    const before = snapshot(store);

    await saveSettings(context, { settings: { ...DEFAULT_SETTINGS, currency: 'GBP' } });

    expect(snapshot(store)).toBe(before);
  });
});
