import type { BenefitKind } from '../model/benefit';
import type { NpsCounts } from '../model/epic';
import type { YearMonth } from '../time/year-month';

/**
 * Month-by-month series kept for every set of epics. Amounts are integer minor units.
 * - `plannedBenefit`, `realisedBenefit`: net benefit, every kind together, dis-benefits subtracted
 *   (so a month may be negative).
 * - `realisedVerified`: the realised benefit (not dis-benefit) whose evidence is `verified`.
 * - `riskWeightedPlannedBenefit`: each epic's planned benefit for the month times its success
 *   probability, rounded half-to-even per epic-month.
 * - `plannedCost`, `actualCost`.
 */
export const MONTHLY_SERIES = [
  'plannedBenefit',
  'realisedBenefit',
  'realisedVerified',
  'riskWeightedPlannedBenefit',
  'plannedCost',
  'actualCost',
] as const;
export type MonthlySeriesName = (typeof MONTHLY_SERIES)[number];

/**
 * Month-by-month series per strategic objective: the linked epics' amounts times the epic's share
 * for that objective, rounded half-to-even per epic-month. Costs are kept (planned and actual) so
 * that the alignment KPI can form a forecast as of any month; the risk-weighted plan (share x the
 * epic's already rounded `riskWeightedPlannedBenefit`) so that an objective's target can be
 * forecast.
 */
export const OBJECTIVE_SERIES = [
  'plannedBenefit',
  'realisedBenefit',
  'riskWeightedPlannedBenefit',
  'plannedCost',
  'actualCost',
] as const;
export type ObjectiveSeriesName = (typeof OBJECTIVE_SERIES)[number];

/**
 * Month-by-month series of the epics that have an approved baseline (issue #15), net of
 * dis-benefits: the plan as approved, the same epics' current plan, and what they realised.
 * Only baselined epics count here, so that realisation against the baseline and forecast drift
 * compare like with like.
 */
export const BASELINE_SERIES = [
  'approvedPlannedBenefit',
  'currentPlannedBenefit',
  'realisedBenefit',
] as const;
export type BaselineSeriesName = (typeof BASELINE_SERIES)[number];
export type BaselineSeries = { readonly [S in BaselineSeriesName]: readonly number[] } & {
  /** How many of the epics have an approved baseline. */
  readonly epicCount: number;
};

export type MonthlySeries = { readonly [S in MonthlySeriesName]: readonly number[] };
export type ObjectiveSeries = { readonly [S in ObjectiveSeriesName]: readonly number[] };

/**
 * The value of a set of epics reduced to integer sums: enough to compute every KPI as of any
 * month, and small enough to store per project and merge later.
 *
 * `ValueTotals` form a commutative monoid under `mergeTotals` with `emptyTotals()` as identity.
 * Merging is exact (integers only), so the totals of a portfolio equal the merge of the totals
 * of any partition of its epics, in any order. The shape is plain JSON.
 *
 * Canonical form, which makes equal totals deep-equal:
 * - every series covers the same months, from `firstMonth` for `length` months; months before
 *   the first and after the last non-zero value of any series are trimmed, so a set with no
 *   money at all has `firstMonth: null` and empty series;
 * - `byObjective` holds only objectives with a non-zero value, keys in ascending order.
 */
export interface ValueTotals {
  readonly epicCount: number;
  /** NPS counts summed over epics with status `done` and at least one response. */
  readonly npsOfDoneEpics: NpsCounts;
  /** The month of index 0 of every series. */
  readonly firstMonth: YearMonth | null;
  readonly monthly: MonthlySeries;
  /** Realised benefit split by benefit kind; `dis_benefit` holds the realised dis-benefits' size (>= 0). */
  readonly realisedByKind: { readonly [K in BenefitKind]: readonly number[] };
  readonly byObjective: { readonly [objectiveId: string]: ObjectiveSeries };
  readonly baseline: BaselineSeries;
}

/** The totals of no epics: the identity of `mergeTotals`. */
export function emptyTotals(): ValueTotals {
  return {
    epicCount: 0,
    npsOfDoneEpics: { promoters: 0, passives: 0, detractors: 0 },
    firstMonth: null,
    monthly: {
      plannedBenefit: [],
      realisedBenefit: [],
      realisedVerified: [],
      riskWeightedPlannedBenefit: [],
      plannedCost: [],
      actualCost: [],
    },
    realisedByKind: {
      revenue: [],
      cost_saving: [],
      cost_avoidance: [],
      risk_reduction: [],
      customer: [],
      strategic: [],
      dis_benefit: [],
    },
    byObjective: {},
    baseline: { epicCount: 0, approvedPlannedBenefit: [], currentPlannedBenefit: [], realisedBenefit: [] },
  };
}

/** The series of one objective, or undefined when no linked epic has any value for it. */
export function objectiveSeriesOf({
  totals,
  objectiveId,
}: {
  totals: ValueTotals;
  objectiveId: string;
}): ObjectiveSeries | undefined {
  // hasOwn: objective ids come from documents, and "constructor" must not find Object.prototype's.
  return Object.hasOwn(totals.byObjective, objectiveId) ? totals.byObjective[objectiveId] : undefined;
}
