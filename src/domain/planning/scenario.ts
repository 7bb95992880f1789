import type { MinorUnits } from '../money/minor-units';
import type { YearMonth } from '../time/year-month';
import type { Figure } from './figure';
import type { RemainingPlan } from './remaining-plan';

/**
 * The cap on remaining spend inside the budget window. Amounts are minor units; a cut is a
 * percentage of the forecast (what the current plan would spend), 0-100.
 * - `amount` / `cut`: one cap over the whole window;
 * - `amount-per-quarter` / `cut-per-quarter`: one cap per quarter of the window (its months in
 *   threes from A+1; the last quarter may be shorter), `amounts` in that order.
 */
export type BudgetCap =
  | { readonly kind: 'amount'; readonly amount: number }
  | { readonly kind: 'cut'; readonly percent: number }
  | { readonly kind: 'amount-per-quarter'; readonly amounts: readonly number[] }
  | { readonly kind: 'cut-per-quarter'; readonly percent: number };

export type Pin = 'continue' | 'stop';

/** A floor on what an objective keeps: Σ share x window spend of its epics >= the floor. */
export type ObjectiveFloor =
  | { readonly objectiveId: string; readonly kind: 'amount'; readonly amount: number }
  | { readonly objectiveId: string; readonly kind: 'percent-of-forecast'; readonly percent: number };

/** A Jira "blocks" link: `blocker` blocks `blocked`. */
export interface Dependency {
  readonly blocker: string;
  readonly blocked: string;
}

export interface BudgetCutScenario {
  /** The as-of month: the remaining plans start at the month after it. */
  readonly asOf: YearMonth;
  /** Annual discount rate as a decimal, as for `npv`. */
  readonly discountRate: number;
  readonly plans: readonly RemainingPlan[];
  readonly cap: BudgetCap;
  /** Months after A whose planned spend the cap limits; default 12 (the year ahead). */
  readonly windowMonths?: number;
  /** The delays to choose from, in months; default [3, 6, 12]. */
  readonly delays?: readonly number[];
  readonly pins?: readonly { readonly key: string; readonly pin: Pin }[];
  readonly dependencies?: readonly Dependency[];
  readonly floors?: readonly ObjectiveFloor[];
  /**
   * Effort bound of the exact solver: branch-and-bound iterations (deterministic, unlike a time
   * limit). When reached, the best plan found is returned with its proven gap. Default 20,000.
   */
  readonly maxIterations?: number;
  /**
   * Wall-clock bound on the exact solver's branch and bound, in milliseconds (yalps's own
   * `timeout`); for callers with a deadline, such as the efficient frontier. When reached, the
   * best plan found is returned with its proven gap, as for `maxIterations`. Default: none.
   */
  readonly solverTimeoutMs?: number;
}

/** Continue, delay by `months`, or stop. */
export type Choice =
  | { readonly kind: 'continue' }
  | { readonly kind: 'delay'; readonly months: number }
  | { readonly kind: 'stop' };

/** A constraint of the scenario, as named in a conflict or a decision's reason. */
export type ConstraintRef =
  | { readonly kind: 'pin'; readonly key: string; readonly pin: Pin }
  | { readonly kind: 'cap'; readonly period: number; readonly from: YearMonth; readonly to: YearMonth }
  | { readonly kind: 'dependency'; readonly blocker: string; readonly blocked: string }
  | { readonly kind: 'floor'; readonly objectiveId: string }
  | { readonly kind: 'field'; readonly field: string };

export type ConflictCode =
  | 'INVALID_INPUT'
  | 'CUT_OVER_100_PERCENT'
  | 'NEGATIVE_BUDGET'
  | 'CONTRADICTING_PINS'
  | 'PINS_AGAINST_DEPENDENCY'
  | 'PINS_EXCEED_CAP'
  | 'FLOOR_UNREACHABLE'
  | 'NO_FEASIBLE_PLAN'
  | 'NO_PLAN_FOUND';

/** Why a scenario has no plan: the constraints that cannot all hold, by name. */
export interface Conflict {
  readonly code: ConflictCode;
  readonly message: string;
  readonly constraints: readonly ConstraintRef[];
}

/** Something the planner ignored or worked around, without stopping. */
export type PlanningWarning =
  | { readonly code: 'DEPENDENCY_CYCLE'; readonly keys: readonly string[] }
  | { readonly code: 'UNKNOWN_EPIC'; readonly key: string; readonly field: string }
  | { readonly code: 'DUPLICATE_EPIC'; readonly key: string };

/** Why an epic got its choice. */
export type DecisionReason =
  | { readonly kind: 'pin'; readonly pin: Pin }
  | { readonly kind: 'dependency'; readonly constraints: readonly ConstraintRef[] }
  | { readonly kind: 'objective-floor'; readonly objectiveIds: readonly string[] }
  | { readonly kind: 'not-worth-finishing'; readonly remainingNpv: MinorUnits }
  | { readonly kind: 'no-cut-needed' }
  | {
      readonly kind: 'ratio';
      /** Remaining NPV lost per minor unit of window spend freed by the cheapest cut. */
      readonly ratio: Figure<number, 'NOTHING_FREED'>;
      /** The marginal NPV per minor unit at which the plan stops cutting (the cap's price). */
      readonly cutOff: number;
    };

export interface Decision {
  readonly key: string;
  readonly choice: Choice;
  /** Remaining NPV kept under this choice (0 when stopped). */
  readonly retainedNpv: MinorUnits;
  /** Planned spend inside the window under this choice. */
  readonly windowSpend: MinorUnits;
  readonly reason: DecisionReason;
}

export interface PeriodFigures {
  readonly from: YearMonth;
  readonly to: YearMonth;
  readonly forecast: MinorUnits;
  readonly cap: MinorUnits;
  readonly planned: MinorUnits;
  /** forecast - planned: the cash the plan frees in the period. */
  readonly freed: MinorUnits;
}

/** One plan (exact or greedy) for the whole scenario. */
export interface BudgetPlan {
  readonly decisions: readonly Decision[];
  readonly retainedNpv: MinorUnits;
  readonly periods: readonly PeriodFigures[];
}

export interface ExactPlanQuality {
  /** Whether the plan is proven optimal. */
  readonly proven: boolean;
  /** A proven upper bound on the retained NPV of any feasible plan (minor units, rounded up). */
  readonly upperBound: MinorUnits;
  /** Epics left to the integer program after bound-based fixing (the rest were decided by bounds). */
  readonly coreEpics: number;
}

export type BudgetCutResult =
  | {
      readonly status: 'infeasible';
      readonly conflicts: readonly Conflict[];
      readonly warnings: readonly PlanningWarning[];
    }
  | {
      readonly status: 'planned';
      /** Remaining NPV of the current plan (every epic continues). */
      readonly currentNpv: MinorUnits;
      readonly exact: BudgetPlan & { readonly quality: ExactPlanQuality };
      /** The greedy ranking's plan, or null when the ranking cannot meet the caps and floors. */
      readonly greedy: BudgetPlan | null;
      /** exact.retainedNpv - greedy.retainedNpv (>= 0), or null without a greedy plan. */
      readonly greedyGap: MinorUnits | null;
      readonly warnings: readonly PlanningWarning[];
    };
