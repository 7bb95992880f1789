import fc from 'fast-check';
import { DomainInvariantError, npv, totalsOfEpics, type Epic } from '../../../src/domain';
import {
  compileRangeModel,
  drawRangeBlock,
  joinDrawBlocks,
  portfolioRangeScopes,
  simulateRangeDraws,
  simulateRanges,
  type EpicRanges,
  type RangeScope,
  type RangeSimulationInput,
} from '../../../src/domain/ranges';
import { aBenefit, anEpic, at, eur, realisedAt } from '../../fixtures/value-builders';

const NO_SPREAD = { low: 100, likely: 100, high: 100 };

/** Ranges that pin every benefit and the cost to plan: no spread. */
function pinned(epic: Epic): EpicRanges {
  return {
    benefits: epic.value.benefits.map((benefit) => ({
      benefitId: benefit.id,
      basis: 'percentOfPlan',
      ...NO_SPREAD,
    })),
    costOverrun: { low: 0, likely: 0, high: 0 },
  };
}

function inputFor(
  epics: readonly Epic[],
  overrides: Partial<RangeSimulationInput> = {},
): RangeSimulationInput {
  return {
    epics,
    rangesByEpic: new Map(epics.map((epic) => [epic.key, pinned(epic)])),
    scopes: portfolioRangeScopes({ epics, objectives: [] }),
    asOf: '2026-03',
    horizon: '2026-12',
    discountRate: 0,
    draws: 1000,
    seed: 1,
    correlation: 0,
    ...overrides,
  };
}

/** An epic with one benefit of `amount` euros planned in April 2026, and nothing else. */
function bet(key: string, amount: number, successProbability: number): Epic {
  return anEpic({
    key,
    value: { successProbability, benefits: [aBenefit({ planned: [at('2026-04', amount)] })] },
  });
}

const mean = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0) / values.length;
const variance = (values: Float64Array) => {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1);
};

describe(simulateRangeDraws.name, () => {
  it('draws a sum of independent Bernoulli-weighted amounts with its known mean and variance', () => {
    const bets = [
      bet('A-1', 1000, 0.9),
      bet('A-2', 2500, 0.5),
      bet('A-3', 400, 0.2),
      bet('A-4', 7000, 0.35),
      bet('A-5', 1200, 0.75),
    ];
    const draws = 100_000;
    const [portfolio] = simulateRangeDraws(inputFor(bets, { draws, seed: 99 }));
    const amounts = bets.map((epic) => epic.value.benefits[0]?.planned[0]?.amount ?? 0);
    const exactMean = bets.reduce(
      (sum, epic, i) => sum + epic.value.successProbability * (amounts[i] ?? 0),
      0,
    );
    const exactVariance = bets.reduce((sum, epic, i) => {
      const p = epic.value.successProbability;
      return sum + p * (1 - p) * (amounts[i] ?? 0) ** 2;
    }, 0);
    const benefit = portfolio?.benefitByHorizon ?? new Float64Array();
    // Within 4 standard errors: of the mean sqrt(V / N); of the variance about V sqrt(2 / N) (kurtosis aside).
    expect(Math.abs(mean(benefit) - exactMean)).toBeLessThan(4 * Math.sqrt(exactVariance / draws));
    expect(Math.abs(variance(benefit) / exactVariance - 1)).toBeLessThan(0.03);
    expect(mean(portfolio?.npv ?? new Float64Array())).toBeCloseTo(mean(benefit), 6);
  });

  it('returns identical draws for the same seed and different draws for another seed', () => {
    const epics = [bet('A-1', 1000, 0.5), bet('A-2', 300, 0.7)];
    const withDefaults = { rangesByEpic: new Map<string, EpicRanges>(), correlation: 0.4 };
    const once = simulateRangeDraws(inputFor(epics, { seed: 7, ...withDefaults }));
    const twice = simulateRangeDraws(inputFor(epics, { seed: 7, ...withDefaults }));
    const other = simulateRangeDraws(inputFor(epics, { seed: 8, ...withDefaults }));
    expect(twice).toEqual(once);
    expect(other[0]?.npv).not.toEqual(once[0]?.npv);
  });

  it('returns, for blocks covering every draw, joined end to end, the draws of the whole simulation', () => {
    const epics = [bet('A-1', 1000, 0.5), bet('A-2', 300, 0.7), bet('A-3', 4200, 0.9)];
    const objective: RangeScope = {
      id: 'objective:OBJ-1',
      members: [
        { epicKey: 'A-1', weight: 0.5 },
        { epicKey: 'A-3', weight: 0.25 },
      ],
      target: { amount: eur(900), month: '2026-06' },
    };
    const input = inputFor(epics, {
      rangesByEpic: new Map(),
      scopes: [...portfolioRangeScopes({ epics, objectives: [] }), objective],
      correlation: 0.3,
      draws: 1000,
      seed: 12,
    });
    const whole = simulateRangeDraws(input);
    const model = compileRangeModel(input);
    const blocks = [
      { first: 0, count: 1 },
      { first: 1, count: 333 },
      { first: 334, count: 666 },
    ].map((block) => drawRangeBlock(model, block));
    expect(blocks[1]?.[0]?.npv).toHaveLength(333);
    expect(joinDrawBlocks(blocks)).toEqual(whole);
    expect(whole.some((scope) => scope.benefitByTarget !== null)).toBe(true);
    expect(() => joinDrawBlocks([blocks[0] ?? [], (blocks[1] ?? []).slice(1)])).toThrow(DomainInvariantError);
  });

  it('refuses a block outside the draws', () => {
    const input = inputFor([bet('A-1', 100, 1)], { draws: 10 });
    for (const block of [
      { first: -1, count: 2 },
      { first: 5, count: 6 },
      { first: 0, count: 0 },
      { first: 0.5, count: 1 },
    ]) {
      expect(() => simulateRangeDraws(input, block)).toThrow(DomainInvariantError);
    }
  });

  it('with correlation 1 makes every draw all-or-nothing, succeeding as often as the shared probability', () => {
    const epics = ['A-1', 'A-2', 'A-3', 'A-4'].map((key, i) => bet(key, 100 * (i + 1), 0.6));
    const draws = 20_000;
    const [portfolio] = simulateRangeDraws(inputFor(epics, { correlation: 1, draws }));
    const all = eur(100 + 200 + 300 + 400);
    const values = new Set(portfolio?.benefitByHorizon);
    expect([...values].sort((a, b) => a - b)).toEqual([0, all]);
    const successes = (portfolio?.benefitByHorizon ?? []).filter((value) => value === all).length;
    expect(Math.abs(successes / draws - 0.6)).toBeLessThan(4 * Math.sqrt((0.6 * 0.4) / draws));
  });

  it('with correlation 1 puts every benefit at the same quantile of its range', () => {
    const epics = [bet('A-1', 100, 1), bet('A-2', 100, 1)];
    const [first, second] = simulateRangeDraws({
      ...inputFor(epics, { correlation: 1, draws: 500 }),
      scopes: epics.map((epic) => ({
        id: epic.key,
        members: [{ epicKey: epic.key, weight: 1 }],
        target: null,
      })),
      rangesByEpic: new Map([
        [
          'A-1',
          {
            benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 50, likely: 100, high: 150 }],
            costOverrun: null,
          },
        ],
        [
          'A-2',
          {
            benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 50, likely: 100, high: 150 }],
            costOverrun: null,
          },
        ],
      ]),
    });
    expect(first?.benefitByHorizon).toEqual(second?.benefitByHorizon);
    expect(new Set(first?.benefitByHorizon).size).toBeGreaterThan(400);
  });

  it('with correlation 0 lets epics fail independently', () => {
    const epics = [bet('A-1', 100, 0.5), bet('A-2', 100, 0.5)];
    const draws = 20_000;
    const [portfolio] = simulateRangeDraws(inputFor(epics, { draws }));
    const oneOfTwo = (portfolio?.benefitByHorizon ?? []).filter((value) => value === eur(100)).length;
    expect(Math.abs(oneOfTwo / draws - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / draws));
  });

  it('adds an epic with nothing left to draw as the same figures in every draw', () => {
    const settled = anEpic({
      key: 'DONE-1',
      value: {
        benefits: [aBenefit({ planned: [at('2026-01', 900)], realised: [realisedAt('2026-02', 700)] })],
        costs: { planned: [at('2026-01', 400)], actual: [at('2026-01', 450)] },
      },
    });
    const open = bet('A-1', 1000, 0.5);
    const [alone] = simulateRangeDraws(inputFor([settled]));
    const [both] = simulateRangeDraws(inputFor([open, settled]));
    expect(new Set(alone?.npv)).toEqual(new Set([eur(700 - 450)]));
    expect(new Set(alone?.totalCost)).toEqual(new Set([eur(450)]));
    expect(new Set(both?.benefitByHorizon)).toEqual(new Set([eur(700), eur(700 + 1000)]));
    expect(new Set(both?.totalCost)).toEqual(new Set([eur(450)]));
  });

  it('weights an objective scope by attribution shares', () => {
    const epic = anEpic({
      key: 'A-1',
      value: {
        objectives: [{ id: 'OBJ-1', share: 0.25 }],
        benefits: [aBenefit({ planned: [at('2026-04', 1000)] })],
      },
    });
    const scopes = portfolioRangeScopes({ epics: [epic], objectives: [{ id: 'OBJ-1', target: null }] });
    const result = simulateRanges({ ...inputFor([epic]), scopes });
    expect(result.scopes.map((scope) => [scope.scopeId, scope.benefitByHorizon.p50])).toEqual([
      ['portfolio', eur(1000)],
      ['programme:(none)', eur(1000)],
      ['project:PAY', eur(1000)],
      ['objective:OBJ-1', eur(250)],
    ]);
  });

  it('returns each target month its own benefit by target, past the second horizon too', () => {
    const epic = anEpic({
      key: 'A-1',
      value: {
        objectives: ['OBJ-1', 'OBJ-2', 'OBJ-3'].map((id) => ({ id, share: 1 })),
        benefits: [
          aBenefit({ planned: [at('2026-04', 100), at('2026-05', 20), at('2026-06', 3), at('2026-07', 4)] }),
        ],
      },
    });
    // Horizon 2026-12, then one more horizon per target month: four in all.
    const objectives = (['2026-04', '2026-05', '2026-06'] as const).map((month, index) => ({
      id: `OBJ-${String(index + 1)}`,
      target: { amount: eur(1), month },
    }));
    const draws = simulateRangeDraws({
      ...inputFor([epic], { correlation: 0.5, draws: 300 }),
      scopes: portfolioRangeScopes({ epics: [epic], objectives }),
    });
    expect(draws.slice(-3).map((scope) => [...new Set(scope.benefitByTarget)])).toEqual([
      [eur(100)],
      [eur(120)],
      [eur(123)],
    ]);
    expect([...new Set(draws[0]?.benefitByHorizon)]).toEqual([eur(127)]);
  });

  it('draws an epic with hundreds of benefits, spread and pinned ones mixed, pinned ones exactly', () => {
    const benefits = Array.from({ length: 300 }, (_, index) =>
      aBenefit({ id: `b${String(index)}`, planned: [at('2026-05', 10)] }),
    );
    const epic = anEpic({
      key: 'A-1',
      value: { benefits, costs: { planned: [at('2026-06', 500)], actual: [] } },
    });
    const ranges: EpicRanges = {
      // Even benefits spread from 50% to 150% of plan, odd ones pinned to it; the cost pinned.
      benefits: benefits.map((benefit, index) => ({
        benefitId: benefit.id,
        basis: 'percentOfPlan',
        ...(index % 2 === 0 ? { low: 50, likely: 100, high: 150 } : NO_SPREAD),
      })),
      costOverrun: { low: 0, likely: 0, high: 0 },
    };
    const draws = 2000;
    const [portfolio] = simulateRangeDraws({
      ...inputFor([epic], { draws }),
      rangesByEpic: new Map([['A-1', ranges]]),
    });
    const benefit = portfolio?.benefitByHorizon ?? new Float64Array();
    // 150 pinned benefits give 1,500.00 in every draw; 150 spread ones a sum with mean 1,500.00
    // and variance 150 × 10² × (0.5² / 6) = 625 (sd 25.00), never outside 750.00 to 2,250.00.
    expect(Math.min(...benefit)).toBeGreaterThanOrEqual(eur(1500 + 750));
    expect(Math.max(...benefit)).toBeLessThanOrEqual(eur(1500 + 2250));
    expect(Math.abs(mean(benefit) - eur(3000))).toBeLessThan(4 * (eur(25) / Math.sqrt(draws)));
    expect(variance(benefit) / eur(25) ** 2).toBeCloseTo(1, 0);
    expect(new Set(portfolio?.totalCost)).toEqual(new Set([eur(500)]));
  });

  it('refuses a scope naming an epic it was not given, and draws outside 1..1,000,000', () => {
    const epics = [bet('A-1', 100, 1)];
    const stranger: RangeScope = { id: 'x', members: [{ epicKey: 'B-9', weight: 1 }], target: null };
    expect(() => simulateRangeDraws({ ...inputFor(epics), scopes: [stranger] })).toThrow(
      DomainInvariantError,
    );
    expect(() => simulateRangeDraws(inputFor(epics, { draws: 0 }))).toThrow(DomainInvariantError);
    expect(() => simulateRangeDraws(inputFor(epics, { correlation: 1.5 }))).toThrow(DomainInvariantError);
  });
});

describe(simulateRanges.name, () => {
  it('returns the point figure for every percentile when nothing is uncertain, NPV equal to npv()', () => {
    const epic = anEpic({
      key: 'A-1',
      value: {
        successProbability: 1,
        benefits: [
          aBenefit({
            planned: [at('2026-02', 800), at('2026-05', 1000), at('2027-02', 900)],
            realised: [realisedAt('2026-02', 700)],
          }),
        ],
        costs: { planned: [at('2026-01', 2000), at('2026-06', 500)], actual: [at('2026-01', 2100)] },
      },
    });
    const result = simulateRanges(inputFor([epic], { discountRate: 0.12 }));
    const point = npv({ totals: totalsOfEpics({ epics: [epic] }), asOf: '2026-03', discountRate: 0.12 });
    const portfolio = result.scopes[0];
    expect(portfolio?.npv).toEqual({ p10: point, p50: point, p90: point });
    const benefit = eur(700 + 1000);
    expect(portfolio?.benefitByHorizon).toEqual({ p10: benefit, p50: benefit, p90: benefit });
    const cost = eur(2100 + 500);
    expect(portfolio?.totalCost).toEqual({ p10: cost, p50: cost, p90: cost });
    expect(portfolio?.probabilityNpvBelowZero).toBe(point < 0 ? 1 : 0);
    expect(result).toMatchObject({
      seed: 1,
      draws: 1000,
      distribution: 'triangular',
      percentileMethod: 'nearest-rank',
    });
  });

  it('keeps P10 <= P50 <= P90 for every figure of every scope, whatever the epics and ranges', () => {
    const percent = fc.integer({ min: 0, max: 300 });
    const threePoint = fc.tuple(percent, percent, percent).map((points) => {
      const [low, likely, high] = [...points].sort((a, b) => a - b) as [number, number, number];
      return { low, likely, high };
    });
    const epicArbitrary = fc.record({
      probability: fc.integer({ min: 0, max: 1_000_000 }).map((micros) => micros / 1_000_000),
      benefits: fc.array(
        fc.record({
          amount: fc.integer({ min: 0, max: 1_000_000 }),
          month: fc.integer({ min: 0, max: 11 }),
          range: threePoint,
        }),
        { maxLength: 3 },
      ),
      plannedCost: fc.integer({ min: 0, max: 1_000_000 }),
      actualCost: fc.integer({ min: 0, max: 1_000_000 }),
      overrun: threePoint.map(({ low, likely, high }) => ({
        low: low - 100,
        likely: likely - 100,
        high: high - 100,
      })),
      project: fc.constantFrom('PAY', 'OPS'),
    });
    fc.assert(
      fc.property(
        fc.array(epicArbitrary, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.constantFrom(0, 0.3, 1),
        (specs, seed, correlation) => {
          const epics = specs.map((spec, i) =>
            anEpic({
              key: `E-${String(i + 1)}`,
              project: spec.project,
              value: {
                successProbability: spec.probability,
                benefits: spec.benefits.map((benefit, b) =>
                  aBenefit({
                    id: `b${String(b)}`,
                    planned: [
                      {
                        month: `2026-${String(benefit.month + 1).padStart(2, '0')}`,
                        amount: eur(benefit.amount / 100),
                      },
                    ],
                  }),
                ),
                costs: {
                  planned: [at('2026-06', spec.plannedCost / 100)],
                  actual: [at('2026-01', spec.actualCost / 100)],
                },
              },
            }),
          );
          const rangesByEpic = new Map(
            specs.map((spec, i) => [
              `E-${String(i + 1)}`,
              {
                benefits: spec.benefits.map((benefit, b) => ({
                  benefitId: `b${String(b)}`,
                  basis: 'percentOfPlan' as const,
                  ...benefit.range,
                })),
                costOverrun: spec.overrun,
              },
            ]),
          );
          const result = simulateRanges(
            inputFor(epics, { rangesByEpic, seed, correlation, draws: 200, discountRate: 0.08 }),
          );
          for (const scope of result.scopes) {
            for (const figures of [scope.npv, scope.benefitByHorizon, scope.totalCost]) {
              expect(figures.p10).toBeLessThanOrEqual(figures.p50);
              expect(figures.p50).toBeLessThanOrEqual(figures.p90);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
