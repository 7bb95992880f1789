/**
 * The value engine: the domain model of epic value records, their mergeable totals, and the KPIs
 * computed from them. Pure TypeScript: no Forge APIs, no validation library, no clock (the as-of
 * month is always passed in).
 */
export { DomainInvariantError } from './assert';
export { DOMAIN_MESSAGES, type DomainMessage } from './messages';

export { isYearMonth, monthIndexOf, yearMonthOf, type MonthIndex, type YearMonth } from './time/year-month';
export {
  minorUnits,
  minorUnitsConverter,
  toDecimalAmount,
  toMinorUnits,
  type CurrencyExponent,
  type MinorUnits,
} from './money/minor-units';
export { roundHalfEven } from './money/round-half-even';
export { FULL_WEIGHT, weightOf, weightedAmount, type Weight } from './money/weighted-amount';

export {
  BENEFIT_KINDS,
  EVIDENCE_GRADES,
  type Benefit,
  type BenefitKind,
  type EvidenceGrade,
  type MonthlyAmount,
  type RealisedAmount,
} from './model/benefit';
export {
  EPIC_STATUSES,
  type Costs,
  type Epic,
  type EpicStatus,
  type EpicValue,
  type NpsCounts,
  type ObjectiveLink,
} from './model/epic';
export {
  MAX_SCENARIO_NAME_LENGTH,
  VALUE_DECISION_CHOICES,
  decisionChoiceOf,
  type ValueDecision,
  type ValueDecisionChoice,
} from './model/value-decision';
export {
  OBJECTIVE_STATUSES,
  type Objective,
  type ObjectiveStatus,
  type ObjectiveTarget,
} from './model/objective';
export { objectiveFromRecord } from './model/objective-from-record';
export type {
  BenefitRecord,
  EpicRecord,
  EpicValueRecord,
  MonthlyAmountRecord,
  PortfolioRecord,
  PortfolioSettings,
  RealisedAmountRecord,
} from './model/portfolio-record';
export { epicFromRecord } from './model/epic-from-record';

export {
  MONTHLY_SERIES,
  OBJECTIVE_SERIES,
  emptyTotals,
  objectiveSeriesOf,
  type MonthlySeries,
  type MonthlySeriesName,
  type ObjectiveSeries,
  type ObjectiveSeriesName,
  type ValueTotals,
} from './totals/value-totals';
export { totalsOfEpic, totalsOfEpics } from './totals/totals-of-epics';
export { mergeTotals, sumTotals } from './totals/merge-totals';

export {
  computed,
  notComputable,
  type DiscountedKpiInput,
  type Kpi,
  type KpiInput,
  type NotComputableReason,
} from './kpis/kpi';
export { plannedBenefit } from './kpis/planned-benefit';
export { plannedBenefitToDate } from './kpis/planned-benefit-to-date';
export { realisedBenefit } from './kpis/realised-benefit';
export { realisationRate } from './kpis/realisation-rate';
export { baselineRealisationRate } from './kpis/baseline-realisation-rate';
export { forecastDrift } from './kpis/forecast-drift';
export { disBenefitRealised } from './kpis/dis-benefit-realised';
export { costBudget } from './kpis/cost-budget';
export { actualCost } from './kpis/actual-cost';
export { forecastCost } from './kpis/forecast-cost';
export { riskAdjustedBenefit } from './kpis/risk-adjusted-benefit';
export { roi } from './kpis/roi';
export { expectedRoi } from './kpis/expected-roi';
export { valueForMoney } from './kpis/value-for-money';
export { netCashFlows } from './kpis/net-cash-flows';
export { npv } from './kpis/npv';
export { paybackMonth } from './kpis/payback-month';
export { discountedPaybackMonth } from './kpis/discounted-payback-month';
export { irr, type IrrReason } from './kpis/irr';
export { mirr } from './kpis/mirr';
export { costAvoidanceRealised } from './kpis/cost-avoidance-realised';
export { costSavingRealised } from './kpis/cost-saving-realised';
export { verifiedShare } from './kpis/verified-share';
export { npsAtCompletion } from './kpis/nps-at-completion';
export {
  DEFAULT_ADVANCED_WINDOW_MONTHS,
  objectiveAttribution,
  type ObjectiveAttribution,
  type WindowedKpiInput,
} from './kpis/objective-attribution';
export {
  objectiveForecastAtTargetDate,
  objectiveOnTrack,
  objectiveTargetProgress,
  targetMonthOf,
} from './kpis/objective-target-kpis';
export { objectivesOnTrackPct } from './kpis/objectives-on-track-pct';
export { strategicGoalsAdvancedPct } from './kpis/strategic-goals-advanced-pct';
export { strategicAlignmentPct } from './kpis/strategic-alignment-pct';
export { epicKpis, valueKpis, type ValueKpis } from './kpis/value-kpis';
export { strategicKpis, type ObjectiveKpis, type StrategicKpis } from './kpis/strategic-kpis';

export { NO_PROGRAMME, portfolioTotals, type PortfolioTotals } from './report/portfolio-totals';
export { portfolioReport, type PortfolioReport } from './report/portfolio-report';
export {
  toPlainObjectiveKpis,
  toPlainReport,
  toPlainValueKpis,
  type PlainObjectiveKpis,
  type PlainObjectiveTarget,
  type PlainPortfolioReport,
  type PlainValueKpis,
} from './report/plain-report';

export * from './planning';

export * from './ranges';
