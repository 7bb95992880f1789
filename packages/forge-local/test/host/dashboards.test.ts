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

  it('starts with one configured gadget of the app on the default dashboard', async () => {
    const { status, json } = await t.request('GET', '/api/dashboards/10000');
    expect(status).toBe(200);
    expect(json).toEqual<Dashboard>({
      id: '10000',
      name: 'Default dashboard',
      gadgets: [{ id: '10001', moduleKey: 'fixture-gadget', configuration: {} }],
    });
  });

  it('adds a gadget with no configuration yet, so it opens in edit mode', async () => {
    const { status, json } = await t.request('POST', '/api/dashboards/10000/gadgets', {
      moduleKey: 'fixture-gadget',
    });
    expect(status).toBe(201);
    expect(json).toEqual<GadgetInstance>({ id: '10002', moduleKey: 'fixture-gadget', configuration: null });
  });

  it('keeps each gadget configuration apart when several gadgets are on one dashboard', async () => {
    const added = (await t.request('POST', '/api/dashboards/10000/gadgets', { moduleKey: 'fixture-gadget' }))
      .json as GadgetInstance;
    await t.request('PUT', `/api/dashboards/10000/gadgets/${added.id}/configuration`, {
      configuration: { projects: ['PAY'], refresh: 15 },
    });
    await t.request('PUT', '/api/dashboards/10000/gadgets/10001/configuration', {
      configuration: { projects: ['OPS'] },
    });
    const { json } = await t.request('GET', '/api/dashboards/10000');
    expect((json as Dashboard).gadgets.map((g) => g.configuration)).toEqual([
      { projects: ['OPS'] },
      { projects: ['PAY'], refresh: 15 },
    ]);
  });

  it('answers 400 when a gadget module is not in manifest.yml', async () => {
    const { status, json } = await t.request('POST', '/api/dashboards/10000/gadgets', {
      moduleKey: 'fixture-panel',
    });
    expect(status).toBe(400);
    expect((json as { errorMessage: string }).errorMessage).toContain(
      'no jira:dashboardGadget with key "fixture-panel"',
    );
  });

  it('answers 400 when the configuration is not an object', async () => {
    const { status } = await t.request('PUT', '/api/dashboards/10000/gadgets/10001/configuration', {
      configuration: [1, 2],
    });
    expect(status).toBe(400);
  });

  it('answers 404 for a gadget that is not on the dashboard', async () => {
    const { status, json } = await t.request('PUT', '/api/dashboards/10000/gadgets/999/configuration', {
      configuration: {},
    });
    expect(status).toBe(404);
    expect(json).toEqual({ errorType: 'NOT_FOUND', errorMessage: 'Gadget 999 is not on dashboard 10000.' });
  });

  it('answers 404 for a dashboard that does not exist', async () => {
    const { status } = await t.request('GET', '/api/dashboards/42');
    expect(status).toBe(404);
  });

  it('removes a gadget', async () => {
    const { status } = await t.request('DELETE', '/api/dashboards/10000/gadgets/10001');
    const { json } = await t.request('GET', '/api/dashboards/10000');
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
    openDashboardStore({ file, defaultGadgetModuleKey: 'fixture-gadget' }).saveConfiguration(
      '10000',
      '10001',
      {
        refresh: 30,
      },
    );
    const reopened = openDashboardStore({ file, defaultGadgetModuleKey: 'fixture-gadget' });
    expect(reopened.get('10000').gadgets[0]?.configuration).toEqual({ refresh: 30 });
  });

  it('forgets saved configurations when reset', () => {
    const file = join(dir, 'dashboards.json');
    openDashboardStore({ file, defaultGadgetModuleKey: 'fixture-gadget' }).saveConfiguration(
      '10000',
      '10001',
      {
        refresh: 30,
      },
    );
    const reset = openDashboardStore({ file, reset: true, defaultGadgetModuleKey: 'fixture-gadget' });
    expect(reset.get('10000').gadgets[0]?.configuration).toEqual({});
  });

  it('starts from the default dashboard every time when it has no file', () => {
    const store = openDashboardStore({ file: null, defaultGadgetModuleKey: 'fixture-gadget' });
    store.addGadget('10000', 'fixture-gadget');
    expect(
      openDashboardStore({ file: null, defaultGadgetModuleKey: 'fixture-gadget' }).get('10000').gadgets,
    ).toHaveLength(1);
  });

  it("refuses a configuration larger than Jira's 32,768-character property limit", () => {
    const store = openDashboardStore({ file: null, defaultGadgetModuleKey: 'fixture-gadget' });
    expect(() => store.saveConfiguration('10000', '10001', { note: 'x'.repeat(32_768) })).toThrow(
      /at most 32768/,
    );
  });

  it('returns copies, so changing a returned dashboard does not change the store', () => {
    const store = openDashboardStore({ file: null, defaultGadgetModuleKey: 'fixture-gadget' });
    store.get('10000').gadgets.pop();
    expect(store.get('10000').gadgets).toHaveLength(1);
  });

  it('says how to recover when the file is not one it wrote', () => {
    const file = join(dir, 'dashboards.json');
    openDashboardStore({ file, defaultGadgetModuleKey: null }).addGadget('10000', 'fixture-gadget');
    const text = readFileSync(file, 'utf8').replace('"dashboards"', '"boards"');
    writeFileSync(file, text);
    expect(() => openDashboardStore({ file, defaultGadgetModuleKey: null })).toThrow(/start with --reset/);
  });
});
