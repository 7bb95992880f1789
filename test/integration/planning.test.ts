import type { LocalSiteRuntime } from '../../local-site';
import type { RankingRow, RankingView, ScenarioView } from '../../src/contract/planning.contract';
import { ADMIN, call, openDemoSite, TEAM } from './local-site';

/** What a row says of its epic, whatever its place in one viewer's ranking. */
const figuresOf = ({ rank: _rank, ...row }: RankingRow) => row;

/**
 * The value planning page's resolver function on the local runtime, as its own module
 * (`value-planning`, a jira:globalPage), against the demo site's permission model.
 */
describe('the value planning resolver on the local runtime', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openDemoSite();
  });

  afterAll(async () => {
    await site.close();
  });

  it("ranks only the epics a restricted viewer may browse, with no other project's money in the totals", async () => {
    const team = await call<RankingView>(site, TEAM, 'planning/get-ranking', { scope: { kind: 'all' } });
    const everyone = await call<RankingView>(site, ADMIN, 'planning/get-ranking', { scope: { kind: 'all' } });
    const teamProjects = new Set(team.data?.rows.map((row) => row.project));
    const theirs = everyone.data?.rows.filter((row) => teamProjects.has(row.project)) ?? [];

    expect(teamProjects.size).toBe(1);
    expect(new Set(everyone.data?.rows.map((row) => row.project)).size).toBeGreaterThan(1);
    expect(team.data?.rows.map(figuresOf)).toEqual(theirs.map(figuresOf));
    expect(team.data?.totals.epics).toBe(theirs.length);
    expect(team.data?.totals.remainingCost).toBeCloseTo(
      theirs.reduce((sum, row) => sum + row.remainingCost, 0),
      2,
    );
    expect(team.data?.totals.remainingCost).toBeLessThan(everyone.data?.totals.remainingCost ?? 0);
  });

  it('ranks the in-flight epics by CD3, highest first', async () => {
    const answer = await call<RankingView>(site, ADMIN, 'planning/get-ranking', { scope: { kind: 'all' } });
    const cd3s = answer.data?.rows.flatMap((row) => (row.cd3 === null ? [] : [row.cd3])) ?? [];

    expect(cd3s.length).toBeGreaterThan(10);
    expect(cd3s).toEqual([...cd3s].sort((a, b) => b - a));
    expect(answer.data?.rows.every((row) => row.status !== 'done')).toBe(true);
  });

  it('names the malformed field of a payload', async () => {
    const answer = await call(site, TEAM, 'planning/get-ranking', { scope: { kind: 'galaxy' } });

    expect(answer.error?.code).toBe('BAD_REQUEST');
    expect(answer.error?.fields?.map((field) => field.path)).toEqual(['scope.kind']);
  });

  it('plans a 30% cut over the demo site within the cap, each decision with its why, the greedy baseline no better', async () => {
    const answer = await call<ScenarioView>(site, ADMIN, 'planning/run-scenario', {
      scope: { kind: 'all' },
      cap: { kind: 'percent-cut', percent: 30 },
    });
    const view = answer.data;
    if (view?.status !== 'planned') throw new Error(`expected a plan: ${JSON.stringify(answer)}`);

    const [year] = view.exact.periods;
    expect(year?.planned).toBeLessThanOrEqual(year?.cap ?? 0);
    expect(view.exact.cashFreed).toBeGreaterThanOrEqual(0.3 * (year?.forecast ?? 0) - 0.01);
    expect(view.greedy).not.toBeNull();
    expect(view.exact.npvRetained).toBeGreaterThanOrEqual(view.greedy?.npvRetained ?? Infinity);
    expect(view.greedyGap).toBeCloseTo(view.exact.npvRetained - (view.greedy?.npvRetained ?? 0), 2);
    expect(view.exact.decisions.every((decision) => decision.why.text.length > 0)).toBe(true);
  });

  it("plans a restricted viewer's cut over their own project's money only", async () => {
    const team = await call<ScenarioView>(site, TEAM, 'planning/run-scenario', {
      scope: { kind: 'all' },
      cap: { kind: 'percent-cut', percent: 20 },
    });
    const ranking = await call<RankingView>(site, TEAM, 'planning/get-ranking', { scope: { kind: 'all' } });
    const view = team.data;
    if (view?.status !== 'planned') throw new Error(`expected a plan: ${JSON.stringify(team)}`);

    expect(view.exact.decisions.map((decision) => decision.key).sort()).toEqual(
      (ranking.data?.rows.map((row) => row.key) ?? []).sort(),
    );
    expect(view.currentNpv).toBeCloseTo(ranking.data?.totals.remainingNpv ?? NaN, 2);
  });

  it('refuses a cut of more than 100%, naming the field', async () => {
    const answer = await call(site, ADMIN, 'planning/run-scenario', {
      scope: { kind: 'all' },
      cap: { kind: 'percent-cut', percent: 150 },
    });

    expect(answer.error?.code).toBe('BAD_REQUEST');
    expect(answer.error?.fields?.map((field) => field.path)).toEqual(['cap.percent']);
  });

  it('is not reachable through another module’s resolver function', async () => {
    const answer = site.invoke({
      moduleKey: 'value-gadget',
      functionKey: 'planning/get-ranking',
      payload: { scope: { kind: 'all' } },
      accountId: ADMIN,
    });

    await expect(answer).rejects.toThrow();
  });
});
