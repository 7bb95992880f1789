import type { MinorUnits } from '../money/minor-units';
import { asOfColumn, sumToDate } from '../totals/series-sums';
import type { KpiInput } from './kpi';

/**
 * Dis-benefit realised: Σ of realised amounts of `dis_benefit` entries with month <= as-of, as a
 * positive size. Shown apart from the benefits so that a reader sees what the change cost besides
 * its spend; `realisedBenefit`, NPV, ROI and the realisation rate already have it subtracted.
 *
 * Units: minor units (integer, >= 0).
 * Example: a dis-benefit realised 200.00 in 2026-03 beside 1,000.00 of revenue, as of 2026-03
 * -> 200.00 (and realisedBenefit 800.00).
 * Edge cases: none realised -> 0.
 */
export function disBenefitRealised({ totals, asOf }: KpiInput): MinorUnits {
  return sumToDate({ values: totals.realisedByKind.dis_benefit, asOfColumn: asOfColumn({ totals, asOf }) });
}
