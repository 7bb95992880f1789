import type { GadgetContext } from '../../../src/application/portfolio/gadget-context';
import { getPortfolio } from '../../../src/application/portfolio/get-portfolio';
import { defaultSeedOf, getScopeRanges } from '../../../src/application/ranges/get-scope-ranges';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { growRevenue, importAsAdmin } from '../../fixtures/admin-site';

const admin: FakeUser = { accountId: 'admin', admin: true };
const payTeam: FakeUser = { accountId: 'pay-team', browse: ['PAY'] };

/** No spread at all: every percentile of every draw is the plan. */
const NO_SPREAD = {
  benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 100, likely: 100, high: 100 }],
  costOverrun: { low: 0, likely: 0, high: 0 },
};

function anEpic(key: string, planned: number, cost: number, options: { ranges?: unknown; p?: number } = {}) {
  return {
    key,
    summary: `Epic ${key}`,
    project: key.split('-')[0],
    programme: key.startsWith('PAY') ? 'PAY-100' : null,
    status: 'in_progress',
    value: {
      successProbability: options.p ?? 1,
      objectives: [{ id: 'OBJ-GROW', share: 0.5 }],
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Sales',
          planned: [
            { month: '2026-12', amount: planned / 2 },
            { month: '2027-06', amount: planned / 2 },
          ],
          realised: [{ month: '2026-02', amount: 100, evidence: 'estimated' }],
        },
      ],
      costs: { planned: [{ month: '2027-01', amount: cost }], actual: [{ month: '2026-01', amount: 500 }] },
      ...(options.ranges === undefined ? {} : { ranges: options.ranges }),
    },
  };
}

async function site(epics: ReturnType<typeof anEpic>[]) {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  jira.addEpic({ key: 'PAY-100', hierarchyLevel: 2, summary: 'Checkout programme' });
  for (const epic of epics) {
    jira.addEpic({ key: epic.key, parentKey: epic.programme });
  }
  const clock = { now: () => new Date('2026-11-15T12:00:00Z') };
  await importAsAdmin(
    { jira, store, clock },
    {
      discountRate: 0.08,
      objectives: [growRevenue({ amount: 20_000, date: '2027-06-30' })],
      epics,
    },
  );
  const contextFor = (user: FakeUser): GadgetContext => ({ jira: jira.siteFor(user), store, clock });
  return { contextFor };
}

const uncertainEpics = () => [
  anEpic('PAY-1', 10_000, 4_000, { p: 0.7 }),
  anEpic('PAY-2', 30_000, 9_000, { p: 0.9 }),
  anEpic('OPS-1', 80_000, 20_000, { p: 0.5 }),
];

describe('getScopeRanges', () => {
  it('returns identical figures for the same scope, inputs and seed, and shows the seed', async () => {
    const { contextFor } = await site(uncertainEpics());

    const first = await getScopeRanges(contextFor(admin), { scope: { kind: 'all' }, draws: 500 });
    const again = await getScopeRanges(contextFor(admin), { scope: { kind: 'all' }, draws: 500 });
    const otherSeed = await getScopeRanges(contextFor(admin), {
      scope: { kind: 'all' },
      draws: 500,
      seed: first.seed + 1,
    });

    expect(again).toEqual(first);
    expect(first.seed).toBe(defaultSeedOf({ kind: 'all' }));
    expect(first).toMatchObject({ asOf: '2026-11', horizon: '2027-11', draws: 500, correlation: 0 });
    expect(otherSeed.portfolio).not.toEqual(first.portfolio);
  });

  it('returns P10 <= P50 <= P90 for every figure, a fan from as-of to the horizon, and objective probabilities', async () => {
    const { contextFor } = await site(uncertainEpics());

    const view = await getScopeRanges(contextFor(admin), { scope: { kind: 'all' }, draws: 1000, seed: 7 });

    for (const figures of [view.portfolio.npv, view.portfolio.benefitByHorizon, view.portfolio.totalCost]) {
      expect(figures.p10).toBeLessThanOrEqual(figures.p50);
      expect(figures.p50).toBeLessThanOrEqual(figures.p90);
    }
    // OPS-1 fails half the time, so NPV spreads; the past (300 realised, 1,500 spent) is fixed.
    expect(view.portfolio.npv.p10).toBeLessThan(view.portfolio.npv.p90);
    expect(view.portfolio.totalCost.p10).toBeGreaterThanOrEqual(1500 + 0.9 * 33_000);
    expect(Object.keys(view.byProject)).toEqual(['OPS', 'PAY']);
    expect(Object.keys(view.byProgramme)).toEqual(['(none)', 'PAY-100']);
    const objective = view.byObjective['OBJ-GROW'];
    expect(objective).toMatchObject({ name: 'Grow revenue', target: { amount: 20_000, date: '2027-06-30' } });
    expect(objective?.probabilityTargetReached).toBeGreaterThan(0);
    expect(objective?.probabilityTargetReached).toBeLessThan(1);
    expect(view.fan.map((point) => point.month)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
    ]);
    // The plan: 300 realised, then half of 120,000 in December and the rest in June.
    expect(view.fan.map((point) => point.plan)).toEqual([
      300, 60_300, 60_300, 60_300, 60_300, 60_300, 60_300, 120_300, 120_300, 120_300, 120_300, 120_300,
      120_300,
    ]);
    const last = view.fan.at(-1);
    expect(last).toMatchObject({
      p10: view.portfolio.benefitByHorizon.p10,
      p50: view.portfolio.benefitByHorizon.p50,
      p90: view.portfolio.benefitByHorizon.p90,
    });
  });

  it("never includes another project's epics in a restricted viewer's ranges", async () => {
    const { contextFor } = await site(uncertainEpics());

    const restricted = await getScopeRanges(contextFor(payTeam), {
      scope: { kind: 'all' },
      draws: 500,
      seed: 3,
    });
    const payOnly = await getScopeRanges(contextFor(admin), {
      scope: { kind: 'projects', projects: ['PAY'] },
      draws: 500,
      seed: 3,
    });

    expect(restricted.portfolio.epics).toBe(2);
    expect(Object.keys(restricted.byProject)).toEqual(['PAY']);
    expect(Object.keys(restricted.byProgramme)).toEqual(['PAY-100']);
    expect(restricted.portfolio).toEqual(payOnly.portfolio);
    expect(restricted.fan).toEqual(payOnly.fan);
    expect(restricted.byObjective['OBJ-GROW']?.epics).toBe(2);
  });

  it('returns P10 = P50 = P90 = the point NPV for a portfolio without spread', async () => {
    const { contextFor } = await site([
      anEpic('PAY-1', 10_000, 4_000, { ranges: NO_SPREAD }),
      anEpic('OPS-1', 80_000, 20_000, { ranges: NO_SPREAD }),
    ]);

    const ranges = await getScopeRanges(contextFor(admin), { scope: { kind: 'all' } });
    const point = await getPortfolio(contextFor(admin), { scope: { kind: 'all' } });

    expect(ranges.portfolio.npv).toEqual({
      p10: point.portfolio.npv,
      p50: point.portfolio.npv,
      p90: point.portfolio.npv,
    });
    expect(ranges.portfolio.totalCost.p50).toBe(point.portfolio.forecastCost);
    expect(ranges.portfolio.probabilityNpvBelowZero).toBe(0);
    for (const fanPoint of ranges.fan) {
      expect([fanPoint.p10, fanPoint.p50, fanPoint.p90]).toEqual([
        fanPoint.plan,
        fanPoint.plan,
        fanPoint.plan,
      ]);
    }
  });

  it('refuses a horizon before the as-of month, naming the field', async () => {
    const { contextFor } = await site(uncertainEpics());

    await expect(
      getScopeRanges(contextFor(admin), { scope: { kind: 'all' }, horizon: '2026-10' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [{ path: 'horizon' }] });
  });

  it('simulates fewer draws for a scope too large for 2,000, and says so in the answer', async () => {
    const { contextFor } = await site(uncertainEpics());

    const view = await getScopeRanges(
      contextFor(admin),
      { scope: { kind: 'all' } },
      { maxEpicDraws: 3 * 700 },
    );

    expect(view.draws).toBe(700);
  });

  it('refuses a scope too large even for the fewest draws, or more draws than fit, saying what to do', async () => {
    const { contextFor } = await site(uncertainEpics());

    const tooLarge = getScopeRanges(contextFor(admin), { scope: { kind: 'all' } }, { maxEpicDraws: 3 * 499 });
    await expect(tooLarge).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(tooLarge).rejects.toThrow(/Narrow the gadget's scope/);
    const tooMany = getScopeRanges(
      contextFor(admin),
      { scope: { kind: 'all' }, draws: 1000 },
      { maxEpicDraws: 3 * 700 },
    );
    await expect(tooMany).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(tooMany).rejects.toThrow(/at most 700 draws/);
  });
});
