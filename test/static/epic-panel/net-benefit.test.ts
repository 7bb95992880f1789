import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { chartPoints } from '../../../static/src/features/epic-panel/chart-data';
import { toDraft } from '../../../static/src/features/epic-panel/draft';
import {
  benefitSignOf,
  benefitTotalsOf,
  negativeMoney,
} from '../../../static/src/features/epic-panel/net-benefit';
import { EMPTY_VALUE } from './panel-fixtures';

const value: EpicValueDocument = {
  ...EMPTY_VALUE,
  benefits: [
    {
      id: 'uplift',
      kind: 'revenue',
      title: 'Uplift',
      planned: [
        { month: '2026-01', amount: 1000.1 },
        { month: '2026-02', amount: 1000.2 },
      ],
      realised: [
        { month: '2026-01', amount: 800.1, evidence: 'measured' },
        { month: '2026-03', amount: 500, evidence: 'measured' },
      ],
    },
    {
      id: 'loss',
      kind: 'dis_benefit',
      title: 'Sales lost in the migration',
      planned: [{ month: '2026-02', amount: 1500.3 }],
      realised: [
        { month: '2026-02', amount: 900.2, evidence: 'measured' },
        { month: '2026-04', amount: 50, evidence: 'estimated' },
      ],
    },
  ],
};

describe('benefitSignOf', () => {
  it('returns −1 for a dis-benefit and +1 for every other kind, as the server nets them', () => {
    expect(benefitSignOf('dis_benefit')).toBe(-1);
    for (const kind of [
      'revenue',
      'cost_saving',
      'cost_avoidance',
      'risk_reduction',
      'customer',
      'strategic',
    ])
      expect(benefitSignOf(kind)).toBe(1);
  });
});

describe('benefitTotalsOf', () => {
  it('sums benefits and dis-benefits apart, in minor units, and nets them', () => {
    expect(benefitTotalsOf(toDraft(value, 2).benefits, { decimals: 2, currency: 'EUR' })).toEqual({
      benefitPlanned: 200030,
      benefitRealised: 130010,
      disBenefitPlanned: 150030,
      disBenefitRealised: 95020,
      netPlanned: 50000,
      netRealised: 34990,
    });
  });

  it('returns a negative net when dis-benefits outweigh benefits', () => {
    const draft = toDraft({ ...value, benefits: value.benefits.slice(1) }, 2);
    const totals = benefitTotalsOf(draft.benefits, { decimals: 2, currency: 'EUR' });
    expect(totals.netPlanned).toBe(-150030);
    expect(totals.benefitPlanned).toBe(0);
  });
});

describe('chartPoints', () => {
  it('returns running net benefit: dis-benefits subtracted month by month, realised up to the as-of month', () => {
    expect(chartPoints(value, '2026-03', 2)).toEqual([
      {
        month: '2026-01',
        planned: 1000.1,
        realised: 800.1,
        cumulativePlanned: 1000.1,
        cumulativeRealised: 800.1,
      },
      {
        month: '2026-02',
        planned: -500.1,
        realised: -900.2,
        cumulativePlanned: 500,
        cumulativeRealised: -100.1,
      },
      { month: '2026-03', planned: 0, realised: 500, cumulativePlanned: 500, cumulativeRealised: 399.9 },
    ]);
  });
});

describe('negativeMoney', () => {
  it('returns a dis-benefit’s size as what it takes away, and zero as zero', () => {
    expect(negativeMoney(123456, 2, 'EUR')).toBe(
      `−${(1234.56).toLocaleString(undefined, { style: 'currency', currency: 'EUR' })}`,
    );
    expect(negativeMoney(0, 2, 'EUR')).toBe(
      (0).toLocaleString(undefined, { style: 'currency', currency: 'EUR' }),
    );
  });
});
