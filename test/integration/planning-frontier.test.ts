import type { LocalSiteRuntime } from '../../local-site';
import type { FrontierView, RankingView, ScenarioView } from '../../src/contract/planning.contract';
import { ADMIN, call, openDemoSite, TEAM } from './local-site';

/** The efficient frontier (`planning/get-frontier`) through the value planning page's resolver on the local runtime. */
describe('the efficient frontier on the local runtime', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openDemoSite();
  });

  afterAll(async () => {
    await site.close();
  });

  it('returns, at each cut, the NPV retained the budget cut plans at that cut', async () => {
    const answer = await call<FrontierView>(site, ADMIN, 'planning/get-frontier', { scope: { kind: 'all' } });
    const view = answer.data;
    if (view === undefined) throw new Error(JSON.stringify(answer.error));

    expect(view.points.map((point) => point.cutPercent)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    for (const cut of [0, 30]) {
      const scenario = await call<ScenarioView>(site, ADMIN, 'planning/run-scenario', {
        scope: { kind: 'all' },
        cap: { kind: 'percent-cut', percent: cut },
      });
      if (scenario.data?.status !== 'planned') throw new Error(JSON.stringify(scenario));
      const point = view.points.find((candidate) => candidate.cutPercent === cut);
      expect(point).toMatchObject({ status: 'planned', npvRetained: scenario.data.exact.npvRetained });
      expect(view.currentNpv).toBe(scenario.data.currentNpv);
    }
  });

  it("computes a restricted viewer's frontier over their own project's money only", async () => {
    const frontier = await call<FrontierView>(site, TEAM, 'planning/get-frontier', {
      scope: { kind: 'all' },
    });
    const ranking = await call<RankingView>(site, TEAM, 'planning/get-ranking', { scope: { kind: 'all' } });

    expect(frontier.data?.epics).toBe(ranking.data?.totals.epics);
    expect(frontier.data?.currentNpv).toBeCloseTo(ranking.data?.totals.remainingNpv ?? NaN, 2);
  });

  it('names the malformed field of a payload', async () => {
    const answer = await call(site, ADMIN, 'planning/get-frontier', {
      scope: { kind: 'all' },
      perQuarter: 'yes',
    });

    expect(answer.error?.code).toBe('BAD_REQUEST');
    expect(answer.error?.fields?.map((field) => field.path)).toEqual(['perQuarter']);
  });
});
