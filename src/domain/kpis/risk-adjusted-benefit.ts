import { minorUnits, type MinorUnits } from '../money/minor-units';
import { asOfColumn, sumAfter } from '../totals/series-sums';
import type { KpiInput } from './kpi';
import { realisedBenefit } from './realised-benefit';

/**
 * Risk-adjusted benefit: Σ over epics of (realised benefit with month <= as-of) +
 * successProbability x (planned benefit with month > as-of). What has arrived, plus what is still
 * expected, discounted for the chance that it does not.
 *
 * Units: minor units (integer). Each epic's planned benefit for a month is multiplied by its
 * probability and rounded half-to-even to whole minor units once per epic-month, then summed.
 * Example: realised 1,500.00, and 1,000.00 planned in each of 2026-04 and 2026-05 at probability
 * 0.8, as of 2026-03 -> 1,500.00 + 800.00 + 800.00 = 3,100.00.
 * Edge cases: nothing realised and nothing planned after as-of -> 0.
 */
export function riskAdjustedBenefit(input: KpiInput): MinorUnits {
  const expected = sumAfter({
    values: input.totals.monthly.riskWeightedPlannedBenefit,
    asOfColumn: asOfColumn(input),
  });
  return minorUnits(realisedBenefit(input) + expected);
}
