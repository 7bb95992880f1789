import { minorUnits, type MinorUnits } from '../money/minor-units';
import { budgetModel } from './budget-model';
import { greedyPlan } from './greedy-plan';
import { planBudgetCut } from './plan-budget-cut';
import { planTotals } from './plan-evaluation';
import type { BudgetCutScenario, Conflict, PlanningWarning } from './scenario';

/** The cuts of the frontier, in percent of the forecast: 0%, 5%, …, 50%. */
export const FRONTIER_CUTS: readonly number[] = Array.from({ length: 11 }, (_, step) => step * 5);

/** A budget-cut scenario without its cap: the frontier tries each cut of `FRONTIER_CUTS` in turn. */
export type FrontierScenario = Omit<BudgetCutScenario, 'cap' | 'solverTimeoutMs'> & {
  /** One cap per quarter of the window (each quarter cut from its own forecast), as in the form. */
  readonly perQuarter: boolean;
};

/**
 * How long the exact solver may take. `timeLeftMs` is asked before each point (the caller owns the
 * clock: domain code never reads it); at or under 0 the remaining points are not solved exactly.
 * `perPointMs` bounds one point's branch and bound (yalps's timeout), and never more than is left.
 */
export interface FrontierBudget {
  readonly timeLeftMs: () => number;
  readonly perPointMs: number;
}

/**
 * How far the NPV retained at a point is known to be from the best plan:
 * - `proven`: no plan under that cut retains more;
 * - `gap`: the exact solve stopped at its bound (iterations or time); no plan retains more than
 *   `upperBound`;
 * - `not-solved`: the total time budget ran out before this point, so its figure is the greedy
 *   ranking's, not proven (`TIME_BUDGET`).
 */
export type FrontierQuality =
  | { readonly kind: 'proven' }
  | { readonly kind: 'gap'; readonly upperBound: MinorUnits }
  | { readonly kind: 'not-solved'; readonly reason: 'TIME_BUDGET' };

export type FrontierPoint =
  | {
      readonly cutPercent: number;
      readonly status: 'planned';
      /** Remaining risk-adjusted NPV kept by the best plan found under this cut. */
      readonly retainedNpv: MinorUnits;
      /** What the greedy ranking keeps under the same cut; null when it cannot meet the cap and floors. */
      readonly greedyNpv: MinorUnits | null;
      readonly quality: FrontierQuality;
    }
  | {
      readonly cutPercent: number;
      readonly status: 'infeasible';
      /** The constraints that cannot all hold under this cut, as the budget cut names them. */
      readonly conflicts: readonly Conflict[];
    }
  | {
      readonly cutPercent: number;
      /** Out of time, and the greedy ranking found no plan either: nothing is known of this cut. */
      readonly status: 'not-solved';
      readonly reason: 'TIME_BUDGET';
    };

export interface Frontier {
  /** Remaining NPV of the current plan (every epic continues); null when no point has a model. */
  readonly currentNpv: MinorUnits | null;
  readonly points: readonly FrontierPoint[];
  /** The scenario's warnings (a cycle of links, an unknown epic), said once. */
  readonly warnings: readonly PlanningWarning[];
}

/**
 * The efficient frontier: for each cut of 0%, 5%, …, 50% of the forecast, the most remaining
 * risk-adjusted NPV a plan can retain under the same pins, links and objective floors
 * (`planBudgetCut`), beside the greedy ranking's.
 *
 *   retained(c) = max Σ_e NPV_e(choice_e) subject to spend ≤ ⌊forecast × (100 − c) / 100⌋ (per
 *   period), pins, links and floors
 *
 * Each cut only lowers the caps, so a plan feasible at a deeper cut is feasible at a shallower
 * one and retained(c) never rises as c grows — wherever both points are proven. At 0% the current
 * plan itself is feasible (when the floors allow it), so retained(0) ≥ its NPV: more only when
 * stopping a loss-maker gains. A cut that no plan can meet is a point with its conflicts (never a
 * throw). Points are solved shallowest first while `budget` lasts; after that each gets the greedy
 * figure marked `not-solved`, so the whole frontier always comes back within the budget (plus at
 * most one point's bounded work).
 */
export function efficientFrontier(scenario: FrontierScenario, budget: FrontierBudget): Frontier {
  const { perQuarter, ...rest } = scenario;
  let currentNpv: MinorUnits | null = null;
  let warnings: readonly PlanningWarning[] = [];
  const points = FRONTIER_CUTS.map((cutPercent): FrontierPoint => {
    const cutScenario: BudgetCutScenario = {
      ...rest,
      cap: { kind: perQuarter ? 'cut-per-quarter' : 'cut', percent: cutPercent },
    };
    const left = Math.floor(budget.timeLeftMs());
    if (left <= 0) {
      const outcome = budgetModel(cutScenario);
      warnings = outcome.warnings;
      if (!outcome.ok) return { cutPercent, status: 'infeasible', conflicts: outcome.conflicts };
      const { model } = outcome;
      currentNpv ??= minorUnits(planTotals(model, new Int32Array(model.keys.length)).value);
      const greedy = greedyPlan(model).levels;
      return greedy === null
        ? { cutPercent, status: 'not-solved', reason: 'TIME_BUDGET' }
        : {
            cutPercent,
            status: 'planned',
            retainedNpv: minorUnits(planTotals(model, greedy).value),
            greedyNpv: minorUnits(planTotals(model, greedy).value),
            quality: { kind: 'not-solved', reason: 'TIME_BUDGET' },
          };
    }
    const result = planBudgetCut({
      ...cutScenario,
      solverTimeoutMs: Math.max(1, Math.min(Math.floor(budget.perPointMs), left)),
    });
    warnings = result.warnings;
    if (result.status === 'infeasible') {
      return { cutPercent, status: 'infeasible', conflicts: result.conflicts };
    }
    currentNpv ??= result.currentNpv;
    const { retainedNpv, quality } = result.exact;
    return {
      cutPercent,
      status: 'planned',
      retainedNpv,
      greedyNpv: result.greedy === null ? null : result.greedy.retainedNpv,
      quality: quality.proven ? { kind: 'proven' } : { kind: 'gap', upperBound: quality.upperBound },
    };
  });
  return { currentNpv, points, warnings };
}
