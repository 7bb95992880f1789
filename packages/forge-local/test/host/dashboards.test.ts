/** Dashboards and per-gadget configuration (what `view.submit` saves in a gadget's edit mode). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dashboard, GadgetInstance } from '../../src/host/api-types';
import { openDashboardStore } from '../../src/host/dashboard-store';
import { startTestHost, type TestHost } from './test-host';

describe('dashboard endpoints', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await startTestHost();
  });
  afterEach(async () => {
    await t.host.close();
  });

  /** The default dashboard belongs to the site's first user, its Jira admin. */
  const owner = 'acc-admin';
  const board = (path = '', accountId = owner) => `/api/dashboards/10000${path}?accountId=${accountId}`;

  it("starts with one configured gadget of the app on the default dashboard, owned by the site's admin", async () => {
    const { status, json } = await t.request('GET', board());
    expect(status).toBe(200);
    expect(json).toEqual<Dashboard>({
      id: '10000',
      name: 'Default dashboard',
      ownerAccountId: owner,
      gadgets: [{ id: '10001', moduleKey: 'fixture-gadget', configuration: {}, title: 'Fixture gadget' }],
      editable: true,
    });
  });

  it('adds a gadget with no configuration yet, so it opens in edit mode', async () => {
    const { status, json } = await t.request('POST', board('/gadgets'), { moduleKey: 'fixture-gadget' });
    expect(status).toBe(201);
    expect(json).toEqual<GadgetInstance>({
      id: '10002',
      moduleKey: 'fixture-gadget',
      configuration: null,
      title: 'Fixture gadget',
    });
  });

  it('keeps each gadget configuration apart when several gadgets are on one dashboard', async () => {
    const added = (await t.request('POST', board('/gadgets'), { moduleKey: 'fixture-gadget' }))
      .json as GadgetInstance;
    await t.request('PUT', board(`/gadgets/${added.id}/configuration`), {
      configuration: { projects: ['PAY'], refresh: 15 },
    });
    await t.request('PUT', board('/gadgets/10001/configuration'), { configuration: { projects: ['OPS'] } });
    const { json } = await t.request('GET', board());
    expect((json as Dashboard).gadgets.map((g) => g.configuration)).toEqual([
      { projects: ['OPS'] },
      { projects: ['PAY'], refresh: 15 },
    ]);
  });

  describe("a gadget's title", () => {
    it('is the title the app saved in its configuration, trimmed', async () => {
      const { json } = await t.request('PUT', board('/gadgets/10001/configuration'), {
        configuration: { title: '  Payments at a glance ', refresh: 15 },
      });
      expect((json as GadgetInstance).title).toBe('Payments at a glance');
      const dashboard = (await t.request('GET', board('', 'acc-team'))).json as Dashboard;
      expect(dashboard.gadgets.map((g) => g.title)).toEqual(['Payments at a glance']);
    });

    it.each([
      ['no title', {}],
      ['a blank title', { title: '   ' }],
      ['a title that is not text', { title: 42 }],
    ])(
      "is the module's title in manifest.yml when the configuration has %s",
      async (_case, configuration) => {
        const { json } = await t.request('PUT', board('/gadgets/10001/configuration'), { configuration });
        expect((json as GadgetInstance).title).toBe('Fixture gadget');
      },
    );
  });

  describe('who may change a dashboard', () => {
    it('lets everyone view it, and says whether the viewer may change it', async () => {
      const views = await Promise.all(
        ['acc-admin', 'acc-portfolio', 'acc-team'].map(async (accountId) => {
          const { status, json } = await t.request('GET', board('', accountId));
          return [accountId, status, (json as Dashboard).editable];
        }),
      );
      expect(views).toEqual([
        ['acc-admin', 200, true],
        ['acc-portfolio', 200, false],
        ['acc-team', 200, false],
      ]);
    });

    it.each([
      ['add a gadget', 'POST', '/gadgets', { moduleKey: 'fixture-gadget' }],
      ['configure a gadget', 'PUT', '/gadgets/10001/configuration', { configuration: { title: 'Mine' } }],
      ['remove a gadget', 'DELETE', '/gadgets/10001', undefined],
    ] as const)(
      'answers 403 naming the owner when someone else tries to %s, and changes nothing',
      async (_action, method, path, body) => {
        const { status, json } = await t.request(method, board(path, 'acc-portfolio'), body);
        expect(status).toBe(403);
        expect(json).toEqual({
          errorType: 'FORBIDDEN',
          errorMessage:
            'Only the owner of dashboard 10000 (Ada Admin) or a Jira admin may add, configure or remove its gadgets.',
        });
        const after = (await t.request('GET', board())).json as Dashboard;
        expect(after.gadgets).toEqual([
          { id: '10001', moduleKey: 'fixture-gadget', configuration: {}, title: 'Fixture gadget' },
        ]);
      },
    );

    it("lets a user create a dashboard of their own and change it, and a Jira admin change anyone's", async () => {
      const created = await t.request('POST', '/api/dashboards?accountId=acc-team', {
        name: 'Checkout board',
      });
      expect(created.status).toBe(201);
      const mine = created.json as Dashboard;
      expect(mine).toMatchObject({
        name: 'Checkout board',
        ownerAccountId: 'acc-team',
        gadgets: [],
        editable: true,
      });
      const at = (path: string, accountId: string) =>
        `/api/dashboards/${mine.id}${path}?accountId=${accountId}`;

      const added = await t.request('POST', at('/gadgets', 'acc-team'), { moduleKey: 'fixture-gadget' });
      expect(added.status).toBe(201);
      const gadgetId = (added.json as GadgetInstance).id;
      expect(
        (
          await t.request('PUT', at(`/gadgets/${gadgetId}/configuration`, 'acc-portfolio'), {
            configuration: {},
          })
        ).status,
      ).toBe(403);
      expect((await t.request('GET', at('', 'acc-portfolio'))).json).toMatchObject({ editable: false });
      expect((await t.request('GET', at('', 'acc-admin'))).json).toMatchObject({ editable: true });
      expect(
        (await t.request('PUT', at(`/gadgets/${gadgetId}/configuration`, 'acc-admin'), { configuration: {} }))
          .status,
      ).toBe(200);
      expect((await t.request('DELETE', at(`/gadgets/${gadgetId}`, 'acc-team'))).status).toBe(204);
    });

    it('answers 400 when the request does not say who is asking, or names nobody on the site', async () => {
      expect((await t.request('GET', '/api/dashboards/10000')).status).toBe(400);
      const stranger = await t.request('DELETE', '/api/dashboards/10000/gadgets/10001?accountId=acc-nobody');
      expect(stranger.status).toBe(400);
      expect(((await t.request('GET', board())).json as Dashboard).gadgets).toHaveLength(1);
    });

    it('answers 400 to a dashboard without a name', async () => {
      const { status } = await t.request('POST', '/api/dashboards?accountId=acc-team', { name: '  ' });
      expect(status).toBe(400);
    });
  });

  it('answers 400 when a gadget module is not in manifest.yml', async () => {
    const { status, json } = await t.request('POST', board('/gadgets'), { moduleKey: 'fixture-panel' });
    expect(status).toBe(400);
    expect((json as { errorMessage: string }).errorMessage).toContain(
      'no jira:dashboardGadget with key "fixture-panel"',
    );
  });

  it('answers 400 when the configuration is not an object', async () => {
    const { status } = await t.request('PUT', board('/gadgets/10001/configuration'), {
      configuration: [1, 2],
    });
    expect(status).toBe(400);
  });

  it('answers 404 for a gadget that is not on the dashboard', async () => {
    const { status, json } = await t.request('PUT', board('/gadgets/999/configuration'), {
      configuration: {},
    });
    expect(status).toBe(404);
    expect(json).toEqual({ errorType: 'NOT_FOUND', errorMessage: 'Gadget 999 is not on dashboard 10000.' });
  });

  it('answers 404 for a dashboard that does not exist', async () => {
    const { status } = await t.request('GET', `/api/dashboards/42?accountId=${owner}`);
    expect(status).toBe(404);
  });

  it('removes a gadget', async () => {
    const { status } = await t.request('DELETE', board('/gadgets/10001'));
    const { json } = await t.request('GET', board());
    expect(status).toBe(204);
    expect((json as Dashboard).gadgets).toEqual([]);
  });
});

describe('openDashboardStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'host-dashboards-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps saved configurations across a restart when it has a file', () => {
    const file = join(dir, 'host', 'dashboards.json');
    openDashboardStore({
      file,
      defaultGadgetModuleKey: 'fixture-gadget',
      defaultOwnerAccountId: 'acc-admin',
    }).saveConfiguration('10000', '10001', {
      refresh: 30,
    });
    const reopened = openDashboardStore({
      file,
      defaultGadgetModuleKey: 'fixture-gadget',
      defaultOwnerAccountId: 'acc-admin',
    });
    expect(reopened.get('10000').gadgets[0]?.configuration).toEqual({ refresh: 30 });
  });

  it('forgets saved configurations when reset', () => {
    const file = join(dir, 'dashboards.json');
    openDashboardStore({
      file,
      defaultGadgetModuleKey: 'fixture-gadget',
      defaultOwnerAccountId: 'acc-admin',
    }).saveConfiguration('10000', '10001', {
      refresh: 30,
    });
    const reset = openDashboardStore({
      file,
      reset: true,
      defaultGadgetModuleKey: 'fixture-gadget',
      defaultOwnerAccountId: 'acc-admin',
    });
    expect(reset.get('10000').gadgets[0]?.configuration).toEqual({});
  });

  it('starts from the default dashboard every time when it has no file', () => {
    const store = openDashboardStore({
      file: null,
      defaultGadgetModuleKey: 'fixture-gadget',
      defaultOwnerAccountId: 'acc-admin',
    });
    store.addGadget('10000', 'fixture-gadget');
    expect(
      openDashboardStore({
        file: null,
        defaultGadgetModuleKey: 'fixture-gadget',
        defaultOwnerAccountId: 'acc-admin',
      }).get('10000').gadgets,
    ).toHaveLength(1);
  });

  it("refuses a configuration larger than Jira's 32,768-character property limit", () => {
    const store = openDashboardStore({
      file: null,
      defaultGadgetModuleKey: 'fixture-gadget',
      defaultOwnerAccountId: 'acc-admin',
    });
    expect(() => store.saveConfiguration('10000', '10001', { note: 'x'.repeat(32_768) })).toThrow(
      /at most 32768/,
    );
  });

  it('returns copies, so changing a returned dashboard does not change the store', () => {
    const store = openDashboardStore({
      file: null,
      defaultGadgetModuleKey: 'fixture-gadget',
      defaultOwnerAccountId: 'acc-admin',
    });
    store.get('10000').gadgets.pop();
    expect(store.get('10000').gadgets).toHaveLength(1);
  });

  it('gives dashboards of a file written before dashboards had owners to the default owner', () => {
    const file = join(dir, 'dashboards.json');
    writeFileSync(file, JSON.stringify({ dashboards: [{ id: '10000', name: 'Old', gadgets: [] }] }));
    const store = openDashboardStore({
      file,
      defaultGadgetModuleKey: null,
      defaultOwnerAccountId: 'acc-admin',
    });
    expect(store.get('10000').ownerAccountId).toBe('acc-admin');
  });

  it('says how to recover when the file is not one it wrote', () => {
    const file = join(dir, 'dashboards.json');
    openDashboardStore({ file, defaultGadgetModuleKey: null, defaultOwnerAccountId: 'acc-admin' }).addGadget(
      '10000',
      'fixture-gadget',
    );
    const text = readFileSync(file, 'utf8').replace('"dashboards"', '"boards"');
    writeFileSync(file, text);
    expect(() =>
      openDashboardStore({ file, defaultGadgetModuleKey: null, defaultOwnerAccountId: 'acc-admin' }),
    ).toThrow(/start with --reset/);
  });
});
