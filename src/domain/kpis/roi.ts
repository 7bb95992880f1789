import { actualCost } from './actual-cost';
import { ratio, type Kpi, type KpiInput } from './kpi';
import { realisedBenefit } from './realised-benefit';

/**
 * Return on investment to date: (realisedBenefit - actualCost) / actualCost.
 *
 * Units: a ratio (0.25 = 25% return; -1 = nothing back yet).
 * Example: realised 1,800.00 against 2,900.00 spent -> (1800 - 2900) / 2900 = -0.3793...
 * Edge cases: nothing spent yet -> not computable, `NO_ACTUAL_COST`.
 */
export function roi(input: KpiInput): Kpi<number, 'NO_ACTUAL_COST'> {
  const cost = actualCost(input);
  return ratio({
    numerator: realisedBenefit(input) - cost,
    denominator: cost,
    reasonIfZero: 'NO_ACTUAL_COST',
  });
}
