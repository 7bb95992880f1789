import type { MinorUnits } from '../money/minor-units';
import { sumAll } from '../totals/series-sums';
import type { ValueTotals } from '../totals/value-totals';

/**
 * Cost budget: Σ of every planned cost amount, whatever its month.
 *
 * Units: minor units (integer).
 * Example: planned costs 2,000.00 (2026-01) and 500.00 (2026-04) -> 2,500.00.
 * Edge cases: no planned costs -> 0. Does not depend on the as-of month.
 */
export function costBudget({ totals }: { totals: ValueTotals }): MinorUnits {
  return sumAll({ values: totals.monthly.plannedCost });
}
