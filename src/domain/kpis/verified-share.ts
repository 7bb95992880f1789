import { asOfColumn, sumToDate } from '../totals/series-sums';
import { ratio, type Kpi, type KpiInput } from './kpi';
import { realisedBenefit } from './realised-benefit';

/**
 * Verified share: realised benefit with evidence `verified` (confirmed by finance), month <=
 * as-of, divided by realisedBenefit. How much of the reported value finance stands behind.
 *
 * Units: a ratio in [0, 1].
 * Example: 900.00 + 300.00 verified out of 1,800.00 realised -> 0.6667.
 * Edge cases: nothing realised -> not computable, `NO_REALISED_BENEFIT`.
 */
export function verifiedShare(input: KpiInput): Kpi<number, 'NO_REALISED_BENEFIT'> {
  return ratio({
    numerator: sumToDate({ values: input.totals.monthly.realisedVerified, asOfColumn: asOfColumn(input) }),
    denominator: realisedBenefit(input),
    reasonIfZero: 'NO_REALISED_BENEFIT',
  });
}
