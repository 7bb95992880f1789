import type { KpiFigures } from '../../../../../src/contract/kpi-figures';
import { DRILL_KPIS, type DrillKpi } from '../../../../../src/contract/kpi-drill-down';
import { KPI_NAMES } from '../../../../../src/contract/value-vocabulary';

/**
 * The tile that counts benefit reviews due and overdue (issue #15). Its figures come from their
 * own resolver, not the portfolio's, so the grid renders it apart from the KPI tiles.
 */
export const REVIEWS_TILE = 'benefitReviews';

/** The tiles a gadget can show, in the order they appear: every KPI with a drill-down, then reviews. */
export const TILE_IDS = [...DRILL_KPIS, REVIEWS_TILE] as const;

export type TileId = (typeof TILE_IDS)[number];

/** A tile read from the portfolio's figures, with a drill-down into the epics behind it. */
export const isKpiTile = (id: TileId): id is DrillKpi => id !== REVIEWS_TILE;

/**
 * How a KPI's number reads: a ratio (0.25 shown as 25%), a value already in percent (25), money
 * in the site currency, a multiple (1.12×) or a score (NPS, −100 to 100). Targets are stored in
 * the same unit as the KPI. A count (reviews due) is a work list, not a KPI with a target.
 */
export type KpiUnit = 'ratio' | 'percent' | 'money' | 'multiple' | 'score' | 'month' | 'count';

/** Units a target can be set in: a month (payback) has no threshold that fits every scope. */
export const hasTargets = (unit: KpiUnit): boolean => unit !== 'month' && unit !== 'count';

/** What a tile reads from: the portfolio's figures plus the two strategic percentages. */
export interface TileFigures {
  figures: KpiFigures;
  strategicGoalsAdvancedPct: number | null;
  objectivesOnTrackPct: number | null;
  strategicAlignmentPct: number | null;
  asOf: string;
}

/**
 * How a tile's number reads beyond its unit: `reduction`, an amount that lowers net benefit
 * (a dis-benefit, a size ≥ 0 shown negative, -€250); `change`, a ratio that moves either
 * way from zero and says which (+12%, -25%).
 */
export type TileReading = 'reduction' | 'change';

export interface TileDefinition {
  id: TileId;
  label: string;
  unit: KpiUnit;
  reading?: TileReading;
  /** A number in the unit, or a month (`YYYY-MM`) for the month unit; null when not computable. */
  value(source: TileFigures): number | string | null;
  /** Why the value is null (only asked when it is). */
  notComputable: string;
  /** The formula, per docs/kpis.md, in words. */
  formula: string;
}

const money = (pick: (f: KpiFigures) => number) => (source: TileFigures) => pick(source.figures);

export const TILES: Record<TileId, TileDefinition> = {
  realisedBenefit: {
    id: 'realisedBenefit',
    label: KPI_NAMES.realisedBenefit,
    unit: 'money',
    value: money((f) => f.realisedBenefit),
    notComputable: '',
    formula:
      'Sum of every benefit realised up to the as-of month, of every kind and evidence grade. Compared with the benefit planned for the same months.',
  },
  disBenefitRealised: {
    id: 'disBenefitRealised',
    label: KPI_NAMES.disBenefitRealised,
    unit: 'money',
    reading: 'reduction',
    value: money((f) => f.disBenefitRealised),
    notComputable: '',
    formula:
      'Sum of the dis-benefits realised up to the as-of month: negative effects of the change, such as sales lost or support load added. Shown apart from the benefits, and already subtracted from realised benefit, NPV, ROI and the realisation rate.',
  },
  realisationRate: {
    id: 'realisationRate',
    label: KPI_NAMES.realisationRate,
    unit: 'ratio',
    value: (s) => s.figures.realisationRate,
    notComputable: 'Nothing is planned up to the as-of month yet.',
    formula: 'Realised benefit ÷ benefit planned up to the as-of month. Above 100% means ahead of plan.',
  },
  baselineRealisationRate: {
    id: 'baselineRealisationRate',
    label: KPI_NAMES.baselineRealisationRate,
    unit: 'ratio',
    value: (s) => s.figures.baselineRealisationRate,
    notComputable:
      'No epic here has an approved baseline, or their baselines plan no net benefit up to the as-of month.',
    formula:
      'Benefit realised by the epics with an approved baseline ÷ the benefit their approved baselines planned up to the as-of month, both net of dis-benefits. A plan cut after approval does not hide a shortfall here, as it does in the realisation rate.',
  },
  forecastDrift: {
    id: 'forecastDrift',
    label: KPI_NAMES.forecastDrift,
    unit: 'ratio',
    reading: 'change',
    value: (s) => s.figures.forecastDrift,
    notComputable: 'No epic here has an approved baseline, or their baselines plan no net benefit.',
    formula:
      '(Current planned benefit − approved planned benefit) ÷ approved planned benefit, over every month, of the epics with an approved baseline, net of dis-benefits. Negative when the plan shrank since approval.',
  },
  roi: {
    id: 'roi',
    label: KPI_NAMES.roi,
    unit: 'ratio',
    value: (s) => s.figures.roi,
    notComputable: 'No actual cost is recorded yet.',
    formula: '(Realised benefit − actual cost) ÷ actual cost, both up to the as-of month.',
  },
  expectedRoi: {
    id: 'expectedRoi',
    label: KPI_NAMES.expectedRoi,
    unit: 'ratio',
    value: (s) => s.figures.expectedRoi,
    notComputable: 'No cost is forecast for these epics.',
    formula:
      '(Risk-adjusted benefit − forecast cost) ÷ forecast cost. Risk-adjusted benefit is what was realised plus each epic’s success probability × the benefit it still plans; forecast cost is actual cost plus the cost still planned.',
  },
  npv: {
    id: 'npv',
    label: KPI_NAMES.npv,
    unit: 'money',
    value: money((f) => f.npv),
    notComputable: '',
    formula:
      'Sum of the monthly net cash flows discounted to the as-of month at the site’s discount rate (applied monthly). Past months use what happened; later months use the plan, benefits weighted by success probability.',
  },
  valueForMoney: {
    id: 'valueForMoney',
    label: KPI_NAMES.valueForMoney,
    unit: 'multiple',
    value: (s) => s.figures.valueForMoney,
    notComputable: 'No cost is forecast for these epics.',
    formula:
      'Risk-adjusted benefit ÷ forecast cost: expected benefit per unit of money spent (1× = break even).',
  },
  costSavingRealised: {
    id: 'costSavingRealised',
    label: KPI_NAMES.costSavingRealised,
    unit: 'money',
    value: money((f) => f.costSavingRealised),
    notComputable: '',
    formula:
      'Sum of realised benefits of kind “cost saving” up to the as-of month: spend that stops, booked against the budget. Kept apart from cost avoidance.',
  },
  costAvoidanceRealised: {
    id: 'costAvoidanceRealised',
    label: KPI_NAMES.costAvoidanceRealised,
    unit: 'money',
    value: money((f) => f.costAvoidanceRealised),
    notComputable: '',
    formula:
      'Sum of realised benefits of kind “cost avoidance” up to the as-of month: spend that never happens, which finance books only as a memo. Kept apart from cost saving.',
  },
  npsAtCompletion: {
    id: 'npsAtCompletion',
    label: KPI_NAMES.npsAtCompletion,
    unit: 'score',
    value: (s) => s.figures.npsAtCompletion,
    notComputable: 'No done epic has NPS survey responses yet.',
    formula:
      '100 × (promoters − detractors) ÷ responses, pooled over the done epics that have survey responses. From −100 to 100.',
  },
  strategicGoalsAdvancedPct: {
    id: 'strategicGoalsAdvancedPct',
    label: KPI_NAMES.strategicGoalsAdvancedPct,
    unit: 'percent',
    value: (s) => s.strategicGoalsAdvancedPct,
    notComputable: 'There is no active strategic objective. A Jira admin can add one on the admin page.',
    formula:
      'Active objectives whose attributed realised benefit grew within the trailing window (the as-of month and the 2 months before it) ÷ all active objectives.',
  },
  irr: {
    id: 'irr',
    label: KPI_NAMES.irr,
    unit: 'ratio',
    value: (s) => s.figures.irr,
    notComputable:
      'No single yearly rate makes these cash flows’ NPV zero: they never turn from cost to benefit (or back), or several rates do.',
    formula:
      'Internal rate of return: the yearly rate at which the NPV of the combined monthly net cash flows is zero. Given only where one rate does it.',
  },
  mirr: {
    id: 'mirr',
    label: KPI_NAMES.mirr,
    unit: 'ratio',
    value: (s) => s.figures.mirr,
    notComputable: 'The cash flows have no cost or no benefit to compare: MIRR needs both.',
    formula:
      'Modified IRR: costs financed and benefits reinvested at the site’s discount rate; the yearly rate that turns the one into the other.',
  },
  paybackMonth: {
    id: 'paybackMonth',
    label: KPI_NAMES.paybackMonth,
    unit: 'month',
    value: (s) => s.figures.paybackMonth,
    notComputable: 'The cumulative cash flow is never in deficit, or does not recover within the plan.',
    formula:
      'The first month in which the cumulative net cash flow (benefit − cost) is back at zero or above.',
  },
  discountedPaybackMonth: {
    id: 'discountedPaybackMonth',
    label: KPI_NAMES.discountedPaybackMonth,
    unit: 'month',
    value: (s) => s.figures.discountedPaybackMonth,
    notComputable:
      'The discounted cumulative cash flow is never in deficit, or does not recover within the plan.',
    formula:
      'As payback, with each month’s net cash flow discounted at the site’s discount rate: the first month the discounted cumulative flow is back at zero or above.',
  },
  objectivesOnTrackPct: {
    id: 'objectivesOnTrackPct',
    label: KPI_NAMES.objectivesOnTrackPct,
    unit: 'percent',
    value: (s) => s.objectivesOnTrackPct,
    notComputable: 'No active objective has a target. A Jira admin can set targets on the admin page.',
    formula:
      'Active objectives with a target whose forecast at the target date (attributed realised plus risk-adjusted plan) reaches the target ÷ active objectives with a target.',
  },
  strategicAlignmentPct: {
    id: 'strategicAlignmentPct',
    label: KPI_NAMES.strategicAlignmentPct,
    unit: 'percent',
    value: (s) => s.strategicAlignmentPct,
    notComputable: 'No cost is forecast for these epics.',
    formula:
      'Forecast cost linked to active objectives (weighted by each epic’s share of each objective) ÷ all forecast cost.',
  },
  verifiedShare: {
    id: 'verifiedShare',
    label: KPI_NAMES.verifiedShare,
    unit: 'ratio',
    value: (s) => s.figures.verifiedShare,
    notComputable: 'Nothing has been realised yet.',
    formula: 'Realised benefit whose evidence is “verified” ÷ all realised benefit, up to the as-of month.',
  },
  benefitReviews: {
    id: REVIEWS_TILE,
    label: KPI_NAMES.benefitReviews,
    unit: 'count',
    // Counted by the reviews resolver (reviews-tile.tsx), never from the portfolio's figures.
    value: () => null,
    notComputable: 'Benefit reviews are counted for all projects, projects or programmes only.',
    formula:
      'Open benefit reviews of done epics in this scope, as of today: due (within 30 days of their date) and overdue (past it). Closed reviews are not counted.',
  },
};
