import { plannedBenefitToDate } from './planned-benefit-to-date';
import { realisedBenefit } from './realised-benefit';
import { notComputable, ratio, type Kpi, type KpiInput } from './kpi';

/**
 * Realisation rate: realisedBenefit / plannedBenefitToDate, both as of the same month.
 *
 * Units: a ratio (0.75 means 75% of what was planned so far has been realised); can exceed 1.
 * Example: realised 1,800.00 against 2,400.00 planned to date -> 0.75.
 * Both are net of dis-benefits (a dis-benefit of 200.00 realised beside 1,000.00 of benefit
 * realises 800.00).
 * Edge cases: nothing planned to date -> not computable, `NOTHING_PLANNED_TO_DATE` (even when
 * something was realised early); a net plan to date below zero (more dis-benefit than benefit
 * planned so far) -> `NET_PLAN_NEGATIVE`, as a share of a negative plan would read backwards.
 */
export function realisationRate(
  input: KpiInput,
): Kpi<number, 'NOTHING_PLANNED_TO_DATE' | 'NET_PLAN_NEGATIVE'> {
  const planned = plannedBenefitToDate(input);
  if (planned < 0) return notComputable('NET_PLAN_NEGATIVE');
  return ratio({
    numerator: realisedBenefit(input),
    denominator: planned,
    reasonIfZero: 'NOTHING_PLANNED_TO_DATE',
  });
}
