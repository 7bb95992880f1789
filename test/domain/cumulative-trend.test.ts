import { epicFromRecord } from '../../src/domain/model/epic-from-record';
import { cumulativeTrend } from '../../src/domain/report/cumulative-trend';
import { totalsOfEpic } from '../../src/domain/totals/totals-of-epics';
import { emptyTotals } from '../../src/domain/totals/value-totals';

const epic = epicFromRecord({
  currencyExponent: 2,
  epic: {
    key: 'PAY-1',
    summary: 'x',
    project: 'PAY',
    programme: null,
    status: 'in_progress',
    value: {
      successProbability: 1,
      objectives: [],
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Sales',
          planned: [
            { month: '2026-01', amount: 100 },
            { month: '2026-03', amount: 50 },
          ],
          realised: [
            { month: '2026-02', amount: 80, evidence: 'measured' },
            { month: '2026-03', amount: 30, evidence: 'measured' },
          ],
        },
      ],
      costs: { planned: [{ month: '2026-01', amount: 10 }], actual: [] },
      nps: null,
    },
  },
});

describe('cumulativeTrend', () => {
  it('accumulates plan and actuals month by month, with actuals only up to the as-of month', () => {
    const trend = cumulativeTrend({ totals: totalsOfEpic({ epic }), asOf: '2026-02' });

    expect(trend).toEqual([
      { month: '2026-01', plannedBenefit: 10000, plannedCost: 1000, realisedBenefit: 0, actualCost: 0 },
      { month: '2026-02', plannedBenefit: 10000, plannedCost: 1000, realisedBenefit: 8000, actualCost: 0 },
      { month: '2026-03', plannedBenefit: 15000, plannedCost: 1000, realisedBenefit: null, actualCost: null },
    ]);
  });

  it('extends to the as-of month when it is after the last entry', () => {
    const trend = cumulativeTrend({ totals: totalsOfEpic({ epic }), asOf: '2026-05' });

    expect(trend.map((point) => point.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(trend.at(-1)).toMatchObject({ plannedBenefit: 15000, realisedBenefit: 11000 });
  });

  it('returns no points when there is no money at all', () => {
    expect(cumulativeTrend({ totals: emptyTotals(), asOf: '2026-05' })).toEqual([]);
  });
});
