import { budgetModel, type BudgetModel } from '../../../src/domain/planning/budget-model';
import { fillPlan } from '../../../src/domain/planning/fill-plan';
import { optionGroups } from '../../../src/domain/planning/option-groups';
import { isFeasiblePlan } from '../../../src/domain/planning/plan-evaluation';
import type { BudgetCutScenario, RemainingPlan } from '../../../src/domain/planning';

const epic = (key: string, cost: number, benefit: number): RemainingPlan => ({
  key,
  objectives: [],
  cost: [...new Array<number>(10).fill(cost), 0],
  benefit: [...new Array<number>(10).fill(0), benefit],
});

function modelOf(overrides: Partial<BudgetCutScenario>): BudgetModel {
  const outcome = budgetModel({
    asOf: '2026-03',
    discountRate: 0,
    // NPV 4,000 for 1,000; 2,500 for 500; 1,000 for 1,000.
    plans: [epic('HIGH', 100, 5_000), epic('HALF', 50, 3_000), epic('LOW', 100, 2_000)],
    cap: { kind: 'amount', amount: 1_500 },
    delays: [],
    ...overrides,
  });
  if (!outcome.ok) throw new Error('expected a model');
  return outcome.model;
}

/** Levels 0 = continue, 1 = stop; single-epic groups: option = group start + level. */
const optionsOf = (model: BudgetModel, levels: readonly number[]) => {
  const groups = optionGroups(model);
  return {
    groups,
    chosen: Int32Array.from(levels, (level, group) => (groups.optionStart[group] ?? 0) + level),
  };
};

describe('fillPlan', () => {
  it('returns the upgrades with the smallest slack at the prices taken first while the cap allows', () => {
    const model = modelOf({});
    const { groups, chosen } = optionsOf(model, [1, 1, 1]);
    // At price 2 per unit: HIGH gains 4,000 - 2,000, HALF 2,500 - 1,000, LOW 1,000 - 2,000 (slack 2,000).
    const filled = fillPlan(model, groups, chosen, [2]);
    expect([...filled].map((option, group) => option - (groups.optionStart[group] ?? 0))).toEqual([0, 0, 1]);
  });

  it('returns a feasible plan and leaves its input unchanged when nothing fits', () => {
    const model = modelOf({ cap: { kind: 'amount', amount: 400 } });
    const { groups, chosen } = optionsOf(model, [1, 1, 1]);
    const filled = fillPlan(model, groups, chosen, [0]);
    expect([...filled]).toEqual([...chosen]);
    expect(isFeasiblePlan(model, Int32Array.from([1, 1, 1]))).toBe(true);
    expect([...chosen].map((option, group) => option - (groups.optionStart[group] ?? 0))).toEqual([1, 1, 1]);
  });

  it('returns a blocked epic kept stopped while a loose link holds it behind its stopped blocker', () => {
    // A chain of four is too big to merge, so its links stay loose. HIGH (NPV 4,000) comes first
    // and fits the cap alone, but C, which blocks it, is stopped; A, B and C (NPV 100 each) then
    // fill 300 of the cap, and HIGH no longer fits.
    const model = modelOf({
      plans: [epic('HIGH', 100, 5_000), epic('A', 10, 200), epic('B', 10, 200), epic('C', 10, 200)],
      dependencies: [
        { blocker: 'A', blocked: 'B' },
        { blocker: 'B', blocked: 'C' },
        { blocker: 'C', blocked: 'HIGH' },
      ],
      cap: { kind: 'amount', amount: 1_000 },
    });
    const { groups, chosen } = optionsOf(model, [1, 1, 1, 1]);
    const levels = [...fillPlan(model, groups, chosen, [0])].map(
      (option, group) => option - (groups.optionStart[group] ?? 0),
    );
    expect(levels).toEqual([1, 0, 0, 0]);
    expect(isFeasiblePlan(model, Int32Array.from(levels))).toBe(true);
  });
});
