import type { ValueTotals } from '../totals/value-totals';
import type { YearMonth } from '../time/year-month';

/** Why a KPI has no value. Each KPI documents which of these it can return. */
export type NotComputableReason =
  | 'NOTHING_PLANNED_TO_DATE'
  | 'NO_ACTUAL_COST'
  | 'NO_FORECAST_COST'
  | 'NO_REALISED_BENEFIT'
  | 'NO_NPS_RESPONSES'
  | 'NO_ACTIVE_OBJECTIVES'
  | 'NEVER_IN_DEFICIT'
  | 'NOT_RECOVERED'
  | 'NO_SIGN_CHANGE'
  | 'NO_RATE_SOLVES'
  | 'SEVERAL_RATES_POSSIBLE'
  | 'NO_TARGET'
  | 'ZERO_TARGET'
  | 'NO_OBJECTIVE_TARGETS'
  | 'NET_PLAN_NEGATIVE'
  | 'NO_APPROVED_BASELINE'
  | 'NO_APPROVED_BENEFIT';

/**
 * A KPI value, or the reason there is none. Degenerate inputs (a ratio over zero) are normal
 * business outcomes, so they are returned rather than thrown, and never become NaN or Infinity.
 */
export type Kpi<T, R extends NotComputableReason = NotComputableReason> =
  { readonly value: T } | { readonly value: null; readonly reason: R };

export function computed<T>(value: T): { readonly value: T } {
  return { value };
}

export function notComputable<R extends NotComputableReason>(reason: R): { readonly value: null; reason: R } {
  return { value: null, reason };
}

/** `numerator / denominator`, or `reason` when the denominator is 0. */
export function ratio<R extends NotComputableReason>({
  numerator,
  denominator,
  reasonIfZero,
}: {
  numerator: number;
  denominator: number;
  reasonIfZero: R;
}): Kpi<number, R> {
  return denominator === 0 ? notComputable(reasonIfZero) : computed(numerator / denominator);
}

/** What every KPI of a set of epics is computed from. */
export interface KpiInput {
  readonly totals: ValueTotals;
  /** The month the KPI is "as of", inclusive: later realised amounts and actual costs are ignored. */
  readonly asOf: YearMonth;
}

/** Input of the discounted-cash-flow KPIs. */
export interface DiscountedKpiInput extends KpiInput {
  /** Annual discount rate as a decimal (0.08 for 8%); the monthly rate is `discountRate / 12`. */
  readonly discountRate: number;
}
