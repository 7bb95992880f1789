/**
 * The closed vocabularies of the value record. The domain declares the same lists
 * (src/domain/model); a contract test checks that they stay equal.
 */
export const BENEFIT_KINDS = [
  'revenue',
  'cost_saving',
  'cost_avoidance',
  'risk_reduction',
  'customer',
  'strategic',
  'dis_benefit',
] as const;
export const EVIDENCE_GRADES = ['verified', 'measured', 'estimated'] as const;
export const EPIC_STATUSES = ['todo', 'in_progress', 'done'] as const;
export const OBJECTIVE_STATUSES = ['active', 'archived'] as const;
/** What applying a value planning scenario records for an epic (issue #16). */
export const VALUE_DECISION_CHOICES = ['continue', 'delay_3', 'delay_6', 'delay_12', 'stop'] as const;
export const MAX_SCENARIO_NAME_LENGTH = 120;

export const PORTFOLIO_FORMAT = 'value-layer.portfolio';
export const PORTFOLIO_VERSION = 1;

/*
 * The words every screen, export and doc uses for the KPIs and their targets (docs/kpis.md,
 * "Names"). One place, so that the admin page, the gadget, the panel, the CSV and the docs say
 * the same thing; test/contract/vocabulary.test.ts fails on the retired variants.
 */

/** The KPIs a portfolio is measured by, as named on screen, in exports and in the docs. */
export const KPI_NAMES = {
  epics: 'Epics',
  plannedBenefit: 'Planned benefit',
  plannedBenefitToDate: 'Planned benefit to date',
  realisedBenefit: 'Realised benefit',
  disBenefitRealised: 'Dis-benefit realised',
  realisationRate: 'Realisation rate',
  baselineRealisationRate: 'Realisation against baseline',
  forecastDrift: 'Forecast drift',
  costBudget: 'Cost budget',
  actualCost: 'Actual cost',
  forecastCost: 'Forecast cost',
  riskAdjustedBenefit: 'Risk-adjusted benefit',
  roi: 'ROI to date',
  expectedRoi: 'Expected ROI',
  valueForMoney: 'Value for money',
  npv: 'NPV',
  paybackMonth: 'Payback month',
  discountedPaybackMonth: 'Discounted payback month',
  irr: 'IRR',
  mirr: 'MIRR',
  costSavingRealised: 'Cost saving realised',
  costAvoidanceRealised: 'Cost avoidance realised',
  verifiedShare: 'Verified by finance',
  npsAtCompletion: 'NPS at completion',
  strategicGoalsAdvancedPct: 'Strategic goals advanced',
  strategicAlignmentPct: 'Strategic alignment of spend',
  objectivesOnTrackPct: 'Objectives on track',
  benefitReviews: 'Benefit reviews',
  // Value planning (docs/kpis.md, "Value planning"): what an in-flight epic still has to give and cost.
  remainingNpv: 'Remaining NPV',
  remainingCost: 'Remaining cost',
  remainingBenefit: 'Remaining risk-adjusted benefit',
  costOfDelay: 'Cost of delay',
  remainingMonths: 'Remaining months',
  cd3: 'CD3',
  // The budget cut (docs/kpis.md, "The budget-cut optimiser"): what a plan keeps, frees and loses.
  npvRetained: 'NPV retained',
  cashFreed: 'Cash freed',
  valueLost: 'Value lost',
  // Risk ranges (docs/kpis.md, "Risk ranges"): P10 / P50 / P90 of a seeded simulation.
  npvRange: 'NPV range',
  benefitByHorizonRange: 'Benefit by horizon range',
  totalCostRange: 'Total cost range',
  probabilityNpvBelowZero: 'Chance NPV below zero',
  probabilityTargetReached: 'Chance target reached',
  benefitFan: 'Benefit range over time',
  // Keep-probability (docs/kpis.md, "Keep-probability"): how often a budget cut keeps an epic.
  keepProbability: 'Keep-probability',
} as const;

/** The columns of a value planning scenario's export and comparison, beside KPI_NAMES (issue #16). */
export const SCENARIO_COLUMN_NAMES = {
  scenario: 'Scenario',
  asOf: 'As of',
  currency: 'Currency',
  epic: 'Epic',
  summary: 'Summary',
  project: 'Project',
  decision: 'Decision',
  why: 'Why',
  yearSpend: 'Spend in the next 12 months',
} as const;

export type NamedKpi = keyof typeof KPI_NAMES;

/** The stop/continue signal's verdicts (finishingSignal), as the planning page's lozenge says them. */
export const FINISHING_VERDICT_NAMES = {
  worth_finishing: 'Worth finishing',
  not_worth_finishing: 'Not worth finishing',
  nothing_to_fund: 'Nothing to fund',
} as const;

/** A KPI's status against its target, as a tile and its lozenge say it. */
export const KPI_STATUS_NAMES = {
  'on-target': 'On target',
  'at-risk': 'At risk',
  'off-target': 'Off target',
} as const;

/**
 * The two thresholds of a KPI target, as column headers and labels say them. Stored as `green`
 * and `amber` (site-config.schema.ts); never shown as colours, which not every reader can tell apart.
 */
export const THRESHOLD_NAMES = { green: 'On target at', amber: 'At risk at' } as const;

/** Which way a KPI is better, as a target's direction reads. */
export const DIRECTION_NAMES = { higher: 'Higher is better', lower: 'Lower is better' } as const;

/**
 * The built-in KPI targets a tile falls back to when neither its gadget nor a Jira admin set
 * one, in each KPI's own unit (kpi-figures.ts: ratios as decimals, percentages 0-100, money in
 * the site currency, NPS as a score). Conservative VMO rules of thumb: realise ≥ 90% of plan
 * (at risk ≥ 70%); ROI to date ≥ 10% (≥ 0%); expected ROI ≥ 20% (≥ 0%); NPV ≥ 0; value for money
 * ≥ 1.2× (≥ 1×); NPS ≥ 30 (≥ 0); ≥ 70% of goals advanced (≥ 40%); ≥ 80% of spend aligned (≥ 60%);
 * ≥ 60% verified by finance (≥ 30%). Realised money has none: it has no universal scale.
 */
export const BUILT_IN_KPI_TARGETS = {
  realisationRate: { green: 0.9, amber: 0.7, higherIsBetter: true },
  roi: { green: 0.1, amber: 0, higherIsBetter: true },
  expectedRoi: { green: 0.2, amber: 0, higherIsBetter: true },
  npv: { green: 0, amber: 0, higherIsBetter: true },
  valueForMoney: { green: 1.2, amber: 1, higherIsBetter: true },
  npsAtCompletion: { green: 30, amber: 0, higherIsBetter: true },
  strategicGoalsAdvancedPct: { green: 70, amber: 40, higherIsBetter: true },
  strategicAlignmentPct: { green: 80, amber: 60, higherIsBetter: true },
  verifiedShare: { green: 0.6, amber: 0.3, higherIsBetter: true },
} as const satisfies Partial<Record<NamedKpi, { green: number; amber: number; higherIsBetter: boolean }>>;

/** The value record's closed vocabularies as they read on screen and in exports. */
export const BENEFIT_KIND_NAMES: Record<(typeof BENEFIT_KINDS)[number], string> = {
  revenue: 'Revenue',
  cost_saving: 'Cost saving',
  cost_avoidance: 'Cost avoidance',
  risk_reduction: 'Risk reduction',
  customer: 'Customer',
  strategic: 'Strategic',
  dis_benefit: 'Dis-benefit',
};
export const VALUE_DECISION_NAMES: Record<(typeof VALUE_DECISION_CHOICES)[number], string> = {
  continue: 'Continue',
  delay_3: 'Delay 3 months',
  delay_6: 'Delay 6 months',
  delay_12: 'Delay 12 months',
  stop: 'Stop',
};
export const EVIDENCE_GRADE_NAMES: Record<(typeof EVIDENCE_GRADES)[number], string> = {
  verified: 'Verified',
  measured: 'Measured',
  estimated: 'Estimated',
};
export const EPIC_STATUS_NAMES: Record<(typeof EPIC_STATUSES)[number], string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};
export const OBJECTIVE_STATUS_NAMES: Record<(typeof OBJECTIVE_STATUSES)[number], string> = {
  active: 'Active',
  archived: 'Archived',
};
