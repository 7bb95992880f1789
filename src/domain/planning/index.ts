/**
 * Value planning: what each in-flight epic has left to give and to cost, what waiting costs,
 * and which epics to continue, delay or stop when the budget moves.
 */
export type { Figure, PlanningReason } from './figure';
export { remainingPlanOf, type RemainingPlan } from './remaining-plan';
export { remainingNpv } from './remaining-npv';
export { remainingCost, remainingRiskAdjustedBenefit } from './remaining-cost';
export { cd3, costOfDelay, remainingMonths } from './cost-of-delay';
export { finishingSignal, type FinishingSignal, type FinishingVerdict } from './finishing-signal';
export { planBudgetCut } from './plan-budget-cut';
export { budgetModel, DEFAULT_DELAYS, DEFAULT_WINDOW_MONTHS, type BudgetModel } from './budget-model';
export { MAX_CORE_EPICS } from './exact-plan';
export {
  efficientFrontier,
  FRONTIER_CUTS,
  type Frontier,
  type FrontierBudget,
  type FrontierPoint,
  type FrontierQuality,
  type FrontierScenario,
} from './efficient-frontier';
export type {
  BudgetCap,
  BudgetCutResult,
  BudgetCutScenario,
  BudgetPlan,
  Choice,
  Conflict,
  ConflictCode,
  ConstraintRef,
  Decision,
  DecisionReason,
  Dependency,
  ExactPlanQuality,
  ObjectiveFloor,
  PeriodFigures,
  Pin,
  PlanningWarning,
} from './scenario';
export {
  KEEP_PROBABILITY_DRAWS,
  MIN_KEEP_PROBABILITY_DRAWS,
  keepProbabilities,
  type DrawScenario,
  type EpicKeepProbability,
  type KeepProbabilities,
  type KeepProbabilityReason,
} from './keep-probability';
