import type { LocalSiteRuntime } from '../../local-site';
import type { EpicList, LivePage, PortfolioView } from '../../src/contract/gadget.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { openLocalSite } from '../../local-site';
import { ADMIN, call, openDemoSite, TEAM } from './local-site';

const PROJECTS = ['PAY', 'CHK', 'CRM', 'OPS', 'FIN', 'MOB', 'PRG'];
const ASOF = '2026-11';

function figures(view: PortfolioView | undefined) {
  const { source: _source, ...rest } = view ?? ({} as PortfolioView);
  return rest;
}

/** The live path, page by page as the gadget drives it. */
async function live(
  site: LocalSiteRuntime,
  accountId: string,
  jql: string,
): Promise<PortfolioView | undefined> {
  let cursor: string | undefined;
  for (let calls = 0; calls < 50; calls += 1) {
    const page = await call<LivePage>(site, accountId, 'gadget/live-page', {
      scope: { kind: 'jql', jql },
      asOf: ASOF,
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (page.data?.nextCursor == null) return page.data?.view;
    cursor = page.data.nextCursor;
  }
  throw new Error('the live path did not finish');
}

const rolledUp = async (site: LocalSiteRuntime, accountId: string) =>
  (await call<PortfolioView>(site, accountId, 'gadget/get-portfolio', { scope: { kind: 'all' }, asOf: ASOF }))
    .data;

describe('roll-up store on the local runtime', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openDemoSite();
  });

  afterAll(async () => {
    await site.close();
  });

  it('gives the same figures from the aggregates as the paged live path on the same scope', async () => {
    const fromAggregates = await rolledUp(site, ADMIN);

    expect(fromAggregates?.source).toBe('rollup');
    expect(fromAggregates?.portfolio.epics).toBe(120);
    expect(figures(fromAggregates)).toEqual(
      figures(await live(site, ADMIN, `project in (${PROJECTS.join(', ')})`)),
    );
  });

  it("merges only the restricted viewer's own projects, so no other project's money shows", async () => {
    const team = await rolledUp(site, TEAM);
    const everyone = await rolledUp(site, ADMIN);

    expect(Object.keys(team?.byProject ?? {})).toEqual(['CHK']);
    expect(team?.portfolio).toEqual(everyone?.byProject.CHK);
  });

  it('repairs a corrupted aggregate on the scheduled reconcile, each step far inside the limits', async () => {
    const before = await rolledUp(site, ADMIN);
    site.storage.set('rollup:project:CHK', {
      schema: 3,
      project: 'CHK',
      currency: 'EUR',
      epicCount: 1,
      totals: {},
      byProgramme: {},
      unreadable: [],
      unreadableCount: 0,
    });

    await site.runScheduledTrigger('value-reconcile-schedule');

    expect(figures(await rolledUp(site, ADMIN))).toEqual(figures(before));
    const steps = site.invocations().filter((record) => record.functionKey === 'reconcile-step');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((record) => record.outcome === 'ok' && record.wallMs < 10_000)).toBe(true);
  });

  it('puts back the totals of a save cut off after Jira took it, once the refresh it queued is delivered', async () => {
    const before = await rolledUp(site, ADMIN);
    const list = await call<EpicList>(site, ADMIN, 'gadget/list-epics', {
      scope: { kind: 'projects', projects: ['CHK'] },
    });
    const key = list.data?.epics[0]?.key ?? '';
    const loaded = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: key });
    if (!loaded.data) throw new Error(`could not load ${key}`);
    const rollupBefore = new Map(
      site.storage.keys('rollup:').map((storageKey) => [storageKey, site.storage.get(storageKey)]),
    );
    const saved = await call<EpicValueView>(site, ADMIN, 'panel/save-value', {
      issueKey: key,
      baseRevision: loaded.data.revision,
      value: { ...loaded.data.value, successProbability: 0.01 },
    });
    expect(saved.ok).toBe(true);
    // As if the save had been killed between the Jira write and the roll-up write.
    for (const storageKey of site.storage.keys('rollup:')) {
      if (rollupBefore.has(storageKey)) site.storage.set(storageKey, rollupBefore.get(storageKey));
      else site.storage.delete(storageKey);
    }
    expect(figures(await rolledUp(site, ADMIN))).toEqual(figures(before));

    await site.deliverPendingEvents();

    const after = await rolledUp(site, ADMIN);
    expect(figures(after)).not.toEqual(figures(before));
    expect(figures(after)).toEqual(figures(await live(site, ADMIN, `project in (${PROJECTS.join(', ')})`)));
  });

  it('follows epics moved, re-parented and deleted in Jira once the events are delivered', async () => {
    const all = await call<EpicList>(site, ADMIN, 'gadget/list-epics', {
      scope: { kind: 'all' },
      asOf: ASOF,
    });
    const [moved, reparented, deleted] = (all.data?.epics ?? []).filter((epic) => epic.project === 'PAY');
    if (!moved || !reparented || !deleted) throw new Error('the demo has too few PAY epics');
    const movedKey = site.jiraUi.moveIssue(ADMIN, moved.key, 'OPS');
    site.jiraUi.changeParent(ADMIN, reparented.key, null);
    site.jiraUi.deleteIssue(ADMIN, deleted.key);

    await site.deliverPendingEvents();
    // Redelivery changes nothing.
    site.jiraUi.changeParent(ADMIN, reparented.key, null);
    await site.deliverPendingEvents();

    const after = await rolledUp(site, ADMIN);
    expect(after?.portfolio.epics).toBe(119);
    expect(movedKey.startsWith('OPS-')).toBe(true);
    expect(figures(after)).toEqual(figures(await live(site, ADMIN, `project in (${PROJECTS.join(', ')})`)));
  });
});

describe('the KPI load on a site of more than 100 projects, with Forge-like latency', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openLocalSite({
      dataDir: null,
      seed: 'demo',
      seedSize: { epics: 260, projects: 130 },
      log: () => undefined,
    });
    if (site.valueImport !== 'imported')
      throw new Error(`the value import failed: ${JSON.stringify(site.valueImport)}`);
    site.setFaults({ jiraLatencyMs: 20, storageLatencyMs: 10 });
  });

  afterAll(async () => {
    await site.close();
  });

  const load = async () => {
    const view = await rolledUp(site, ADMIN);
    const record = site.invocations().at(-1);
    return { epics: view?.portfolio.epics, record };
  };

  it("asks for every page of the viewer's projects, the pages after the first side by side", async () => {
    const first = await load();

    expect(first.epics).toBe(260);
    // Settings, objectives and the viewer cache; project page 1; the other pages; aggregates and cache write.
    expect(first.record).toMatchObject({ jiraCalls: 2, sequentialRoundTrips: 4 });
  });

  it("reads the aggregates straight after the settings once the viewer's projects are cached", async () => {
    const cached = await load();

    expect(cached.epics).toBe(260);
    expect(cached.record).toMatchObject({ jiraCalls: 0, sequentialRoundTrips: 2 });
  });
});
