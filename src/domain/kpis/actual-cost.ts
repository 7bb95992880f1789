import type { MinorUnits } from '../money/minor-units';
import { asOfColumn, sumToDate } from '../totals/series-sums';
import type { KpiInput } from './kpi';

/**
 * Actual cost: Σ of actual cost amounts with month <= as-of (later entries are ignored).
 *
 * Units: minor units (integer).
 * Example: actual 800.00 (2026-02) and 100.00 (2026-04), as of 2026-03 -> 800.00.
 * Edge cases: no actual costs -> 0.
 */
export function actualCost({ totals, asOf }: KpiInput): MinorUnits {
  return sumToDate({ values: totals.monthly.actualCost, asOfColumn: asOfColumn({ totals, asOf }) });
}
