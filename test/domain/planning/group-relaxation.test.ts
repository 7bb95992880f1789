import fc from 'fast-check';
import { budgetModel, type BudgetModel } from '../../../src/domain/planning/budget-model';
import { evaluate, minimiseBound } from '../../../src/domain/planning/group-relaxation';
import { optionGroups } from '../../../src/domain/planning/option-groups';
import type { BudgetCutScenario } from '../../../src/domain/planning';
import { scenarioArbitrary } from './budget-cut-arbitraries';
import { bruteForceBudgetCut, smallModelOf } from './brute-force-budget-cut';

/** Prices per minor unit: 0, or around the NPV per unit of spend of typical epics. */
const price = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true }));

const plan = (key: string, benefit: number) => ({
  key,
  objectives: [],
  cost: [...new Array<number>(10).fill(100), 0],
  benefit: [...new Array<number>(10).fill(0), benefit],
});

function modelOf(scenario: Partial<BudgetCutScenario>): BudgetModel {
  const outcome = budgetModel({
    asOf: '2026-03',
    discountRate: 0,
    plans: [],
    cap: { kind: 'amount', amount: 10_000 },
    delays: [],
    ...scenario,
  });
  if (!outcome.ok) throw new Error('expected a model');
  return outcome.model;
}

describe('evaluate (Lagrangian bound of the option groups)', () => {
  it('returns a bound no feasible plan exceeds, at any cap and floor prices', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.array(price, { minLength: 5, maxLength: 5 }), (scenario, prices) => {
        const outcome = budgetModel(scenario);
        const truth = bruteForceBudgetCut(smallModelOf(scenario));
        if (!outcome.ok || truth.best === null) return;
        const { model } = outcome;
        const vector = [
          ...model.caps.map((_, p) => prices[p] ?? 0),
          ...model.floors.map((_, f) => prices[4 - f] ?? 0),
        ];
        expect(evaluate(optionGroups(model), model.caps, model.floors, vector).bound).toBeGreaterThanOrEqual(
          truth.best - 1e-6,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("returns the pair of choices the link allows, not each epic's best alone", () => {
    // LOSS blocks GAIN: alone, LOSS would stop (NPV -600) and GAIN continue (+4,000); the link
    // forbids that, so the best the pair can do at price 0 is both continuing (3,400).
    const model = modelOf({
      plans: [plan('LOSS', 400), plan('GAIN', 5_000)],
      dependencies: [{ blocker: 'LOSS', blocked: 'GAIN' }],
    });
    expect(evaluate(optionGroups(model), model.caps, model.floors, [0]).bound).toBe(3_400);
  });

  it('returns the cap minus the spend of the chosen options as the gradient', () => {
    const model = modelOf({
      plans: [plan('A', 5_000), plan('B', 3_000)],
      cap: { kind: 'amount', amount: 1_500 },
    });
    // At price 0 both continue: 2,000 spent against a cap of 1,500.
    expect(evaluate(optionGroups(model), model.caps, model.floors, [0]).gradient).toEqual([-500]);
  });
});

describe('minimiseBound', () => {
  it('returns a proven bound at or under the bound at zero prices', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const outcome = budgetModel(scenario);
        const truth = bruteForceBudgetCut(smallModelOf(scenario));
        if (!outcome.ok || truth.best === null) return;
        const { model } = outcome;
        const groups = optionGroups(model);
        const relaxation = minimiseBound(
          groups,
          model.caps,
          model.floors,
          () => null,
          () => undefined,
        );
        const atZero = evaluate(
          groups,
          model.caps,
          model.floors,
          relaxation.prices.map(() => 0),
        ).bound;
        expect(relaxation.bound).toBeGreaterThanOrEqual(truth.best - 1e-6);
        expect(relaxation.bound).toBeLessThanOrEqual(atZero + 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it('returns the linear relaxation optimum of a cap that splits an epic (price = its NPV per unit)', () => {
    // A (NPV 4,000 for 1,000) and B (NPV 2,000 for 1,000) under a cap of 1,500: the relaxation
    // keeps A and half of B, 5,000, at a price of 2 per unit of spend (B's NPV per unit).
    const model = modelOf({
      plans: [plan('A', 5_000), plan('B', 3_000)],
      cap: { kind: 'amount', amount: 1_500 },
    });
    const relaxation = minimiseBound(
      optionGroups(model),
      model.caps,
      model.floors,
      () => null,
      () => undefined,
    );
    expect(relaxation.bound).toBeCloseTo(5_000, 3);
    expect(relaxation.prices[0]).toBeCloseTo(2, 6);
  });
});
