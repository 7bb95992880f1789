import { plannedBenefitToDate } from './planned-benefit-to-date';
import { realisedBenefit } from './realised-benefit';
import { ratio, type Kpi, type KpiInput } from './kpi';

/**
 * Realisation rate: realisedBenefit / plannedBenefitToDate, both as of the same month.
 *
 * Units: a ratio (0.75 means 75% of what was planned so far has been realised); can exceed 1.
 * Example: realised 1,800.00 against 2,400.00 planned to date -> 0.75.
 * Edge cases: nothing planned to date -> not computable, `NOTHING_PLANNED_TO_DATE` (even when
 * something was realised early).
 */
export function realisationRate(input: KpiInput): Kpi<number, 'NOTHING_PLANNED_TO_DATE'> {
  return ratio({
    numerator: realisedBenefit(input),
    denominator: plannedBenefitToDate(input),
    reasonIfZero: 'NOTHING_PLANNED_TO_DATE',
  });
}
