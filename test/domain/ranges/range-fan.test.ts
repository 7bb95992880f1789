import { fanMonths, fanOf, fanScopes, simulateRangeDraws } from '../../../src/domain/ranges';
import { aBenefit, anEpic, at, eur } from '../../fixtures/value-builders';

describe('fanMonths', () => {
  it('returns every month from the first to the last when they fit', () => {
    expect(fanMonths('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('returns every k-th month, and always the last, when more months than points', () => {
    const months = fanMonths('2026-01', '2035-12', 24);

    expect(months.length).toBeLessThanOrEqual(24);
    expect(months[0]).toBe('2026-01');
    expect(months.at(-1)).toBe('2035-12');
  });
});

describe('fanOf', () => {
  it('returns the cumulative plan and its percentiles by each month, the plan itself without spread', () => {
    const epic = anEpic({
      key: 'FAN-1',
      value: { benefits: [aBenefit({ id: 'b1', planned: [at('2026-04', 1000), at('2026-06', 500)] })] },
    });
    const scope = { id: 'portfolio', members: [{ epicKey: 'FAN-1', weight: 1 }], target: null };
    const months = ['2026-03', '2026-04', '2026-05', '2026-06'];
    const draws = simulateRangeDraws({
      epics: [epic],
      rangesByEpic: new Map([
        [
          'FAN-1',
          {
            benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 100, likely: 100, high: 100 }],
            costOverrun: null,
          },
        ],
      ]),
      scopes: [scope, ...fanScopes(scope, months)],
      asOf: '2026-03',
      horizon: '2026-06',
      discountRate: 0,
      draws: 50,
      seed: 1,
      correlation: 0,
    });

    const fan = fanOf({ draws, epics: [epic], scope, months, asOf: '2026-03' });

    expect(fan.map((point) => [point.month, point.plan, point.p10, point.p50, point.p90])).toEqual([
      ['2026-03', 0, 0, 0, 0],
      ['2026-04', eur(1000), eur(1000), eur(1000), eur(1000)],
      ['2026-05', eur(1000), eur(1000), eur(1000), eur(1000)],
      ['2026-06', eur(1500), eur(1500), eur(1500), eur(1500)],
    ]);
  });
});
