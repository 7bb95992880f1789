import { minorUnits, type MinorUnits } from '../money/minor-units';
import type { RemainingPlan } from './remaining-plan';

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    total += value;
  }
  return total;
}

/**
 * Remaining cost to complete: Σ of planned cost with month > A. What finishing the epic will
 * still cost if its plan holds; what stopping it now saves.
 *
 * Units: minor units (integer). Example (docs/kpis.md): 1,000.00 (Apr) + 200.00 (May) as of 2026-03 -> 1,200.00; the
 * 2,000.00 already spent up to March does not count.
 * Edge cases: nothing planned after A -> 0.
 */
export function remainingCost({ plan }: { plan: RemainingPlan }): MinorUnits {
  return minorUnits(sum(plan.cost));
}

/**
 * Remaining risk-adjusted benefit: Σ over months > A of p x plannedBenefit, rounded per month
 * (the future part of `riskAdjustedBenefit`, undiscounted).
 *
 * Units: minor units (integer). Example (docs/kpis.md): 1,000.00 (May) + 1,000.00 (Jun) at p = 0.8 -> 1,600.00.
 * Edge cases: nothing planned after A, or p = 0 -> 0.
 */
export function remainingRiskAdjustedBenefit({ plan }: { plan: RemainingPlan }): MinorUnits {
  return minorUnits(sum(plan.benefit));
}
