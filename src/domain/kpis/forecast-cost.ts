import { minorUnits, type MinorUnits } from '../money/minor-units';
import { asOfColumn, sumAfter } from '../totals/series-sums';
import { actualCost } from './actual-cost';
import type { KpiInput } from './kpi';

/**
 * Forecast cost: actualCost + Σ of planned cost amounts with month > as-of. What the work will
 * have cost in the end if the remaining plan holds. Planned costs up to as-of are replaced by
 * what was actually spent.
 *
 * Units: minor units (integer).
 * Example: actual 2,900.00 to date plus 500.00 planned for 2026-04, as of 2026-03 -> 3,400.00.
 * Edge cases: nothing spent and nothing left to spend -> 0.
 */
export function forecastCost(input: KpiInput): MinorUnits {
  const plannedAfter = sumAfter({
    values: input.totals.monthly.plannedCost,
    asOfColumn: asOfColumn(input),
  });
  return minorUnits(actualCost(input) + plannedAfter);
}
