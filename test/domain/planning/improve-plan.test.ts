import { budgetModel, type BudgetModel } from '../../../src/domain/planning/budget-model';
import { improvePlan } from '../../../src/domain/planning/improve-plan';
import { isFeasiblePlan, planTotals } from '../../../src/domain/planning/plan-evaluation';
import type { BudgetCutScenario, RemainingPlan } from '../../../src/domain/planning';

const epic = (key: string, benefit: number): RemainingPlan => ({
  key,
  objectives: [],
  cost: [...new Array<number>(10).fill(100), 0],
  benefit: [...new Array<number>(10).fill(0), benefit],
});

function modelOf(overrides: Partial<BudgetCutScenario>): BudgetModel {
  const outcome = budgetModel({
    asOf: '2026-03',
    discountRate: 0,
    plans: [epic('HIGH', 5_000), epic('MID', 3_000), epic('LOW', 1_500)],
    cap: { kind: 'amount', amount: 2_000 },
    delays: [],
    ...overrides,
  });
  if (!outcome.ok) throw new Error('expected a model');
  return outcome.model;
}

describe('improvePlan', () => {
  it('returns stopped epics brought back in turn while the cap allows', () => {
    const model = modelOf({});
    const improved = improvePlan(model, Int32Array.from([1, 1, 1]));
    expect([...improved]).toEqual([0, 0, 1]);
    expect(planTotals(model, improved).value).toBe(6_000);
    expect(isFeasiblePlan(model, improved)).toBe(true);
  });

  it('returns a blocked epic left stopped while its blocker is stopped', () => {
    const model = modelOf({ dependencies: [{ blocker: 'LOW', blocked: 'HIGH' }] });
    const improved = improvePlan(model, Int32Array.from([1, 1, 1]));
    // HIGH cannot come back before LOW; MID and LOW fit the cap together.
    expect([...improved]).toEqual([1, 0, 0]);
    expect(isFeasiblePlan(model, improved)).toBe(true);
  });

  it('returns the input unchanged and does not modify it when nothing fits', () => {
    const model = modelOf({ cap: { kind: 'amount', amount: 999 } });
    const start = Int32Array.from([1, 1, 1]);
    expect([...improvePlan(model, start)]).toEqual([1, 1, 1]);
    expect([...start]).toEqual([1, 1, 1]);
  });
});
