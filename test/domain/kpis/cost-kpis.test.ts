import {
  actualCost,
  costBudget,
  emptyTotals,
  expectedRoi,
  forecastCost,
  roi,
  totalsOfEpics,
  valueForMoney,
} from '../../../src/domain';
import { aBenefit, anEpic, at, eur, realisedAt } from '../../fixtures/value-builders';

/*
 * One epic, probability 0.5:
 *   costs planned 2,000 (Jan), 1,000 (Feb), 500 (Apr); actual 2,100 (Jan), 800 (Feb), 100 (Apr)
 *   benefit planned 1,000 (Mar), 3,000 (May); realised 1,200 (Mar)
 * As of 2026-03.
 */
const totals = totalsOfEpics({
  epics: [
    anEpic({
      value: {
        successProbability: 0.5,
        benefits: [
          aBenefit({
            planned: [at('2026-03', 1000), at('2026-05', 3000)],
            realised: [realisedAt('2026-03', 1200)],
          }),
        ],
        costs: {
          planned: [at('2026-01', 2000), at('2026-02', 1000), at('2026-04', 500)],
          actual: [at('2026-01', 2100), at('2026-02', 800), at('2026-04', 100)],
        },
      },
    }),
  ],
});
const asOf = '2026-03';
const nothingSpent = totalsOfEpics({
  epics: [anEpic({ value: { benefits: [aBenefit({ realised: [realisedAt('2026-01', 10)] })] } })],
});

describe(costBudget.name, () => {
  it('returns every planned cost: 2000 + 1000 + 500 = 3,500', () => {
    expect(costBudget({ totals })).toBe(eur(3500));
  });

  it('returns 0 without planned costs', () => {
    expect(costBudget({ totals: emptyTotals() })).toBe(0);
  });
});

describe(actualCost.name, () => {
  it('returns actual costs up to as-of: 2100 + 800 = 2,900 (the April 100 does not exist yet)', () => {
    expect(actualCost({ totals, asOf })).toBe(eur(2900));
  });
});

describe(forecastCost.name, () => {
  it('returns actual to date plus planned after as-of: 2900 + 500 = 3,400', () => {
    expect(forecastCost({ totals, asOf })).toBe(eur(3400));
  });

  it('returns only actual costs once nothing is planned after as-of: 2100 + 800 + 100 = 3,000', () => {
    expect(forecastCost({ totals, asOf: '2026-04' })).toBe(eur(3000));
  });

  it('returns the whole plan before anything is spent', () => {
    expect(forecastCost({ totals, asOf: '2025-12' })).toBe(eur(3500));
  });
});

describe(roi.name, () => {
  it('returns (realised - actual) / actual: (1200 - 2900) / 2900', () => {
    expect(roi({ totals, asOf })).toEqual({ value: (1200 - 2900) / 2900 });
  });

  it('returns NO_ACTUAL_COST when nothing has been spent (zero cost)', () => {
    expect(roi({ totals: nothingSpent, asOf })).toEqual({ value: null, reason: 'NO_ACTUAL_COST' });
  });
});

describe(expectedRoi.name, () => {
  it('returns (risk-adjusted - forecast) / forecast: (1200 + 0.5 x 3000 - 3400) / 3400 = -0.2059', () => {
    expect(expectedRoi({ totals, asOf })).toEqual({ value: (2700 - 3400) / 3400 });
  });

  it('returns NO_FORECAST_COST when there is no cost past or planned', () => {
    expect(expectedRoi({ totals: nothingSpent, asOf })).toEqual({ value: null, reason: 'NO_FORECAST_COST' });
  });
});

describe(valueForMoney.name, () => {
  it('returns risk-adjusted benefit / forecast cost: 2700 / 3400', () => {
    expect(valueForMoney({ totals, asOf })).toEqual({ value: 2700 / 3400 });
  });

  it('returns NO_FORECAST_COST when there is no cost past or planned', () => {
    expect(valueForMoney({ totals: emptyTotals(), asOf })).toEqual({
      value: null,
      reason: 'NO_FORECAST_COST',
    });
  });
});
