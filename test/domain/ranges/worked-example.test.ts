import { roundHalfEven } from '../../../src/domain';
import { simulateRanges, triangularQuantile, type RangeSimulation } from '../../../src/domain/ranges';
import { aBenefit, anEpic, at, eur } from '../../fixtures/value-builders';

/*
 * The worked example of docs/kpis.md, "Risk ranges": the exact quantiles worked out by hand there,
 * and the simulation converging on them at 100,000 draws.
 */
const risk1 = anEpic({
  key: 'RISK-1',
  value: {
    successProbability: 0.8,
    objectives: [{ id: 'OBJ-R', share: 1 }],
    benefits: [aBenefit({ id: 'b1', planned: [at('2026-04', 1000)] })],
    costs: { planned: [], actual: [at('2026-02', 600)] },
  },
});
const risk2 = anEpic({
  key: 'RISK-2',
  value: { costs: { planned: [at('2026-05', 400)], actual: [at('2026-02', 600)] } },
});

const scope = (key: string) => ({ id: key, members: [{ epicKey: key, weight: 1 }], target: null });
let result: RangeSimulation;

beforeAll(() => {
  result = simulateRanges({
    epics: [risk1, risk2],
    rangesByEpic: new Map([
      [
        'RISK-1',
        {
          benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 50, likely: 100, high: 125 }],
          costOverrun: null,
        },
      ],
      ['RISK-2', { benefits: [], costOverrun: { low: -10, likely: 0, high: 50 } }],
    ]),
    scopes: [
      scope('RISK-1'),
      scope('RISK-2'),
      {
        id: 'objective:OBJ-R',
        members: [{ epicKey: 'RISK-1', weight: 1 }],
        target: { amount: eur(900), month: '2026-12' },
      },
    ],
    asOf: '2026-03',
    horizon: '2026-12',
    discountRate: 0,
    draws: 100_000,
    seed: 17,
    correlation: 0,
  });
});

/** The exact p-quantile of RISK-1's NPV: -600 + 1000 f, with f at (p - 0.2) / 0.8 of its range. */
const npvQuantile = (p: number) =>
  roundHalfEven(eur(1000) * triangularQuantile(0.5, 1, 1.25, (p - 0.2) / 0.8) - eur(600));
/** The exact p-quantile of RISK-2's cost: 600 + 400 g. */
const costQuantile = (p: number) => roundHalfEven(eur(600) + eur(400) * triangularQuantile(0.9, 1, 1.5, p));

describe('the risk-ranges worked example', () => {
  it('has the exact quantiles the documentation works out', () => {
    expect([npvQuantile(0.5), npvQuantile(0.9)]).toEqual([eur(275), eur(496.91)]);
    expect([costQuantile(0.1), costQuantile(0.5), costQuantile(0.9)]).toEqual([
      eur(990.98),
      eur(1045.08),
      eur(1130.72),
    ]);
  });

  it('returns P10 -600.00 exactly, and P50, P90 of NPV within 5.00 of 275.00 and 496.91', () => {
    const npv = result.scopes[0]?.npv;
    expect(npv?.p10).toBe(eur(600) * -1);
    expect(Math.abs((npv?.p50 ?? 0) - npvQuantile(0.5))).toBeLessThan(eur(5));
    expect(Math.abs((npv?.p90 ?? 0) - npvQuantile(0.9))).toBeLessThan(eur(5));
  });

  it('returns P(NPV < 0) near 0.2 + 0.8 x 0.1² / (0.75 x 0.5) = 0.2213', () => {
    const exact = 0.2 + (0.8 * 0.1 ** 2) / (0.75 * 0.5);
    expect(exact).toBeCloseTo(0.2213, 4);
    expect(Math.abs((result.scopes[0]?.probabilityNpvBelowZero ?? 0) - exact)).toBeLessThan(
      4 * Math.sqrt((exact * (1 - exact)) / 100_000),
    );
  });

  it('returns the cost percentiles within 2.00 of 990.98, 1,045.08 and 1,130.72', () => {
    const cost = result.scopes[1]?.totalCost;
    expect(Math.abs((cost?.p10 ?? 0) - costQuantile(0.1))).toBeLessThan(eur(2));
    expect(Math.abs((cost?.p50 ?? 0) - costQuantile(0.5))).toBeLessThan(eur(2));
    expect(Math.abs((cost?.p90 ?? 0) - costQuantile(0.9))).toBeLessThan(eur(2));
  });

  it('returns P(target 900.00 reached) near 0.8 x (1 - 0.4² / (0.75 x 0.5)) = 0.4587', () => {
    const exact = 0.8 * (1 - 0.4 ** 2 / (0.75 * 0.5));
    expect(exact).toBeCloseTo(0.4587, 4);
    const reached = result.scopes[2]?.probabilityTargetReached ?? -1;
    expect(Math.abs(reached - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 100_000));
    expect(result.scopes[0]?.probabilityTargetReached).toBeNull();
  });
});
