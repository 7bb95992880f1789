import type { MinorUnits } from '../money/minor-units';
import { asOfColumn, sumToDate } from '../totals/series-sums';
import type { KpiInput } from './kpi';

/**
 * Cost saving realised: Σ of realised amounts of `cost_saving` benefits with month <= as-of.
 * Kept apart from cost avoidance because finance books a saving (spend that stops) against the
 * budget, and an avoidance (spend that never happens) only as a memo item.
 *
 * Units: minor units (integer).
 * Example: a cost saving realised 300.00 in 2026-03, as of 2026-03 -> 300.00.
 * Edge cases: none realised -> 0.
 */
export function costSavingRealised({ totals, asOf }: KpiInput): MinorUnits {
  return sumToDate({ values: totals.realisedByKind.cost_saving, asOfColumn: asOfColumn({ totals, asOf }) });
}
