import type { MinorUnits } from '../money/minor-units';
import { asOfColumn, sumToDate } from '../totals/series-sums';
import type { KpiInput } from './kpi';

/**
 * Cost avoidance realised: Σ of realised amounts of `cost_avoidance` benefits with month <=
 * as-of. Reported separately from cost savings (see `costSavingRealised`).
 *
 * Units: minor units (integer).
 * Example: a cost avoidance planned at 200.00 but not yet realised -> 0.
 * Edge cases: none realised -> 0.
 */
export function costAvoidanceRealised({ totals, asOf }: KpiInput): MinorUnits {
  return sumToDate({
    values: totals.realisedByKind.cost_avoidance,
    asOfColumn: asOfColumn({ totals, asOf }),
  });
}
