import type { MinorUnits } from '../money/minor-units';
import { asOfColumn, sumToDate } from '../totals/series-sums';
import type { KpiInput } from './kpi';

/**
 * Planned benefit to date: Σ of planned benefit amounts with month <= as-of.
 *
 * Units: minor units (integer).
 * Example: planned 1,000.00 in each of 2026-02..2026-05, as of 2026-03 -> 2,000.00.
 * Edge cases: nothing planned up to as-of -> 0.
 */
export function plannedBenefitToDate({ totals, asOf }: KpiInput): MinorUnits {
  return sumToDate({ values: totals.monthly.plannedBenefit, asOfColumn: asOfColumn({ totals, asOf }) });
}
