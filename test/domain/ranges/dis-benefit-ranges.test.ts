import { npv, totalsOfEpic } from '../../../src/domain';
import { simulateRanges } from '../../../src/domain/ranges';
import { aBenefit, anEpic, at, eur, realisedAt } from '../../fixtures/value-builders';

/*
 * Risk ranges net dis-benefits (issue #15) as the point KPIs do. DIS-R, probability 1, discount
 * rate 0, as of 2026-03: revenue realised 500 (February) and planned 1,000 (April); dis-benefit
 * realised 100 (February) and planned 300 (April); cost 600 actual (February). No spread anywhere,
 * so every draw is the point figure: NPV = 500 - 100 - 600 + 1,000 - 300 = 500.
 */
const epic = anEpic({
  key: 'DIS-R',
  value: {
    benefits: [
      aBenefit({ id: 'b1', planned: [at('2026-04', 1000)], realised: [realisedAt('2026-02', 500)] }),
      aBenefit({
        id: 'b2',
        kind: 'dis_benefit',
        title: 'Extra support load',
        planned: [at('2026-04', 300)],
        realised: [realisedAt('2026-02', 100)],
      }),
    ],
    costs: { planned: [], actual: [at('2026-02', 600)] },
  },
});

const exact = { low: 100, likely: 100, high: 100 };

function simulate(spreadOnDisBenefit = exact) {
  return simulateRanges({
    epics: [epic],
    rangesByEpic: new Map([
      [
        'DIS-R',
        {
          benefits: [
            { benefitId: 'b1', basis: 'percentOfPlan' as const, ...exact },
            { benefitId: 'b2', basis: 'percentOfPlan' as const, ...spreadOnDisBenefit },
          ],
          costOverrun: { low: 0, likely: 0, high: 0 },
        },
      ],
    ]),
    scopes: [
      {
        id: 'DIS-R',
        members: [{ epicKey: 'DIS-R', weight: 1 }],
        target: { amount: eur(1200), month: '2026-12' },
      },
    ],
    asOf: '2026-03',
    horizon: '2026-12',
    discountRate: 0,
    draws: 1000,
    seed: 3,
    correlation: 0,
  }).scopes[0];
}

describe('risk ranges with dis-benefits', () => {
  it('subtracts the dis-benefits from NPV and from the benefit by the horizon, as the point KPIs do', () => {
    const scope = simulate();
    expect(scope?.npv).toEqual({ p10: eur(500), p50: eur(500), p90: eur(500) });
    expect(npv({ totals: totalsOfEpic({ epic }), asOf: '2026-03', discountRate: 0 })).toBe(eur(500));
    // 500 - 100 realised + 1,000 - 300 planned by December.
    expect(scope?.benefitByHorizon).toEqual({ p10: eur(1100), p50: eur(1100), p90: eur(1100) });
    expect(scope?.probabilityNpvBelowZero).toBe(0);
    // The target of 1,200 by December is never reached (1,100); counting the dis-benefits as
    // benefit (1,500) would reach it in every draw.
    expect(scope?.probabilityTargetReached).toBe(0);
  });

  it('draws a larger dis-benefit as a lower NPV: a dis-benefit of 300 to 1,500 (100% to 500%) sinks it below 0 sometimes', () => {
    const scope = simulate({ low: 100, likely: 100, high: 500 });
    // NPV = 1,100 - 300 f - 600 with f in [1, 5]: from 500 down to -700.
    expect(scope?.npv.p90).toBeLessThanOrEqual(eur(500));
    expect(scope?.npv.p10).toBeLessThan(0);
    expect(scope?.probabilityNpvBelowZero).toBeGreaterThan(0);
  });
});
