import type { MinorUnits } from '../money/minor-units';
import { asOfColumn, sumToDate } from '../totals/series-sums';
import type { KpiInput } from './kpi';

/**
 * Realised benefit: Σ of realised benefit amounts with month <= as-of, every kind and evidence
 * grade. Entries after as-of "do not exist yet" and are ignored.
 *
 * Units: minor units (integer).
 * Example: realised 900.00 (2026-02), 600.00 (2026-03), 500.00 (2026-04), as of 2026-03 -> 1,500.00.
 * Edge cases: nothing realised -> 0.
 */
export function realisedBenefit({ totals, asOf }: KpiInput): MinorUnits {
  return sumToDate({ values: totals.monthly.realisedBenefit, asOfColumn: asOfColumn({ totals, asOf }) });
}
