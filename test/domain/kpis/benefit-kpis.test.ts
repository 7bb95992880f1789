import {
  costAvoidanceRealised,
  costSavingRealised,
  emptyTotals,
  plannedBenefit,
  plannedBenefitToDate,
  realisationRate,
  realisedBenefit,
  riskAdjustedBenefit,
  totalsOfEpics,
  verifiedShare,
} from '../../../src/domain';
import { aBenefit, anEpic, at, eur, realisedAt } from '../../fixtures/value-builders';

/*
 * One epic, probability 0.8:
 *   revenue planned 1,000 in each of 2026-02..2026-05,
 *           realised 900 (Feb, verified), 600 (Mar, estimated), 500 (Apr, measured)
 *   cost_saving planned 400 (Mar), realised 300 (Mar, verified)
 *   cost_avoidance planned 200 (Apr), realised 50 (Apr, verified)
 * All KPIs are as of 2026-03 unless a test says otherwise.
 */
const totals = totalsOfEpics({
  epics: [
    anEpic({
      value: {
        successProbability: 0.8,
        benefits: [
          aBenefit({
            kind: 'revenue',
            planned: ['2026-02', '2026-03', '2026-04', '2026-05'].map((month) => at(month, 1000)),
            realised: [
              realisedAt('2026-02', 900, 'verified'),
              realisedAt('2026-03', 600, 'estimated'),
              realisedAt('2026-04', 500, 'measured'),
            ],
          }),
          aBenefit({
            id: 'b2',
            kind: 'cost_saving',
            planned: [at('2026-03', 400)],
            realised: [realisedAt('2026-03', 300, 'verified')],
          }),
          aBenefit({
            id: 'b3',
            kind: 'cost_avoidance',
            planned: [at('2026-04', 200)],
            realised: [realisedAt('2026-04', 50, 'verified')],
          }),
        ],
      },
    }),
  ],
});
const asOf = '2026-03';
const empty = emptyTotals();

describe(plannedBenefit.name, () => {
  it('returns every planned amount whatever its month: 4 x 1000 + 400 + 200 = 4,600', () => {
    expect(plannedBenefit({ totals })).toBe(eur(4600));
  });

  it('returns 0 when nothing is planned', () => {
    expect(plannedBenefit({ totals: empty })).toBe(0);
  });
});

describe(plannedBenefitToDate.name, () => {
  it('returns planned amounts up to and including as-of: 1000 (Feb) + 1000 + 400 (Mar) = 2,400', () => {
    expect(plannedBenefitToDate({ totals, asOf })).toBe(eur(2400));
  });

  it('returns 0 when as-of is before the first planned month', () => {
    expect(plannedBenefitToDate({ totals, asOf: '2026-01' })).toBe(0);
  });

  it('returns everything planned when as-of is after the last month', () => {
    expect(plannedBenefitToDate({ totals, asOf: '2030-01' })).toBe(eur(4600));
  });
});

describe(realisedBenefit.name, () => {
  it('ignores entries after as-of: 900 + 600 + 300 = 1,800 (the April 500 and 50 do not exist yet)', () => {
    expect(realisedBenefit({ totals, asOf })).toBe(eur(1800));
  });

  it('includes them once as-of reaches their month: 1800 + 500 + 50 = 2,350', () => {
    expect(realisedBenefit({ totals, asOf: '2026-04' })).toBe(eur(2350));
  });
});

describe(realisationRate.name, () => {
  it('returns realised / planned to date: 1800 / 2400 = 0.75', () => {
    expect(realisationRate({ totals, asOf })).toEqual({ value: 0.75 });
  });

  it('returns NOTHING_PLANNED_TO_DATE when nothing is planned up to as-of', () => {
    expect(realisationRate({ totals, asOf: '2026-01' })).toEqual({
      value: null,
      reason: 'NOTHING_PLANNED_TO_DATE',
    });
    expect(realisationRate({ totals: empty, asOf })).toEqual({
      value: null,
      reason: 'NOTHING_PLANNED_TO_DATE',
    });
  });
});

describe(riskAdjustedBenefit.name, () => {
  it('returns realised to date plus probability x planned after: 1800 + 0.8 x (1000 + 200 + 1000) = 3,560', () => {
    expect(riskAdjustedBenefit({ totals, asOf })).toBe(eur(3560));
  });

  it('returns only what was realised once nothing is planned after as-of', () => {
    expect(riskAdjustedBenefit({ totals, asOf: '2026-12' })).toBe(eur(2350));
  });

  it('returns 0 for no epics', () => {
    expect(riskAdjustedBenefit({ totals: empty, asOf })).toBe(0);
  });
});

describe(costSavingRealised.name, () => {
  it('returns the realised cost savings to date: 300', () => {
    expect(costSavingRealised({ totals, asOf })).toBe(eur(300));
  });
});

describe(costAvoidanceRealised.name, () => {
  it('returns 0 before the avoidance is realised, and keeps it apart from savings after', () => {
    expect(costAvoidanceRealised({ totals, asOf })).toBe(0);
    expect(costAvoidanceRealised({ totals, asOf: '2026-04' })).toBe(eur(50));
    expect(costSavingRealised({ totals, asOf: '2026-04' })).toBe(eur(300));
  });
});

describe(verifiedShare.name, () => {
  it('returns the verified part of the realised benefit: (900 + 300) / 1800 = 2/3', () => {
    expect(verifiedShare({ totals, asOf })).toEqual({ value: 1200 / 1800 });
  });

  it('counts verified entries after as-of only once as-of reaches them: (1200 + 50) / 2350', () => {
    expect(verifiedShare({ totals, asOf: '2026-04' })).toEqual({ value: 1250 / 2350 });
  });

  it('returns NO_REALISED_BENEFIT when nothing has been realised', () => {
    expect(verifiedShare({ totals, asOf: '2026-01' })).toEqual({
      value: null,
      reason: 'NO_REALISED_BENEFIT',
    });
  });
});
