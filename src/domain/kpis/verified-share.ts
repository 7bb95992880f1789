import { asOfColumn, sumToDate } from '../totals/series-sums';
import { ratio, type Kpi, type KpiInput } from './kpi';
import { disBenefitRealised } from './dis-benefit-realised';
import { realisedBenefit } from './realised-benefit';

/**
 * Verified share: realised benefit with evidence `verified` (confirmed by finance), month <=
 * as-of, divided by the gross realised benefit (realisedBenefit + disBenefitRealised: the
 * benefits before dis-benefits are subtracted, which is what "verified" grades).
 *
 * Units: a ratio in [0, 1].
 * Example: 900.00 + 300.00 verified out of 1,800.00 realised -> 0.6667; with a 200.00 dis-benefit
 * beside them the share is still 1,200.00 / 1,800.00.
 * Edge cases: no benefit realised -> not computable, `NO_REALISED_BENEFIT`.
 */
export function verifiedShare(input: KpiInput): Kpi<number, 'NO_REALISED_BENEFIT'> {
  return ratio({
    numerator: sumToDate({ values: input.totals.monthly.realisedVerified, asOfColumn: asOfColumn(input) }),
    denominator: realisedBenefit(input) + disBenefitRealised(input),
    reasonIfZero: 'NO_REALISED_BENEFIT',
  });
}
