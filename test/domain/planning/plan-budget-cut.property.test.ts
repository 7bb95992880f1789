import fc from 'fast-check';
import { planBudgetCut, type Choice } from '../../../src/domain/planning';
import { scenarioArbitrary } from './budget-cut-arbitraries';
import {
  bruteForceBudgetCut,
  isFeasibleAssignment,
  retainedValue,
  smallModelOf,
} from './brute-force-budget-cut';

const levelOf = (choices: readonly Choice[], choice: Choice): number =>
  choices.findIndex(
    (candidate) =>
      candidate.kind === choice.kind &&
      (candidate.kind !== 'delay' || (choice.kind === 'delay' && candidate.months === choice.months)),
  );

describe('planBudgetCut against brute force', () => {
  it('returns a feasible plan that no feasible choice beats, or infeasible exactly when no choice is feasible', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const oracle = smallModelOf(scenario);
        const truth = bruteForceBudgetCut(oracle);
        const result = planBudgetCut(scenario);
        if (truth.best === null) {
          expect(result.status).toBe('infeasible');
          return;
        }
        expect(result.status).toBe('planned');
        if (result.status !== 'planned') return;
        const exactLevels = result.exact.decisions.map((decision) =>
          levelOf(oracle.choices, decision.choice),
        );
        expect(result.exact.decisions.map((decision) => decision.key)).toEqual(
          scenario.plans.map((p) => p.key),
        );
        expect(isFeasibleAssignment(oracle, exactLevels)).toBe(true);
        expect(retainedValue(oracle, exactLevels)).toBe(truth.best);
        expect(result.exact.retainedNpv).toBe(truth.best);
        expect(result.exact.quality.proven).toBe(true);
        expect(result.exact.quality.upperBound).toBe(truth.best);
        if (result.greedy !== null) {
          const greedyLevels = result.greedy.decisions.map((decision) =>
            levelOf(oracle.choices, decision.choice),
          );
          expect(isFeasibleAssignment(oracle, greedyLevels)).toBe(true);
          expect(result.greedy.retainedNpv).toBe(retainedValue(oracle, greedyLevels));
          expect(result.greedyGap).toBe(truth.best - result.greedy.retainedNpv);
        }
      }),
      { numRuns: Number(process.env.PLAN_RUNS ?? 300) },
    );
  });
});
