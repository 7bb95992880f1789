import { mergeTotals, realisationRate, totalsOfEpic, totalsOfEpics, type Epic } from '../../../src/domain';
import { baselineRealisationRate } from '../../../src/domain/kpis/baseline-realisation-rate';
import { forecastDrift } from '../../../src/domain/kpis/forecast-drift';
import type { ApprovedBaseline, BaselineBenefit } from '../../../src/domain/model/baseline';
import { aBenefit, anEpic, at, realisedAt } from '../../fixtures/value-builders';

/*
 * Realisation against the approved baseline and forecast drift (issue #15), on examples worked by
 * hand. The baseline of CUT-1 approved 1,000.00 a month for 2026-01..04 (4,000.00); the plan was
 * later cut to 500.00 a month (2,000.00); 600.00 was realised in January and 400.00 in February,
 * 300.00 in March.
 */

function aBaseline(benefits: BaselineBenefit[], overrides: Partial<ApprovedBaseline> = {}): ApprovedBaseline {
  return {
    version: 1,
    approvedBy: 'approver-1',
    approvedAt: '2026-01-05T09:00:00.000Z',
    successProbability: 0.8,
    benefits,
    plannedCost: [at('2026-01', 3000)],
    ...overrides,
  };
}

const months = ['2026-01', '2026-02', '2026-03', '2026-04'];

const cut: Epic = anEpic({
  key: 'CUT-1',
  value: {
    benefits: [
      aBenefit({
        planned: months.map((month) => at(month, 500)),
        realised: [realisedAt('2026-01', 600), realisedAt('2026-02', 400), realisedAt('2026-03', 300)],
      }),
    ],
    baseline: aBaseline([{ id: 'b1', kind: 'revenue', planned: months.map((month) => at(month, 1000)) }]),
  },
});

/** An epic without a baseline, with a plan and realised benefit of its own. */
const unapproved: Epic = anEpic({
  key: 'NEW-1',
  value: {
    benefits: [aBenefit({ planned: [at('2026-02', 7000)], realised: [realisedAt('2026-02', 9000)] })],
  },
});

describe(baselineRealisationRate.name, () => {
  it('returns realised / approved plan to date: (600 + 400) / (1,000 + 1,000) = 0.5 as of February', () => {
    const totals = totalsOfEpic({ epic: cut });
    expect(baselineRealisationRate({ totals, asOf: '2026-02' })).toEqual({ value: 0.5 });
    // Against the current (cut) plan the same epic looks on plan: 1,000 / (500 + 500) = 1.
    expect(realisationRate({ totals, asOf: '2026-02' })).toEqual({ value: 1 });
  });

  it('counts months up to as-of only: (600 + 400 + 300) / 3,000 as of March', () => {
    expect(baselineRealisationRate({ totals: totalsOfEpic({ epic: cut }), asOf: '2026-03' })).toEqual({
      value: 1300 / 3000,
    });
  });

  it('leaves epics without a baseline out of both sides', () => {
    const totals = totalsOfEpics({ epics: [cut, unapproved] });
    expect(baselineRealisationRate({ totals, asOf: '2026-02' })).toEqual({ value: 0.5 });
  });

  it('nets dis-benefits on both sides: (1,000 - 100) / (2,000 - 2 x 250) = 0.6', () => {
    const epic = anEpic({
      value: {
        ...cut.value,
        benefits: [
          ...cut.value.benefits,
          aBenefit({ id: 'b2', kind: 'dis_benefit', realised: [realisedAt('2026-02', 100)] }),
        ],
        baseline: aBaseline([
          { id: 'b1', kind: 'revenue', planned: months.map((month) => at(month, 1000)) },
          { id: 'b2', kind: 'dis_benefit', planned: [at('2026-01', 250), at('2026-02', 250)] },
        ]),
      },
    });
    expect(baselineRealisationRate({ totals: totalsOfEpic({ epic }), asOf: '2026-02' })).toEqual({
      value: 900 / 1500,
    });
  });

  it('returns NO_APPROVED_BASELINE when no epic of the scope has a baseline', () => {
    expect(baselineRealisationRate({ totals: totalsOfEpic({ epic: unapproved }), asOf: '2026-02' })).toEqual({
      value: null,
      reason: 'NO_APPROVED_BASELINE',
    });
  });

  it('returns NOTHING_PLANNED_TO_DATE before the approved plan starts, and for a baseline of costs only', () => {
    expect(baselineRealisationRate({ totals: totalsOfEpic({ epic: cut }), asOf: '2025-12' })).toEqual({
      value: null,
      reason: 'NOTHING_PLANNED_TO_DATE',
    });
    const costsOnly = anEpic({ value: { ...cut.value, baseline: aBaseline([]) } });
    expect(baselineRealisationRate({ totals: totalsOfEpic({ epic: costsOnly }), asOf: '2026-02' })).toEqual({
      value: null,
      reason: 'NOTHING_PLANNED_TO_DATE',
    });
  });

  it('returns NET_PLAN_NEGATIVE when the approved dis-benefits to date outweigh the approved benefits', () => {
    const epic = anEpic({
      value: {
        ...cut.value,
        baseline: aBaseline([
          { id: 'b1', kind: 'revenue', planned: [at('2026-01', 100), at('2026-04', 5000)] },
          { id: 'b2', kind: 'dis_benefit', planned: [at('2026-01', 300)] },
        ]),
      },
    });
    const totals = totalsOfEpic({ epic });
    expect(baselineRealisationRate({ totals, asOf: '2026-02' })).toEqual({
      value: null,
      reason: 'NET_PLAN_NEGATIVE',
    });
    // Once April's approved 5,000 is to date the net plan is positive: 1,300 / (100 - 300 + 5,000).
    expect(baselineRealisationRate({ totals, asOf: '2026-04' })).toEqual({ value: 1300 / 4800 });
  });

  it('gives the same figure on merged totals as on the totals of all the epics', () => {
    const other = anEpic({
      key: 'CUT-2',
      project: 'OPS',
      value: {
        benefits: [aBenefit({ realised: [realisedAt('2026-01', 500)] })],
        baseline: aBaseline([{ id: 'b1', kind: 'customer', planned: [at('2026-01', 1000)] }]),
      },
    });
    const merged = mergeTotals(totalsOfEpic({ epic: cut }), totalsOfEpic({ epic: other }));
    // (600 + 400 + 500) / (2,000 + 1,000)
    expect(baselineRealisationRate({ totals: merged, asOf: '2026-02' })).toEqual({ value: 0.5 });
    expect(merged.baseline.epicCount).toBe(2);
  });
});

describe(forecastDrift.name, () => {
  it('returns (current plan - approved plan) / approved plan: (2,000 - 4,000) / 4,000 = -0.5', () => {
    expect(forecastDrift({ totals: totalsOfEpic({ epic: cut }), asOf: '2026-02' })).toEqual({ value: -0.5 });
  });

  it('does not depend on the as-of month', () => {
    const totals = totalsOfEpic({ epic: cut });
    expect(forecastDrift({ totals, asOf: '2025-06' })).toEqual(forecastDrift({ totals, asOf: '2027-06' }));
  });

  it('is positive when the plan grew since approval, and leaves epics without a baseline out', () => {
    const grown = anEpic({
      value: {
        benefits: [aBenefit({ planned: months.map((month) => at(month, 1250)) })],
        baseline: cut.value.baseline,
      },
    });
    // (5,000 - 4,000) / 4,000
    expect(forecastDrift({ totals: totalsOfEpics({ epics: [grown, unapproved] }), asOf: '2026-02' })).toEqual(
      {
        value: 0.25,
      },
    );
  });

  it('nets dis-benefits added since approval: (2,000 - 1,000 - 4,000) / 4,000 = -0.75', () => {
    const epic = anEpic({
      value: {
        ...cut.value,
        benefits: [
          ...cut.value.benefits,
          aBenefit({ id: 'b2', kind: 'dis_benefit', planned: [at('2026-03', 1000)] }),
        ],
      },
    });
    expect(forecastDrift({ totals: totalsOfEpic({ epic }), asOf: '2026-02' })).toEqual({ value: -0.75 });
  });

  it('returns NO_APPROVED_BASELINE when no epic of the scope has a baseline', () => {
    expect(forecastDrift({ totals: totalsOfEpic({ epic: unapproved }), asOf: '2026-02' })).toEqual({
      value: null,
      reason: 'NO_APPROVED_BASELINE',
    });
  });

  it('returns NO_APPROVED_BENEFIT for a baseline of costs only', () => {
    const costsOnly = anEpic({ value: { ...cut.value, baseline: aBaseline([]) } });
    expect(forecastDrift({ totals: totalsOfEpic({ epic: costsOnly }), asOf: '2026-02' })).toEqual({
      value: null,
      reason: 'NO_APPROVED_BENEFIT',
    });
  });

  it('returns NET_PLAN_NEGATIVE when the approved dis-benefits outweigh the approved benefits', () => {
    const epic = anEpic({
      value: {
        ...cut.value,
        baseline: aBaseline([
          { id: 'b1', kind: 'revenue', planned: [at('2026-01', 100)] },
          { id: 'b2', kind: 'dis_benefit', planned: [at('2026-02', 300)] },
        ]),
      },
    });
    expect(forecastDrift({ totals: totalsOfEpic({ epic }), asOf: '2026-02' })).toEqual({
      value: null,
      reason: 'NET_PLAN_NEGATIVE',
    });
  });
});
