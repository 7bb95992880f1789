import type { MinorUnits } from '../money/minor-units';
import { sumAll } from '../totals/series-sums';
import type { ValueTotals } from '../totals/value-totals';

/**
 * Planned benefit: Σ of every planned benefit amount, whatever its month.
 *
 * Units: minor units of the site currency (integer).
 * Example: planned 1,000.00 in each of 2026-02..2026-05 -> 4,000.00 (400000 minor units).
 * Edge cases: nothing planned -> 0. Does not depend on the as-of month.
 */
export function plannedBenefit({ totals }: { totals: ValueTotals }): MinorUnits {
  return sumAll({ values: totals.monthly.plannedBenefit });
}
