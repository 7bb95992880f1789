import fc from 'fast-check';
import { budgetModel } from '../../../src/domain/planning/budget-model';
import { linkedBound } from '../../../src/domain/planning/linked-bound';
import { scenarioArbitrary } from './budget-cut-arbitraries';
import { bruteForceBudgetCut, smallModelOf } from './brute-force-budget-cut';

/** Prices per minor unit: 0, or around the NPV per unit of spend of typical epics. */
const price = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true }));

describe('linkedBound', () => {
  it('returns a bound no feasible plan exceeds, at any cap and floor prices', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.array(price, { minLength: 5, maxLength: 5 }), (scenario, prices) => {
        const outcome = budgetModel(scenario);
        const truth = bruteForceBudgetCut(smallModelOf(scenario));
        if (!outcome.ok || truth.best === null) return;
        const { model } = outcome;
        const capPrices = model.caps.map((_, p) => prices[p] ?? 0);
        const floorPrices = model.floors.map((_, f) => prices[4 - f] ?? 0);
        expect(linkedBound(model, capPrices, floorPrices)).toBeGreaterThanOrEqual(truth.best - 1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it("returns the pair of choices the link allows, not each epic's best alone", () => {
    // LOSS blocks GAIN: alone, LOSS would stop (NPV -600) and GAIN continue (+4,000); the link
    // forbids that, so the best the pair can do at price 0 is both continuing (3,400).
    const plan = (key: string, benefit: number) => ({
      key,
      objectives: [],
      cost: [...new Array<number>(10).fill(100), 0],
      benefit: [...new Array<number>(10).fill(0), benefit],
    });
    const outcome = budgetModel({
      asOf: '2026-03',
      discountRate: 0,
      plans: [plan('LOSS', 400), plan('GAIN', 5_000)],
      cap: { kind: 'amount', amount: 10_000 },
      delays: [],
      dependencies: [{ blocker: 'LOSS', blocked: 'GAIN' }],
    });
    if (!outcome.ok) throw new Error('expected a model');
    expect(linkedBound(outcome.model, [0], [])).toBe(3_400);
  });
});
