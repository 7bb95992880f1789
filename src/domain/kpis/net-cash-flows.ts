import { asOfColumn } from '../totals/series-sums';
import type { KpiInput } from './kpi';

/**
 * The monthly net cash flows as of a month, one per month of `totals` starting at
 * `totals.firstMonth` (minor units, integers, may be negative):
 *
 *   CF(m) = realised(m) - actualCost(m)                                for m <= as-of
 *   CF(m) = riskWeightedPlannedBenefit(m) - plannedCost(m)             for m >  as-of
 *
 * The past is what happened; the future is the plan, benefits weighted by each epic's success
 * probability. Shared by `npv`, `paybackMonth` and `irr`.
 */
export function netCashFlows(input: KpiInput): number[] {
  const { monthly } = input.totals;
  const lastPast = asOfColumn(input);
  return monthly.plannedBenefit.map((_, column) =>
    column <= lastPast
      ? (monthly.realisedBenefit[column] ?? 0) - (monthly.actualCost[column] ?? 0)
      : (monthly.riskWeightedPlannedBenefit[column] ?? 0) - (monthly.plannedCost[column] ?? 0),
  );
}
