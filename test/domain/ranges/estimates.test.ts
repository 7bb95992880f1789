import { eur, aBenefit, anEpic, at, realisedAt } from '../../fixtures/value-builders';
import {
  benefitEvidenceGrade,
  DEFAULT_BENEFIT_RANGE_PCT,
  DEFAULT_COST_OVERRUN_PCT,
  epicRangesFromRecord,
  NO_EPIC_RANGES,
  portfolioRangeScopes,
  resolveEpicRanges,
  simulateRanges,
} from '../../../src/domain/ranges';
import { epicFromRecord } from '../../../src/domain';

const planned = [at('2026-04', 600), at('2026-05', 400)];

describe(benefitEvidenceGrade.name, () => {
  it('returns the weakest grade realised up to as-of, and estimated when nothing is realised', () => {
    const benefit = aBenefit({
      planned,
      realised: [
        realisedAt('2026-01', 10, 'verified'),
        realisedAt('2026-02', 10, 'measured'),
        realisedAt('2026-05', 1, 'estimated'),
      ],
    });
    expect(benefitEvidenceGrade({ benefit, asOf: '2026-03' })).toBe('measured');
    expect(benefitEvidenceGrade({ benefit, asOf: '2026-05' })).toBe('estimated');
    expect(benefitEvidenceGrade({ benefit: aBenefit({ planned }), asOf: '2026-03' })).toBe('estimated');
  });
});

describe(resolveEpicRanges.name, () => {
  it('marks defaults as defaults and derives them from the evidence grade', () => {
    const epic = anEpic({
      value: {
        benefits: [aBenefit({ id: 'b1', planned, realised: [realisedAt('2026-02', 5, 'verified')] })],
      },
    });
    const resolved = resolveEpicRanges({ epic, ranges: NO_EPIC_RANGES, asOf: '2026-03' });
    const verified = DEFAULT_BENEFIT_RANGE_PCT.verified;
    expect(resolved.benefits).toEqual([
      {
        benefitId: 'b1',
        factors: { low: verified.low / 100, likely: verified.likely / 100, high: verified.high / 100 },
        source: 'default',
        evidence: 'verified',
      },
    ]);
    const overrun = DEFAULT_COST_OVERRUN_PCT.verified;
    expect(resolved.costOverrun).toEqual({
      factors: { low: 1 + overrun.low / 100, likely: 1 + overrun.likely / 100, high: 1 + overrun.high / 100 },
      source: 'default',
      evidence: 'verified',
    });
  });

  it('turns entered percentages and amounts into multiples of plan, marked entered', () => {
    const epic = anEpic({
      value: { benefits: [aBenefit({ id: 'b1', planned }), aBenefit({ id: 'b2', planned })] },
    });
    const resolved = resolveEpicRanges({
      epic,
      asOf: '2026-03',
      ranges: {
        benefits: [
          { benefitId: 'b1', basis: 'percentOfPlan', low: 60, likely: 100, high: 130 },
          { benefitId: 'b2', basis: 'amount', low: eur(500), likely: eur(1000), high: eur(1500) },
        ],
        costOverrun: { low: -10, likely: 0, high: 50 },
      },
    });
    expect(resolved.benefits.map((benefit) => [benefit.factors, benefit.source])).toEqual([
      [{ low: 0.6, likely: 1, high: 1.3 }, 'entered'],
      [{ low: 0.5, likely: 1, high: 1.5 }, 'entered'],
    ]);
    expect(resolved.costOverrun.factors).toEqual({ low: 0.9, likely: 1, high: 1.5 });
    expect(resolved.costOverrun.source).toBe('entered');
  });

  it('ignores ranges of benefits the epic no longer has, and scales nothing when nothing is planned', () => {
    const epic = anEpic({ value: { benefits: [aBenefit({ id: 'b1' })] } });
    const resolved = resolveEpicRanges({
      epic,
      asOf: '2026-03',
      ranges: {
        benefits: [
          { benefitId: 'gone', basis: 'percentOfPlan', low: 1, likely: 2, high: 3 },
          { benefitId: 'b1', basis: 'amount', low: eur(1), likely: eur(2), high: eur(3) },
        ],
        costOverrun: null,
      },
    });
    expect(resolved.benefits).toHaveLength(1);
    expect(resolved.benefits[0]?.factors).toEqual({ low: 1, likely: 1, high: 1 });
  });
});

describe(epicRangesFromRecord.name, () => {
  it('converts amount ranges to minor units and keeps percentages', () => {
    const ranges = epicRangesFromRecord({
      currencyExponent: 2,
      ranges: {
        benefits: [
          { benefitId: 'b1', basis: 'amount', low: 500.5, likely: 1000, high: 1500.25 },
          { benefitId: 'b2', basis: 'percentOfPlan', low: 62.5, likely: 100, high: 110 },
        ],
        costOverrun: { low: -5, likely: 0, high: 20 },
      },
    });
    expect(ranges.benefits).toEqual([
      { benefitId: 'b1', basis: 'amount', low: 50050, likely: 100000, high: 150025 },
      { benefitId: 'b2', basis: 'percentOfPlan', low: 62.5, likely: 100, high: 110 },
    ]);
  });
});

describe('ranges carried on the value record', () => {
  const record = {
    key: 'PAY-9',
    summary: 'Ranged',
    project: 'PAY',
    programme: null,
    status: 'in_progress' as const,
    value: {
      successProbability: 1,
      objectives: [],
      benefits: [
        {
          id: 'b1',
          kind: 'revenue' as const,
          title: 'Checkout',
          planned: [{ month: '2026-04', amount: 1000 }],
          realised: [],
        },
      ],
      costs: { planned: [], actual: [] },
      nps: null,
      ranges: {
        benefits: [{ benefitId: 'b1', basis: 'amount' as const, low: 500.25, likely: 1000, high: 1000 }],
        costOverrun: null,
      },
    },
  };

  it('converts the record amount ranges to minor units with the rest of the epic', () => {
    const epic = epicFromRecord({ epic: record, currencyExponent: 2 });
    expect(epic.value.ranges?.benefits[0]).toMatchObject({ low: 50_025, likely: 100_000, high: 100_000 });
    expect(
      epicFromRecord({
        epic: { ...record, value: { ...record.value, ranges: undefined } },
        currencyExponent: 2,
      }).value.ranges,
    ).toBeUndefined();
  });

  it('simulates with the ranges the epic carries when none are passed by key', () => {
    const epic = epicFromRecord({ epic: record, currencyExponent: 2 });
    const result = simulateRanges({
      epics: [epic],
      rangesByEpic: new Map(),
      scopes: portfolioRangeScopes({ epics: [epic], objectives: [] }),
      asOf: '2026-03',
      horizon: '2026-12',
      discountRate: 0,
      draws: 2000,
      seed: 3,
      correlation: 0,
    });
    const benefit = result.scopes[0]?.benefitByHorizon;
    // Tri(500.25, 1000, 1000): never below 500.25 nor above 1000, unlike the 40-120% default.
    expect(benefit?.p10).toBeGreaterThanOrEqual(eur(500.25));
    expect(benefit?.p90).toBeLessThanOrEqual(eur(1000));
    expect(benefit?.p10).toBeGreaterThan(eur(600));
  });
});
