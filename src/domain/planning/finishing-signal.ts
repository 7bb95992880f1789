import { minorUnits, type MinorUnits } from '../money/minor-units';
import { remainingCost, remainingRiskAdjustedBenefit } from './remaining-cost';
import type { RemainingPlan } from './remaining-plan';

/**
 * - `not_worth_finishing`: what is left to gain is less than what is left to spend;
 * - `worth_finishing`: it is at least as much;
 * - `nothing_to_fund`: no cost remains, so there is nothing to decide (benefits may still come).
 */
export type FinishingVerdict = 'worth_finishing' | 'not_worth_finishing' | 'nothing_to_fund';

export interface FinishingSignal {
  readonly verdict: FinishingVerdict;
  /** remainingRiskAdjustedBenefit - remainingCost, minor units; negative when not worth it. */
  readonly margin: MinorUnits;
}

/**
 * The stop/continue signal: "not worth finishing" when
 *
 *   remainingRiskAdjustedBenefit < remainingCost
 *
 * both undiscounted and as of A (sunk cost ignored: it is spent whatever is decided now).
 * Example (docs/kpis.md): 1,600.00 still to gain vs 1,200.00 still to spend -> worth finishing,
 * margin 400.00; at p = 0.5 (1,000.00 to gain) -> not worth finishing, margin -200.00.
 * Edge cases: no remaining cost -> `nothing_to_fund` (margin = the remaining benefit). A margin of
 * exactly 0 is worth finishing.
 */
export function finishingSignal({ plan }: { plan: RemainingPlan }): FinishingSignal {
  const cost = remainingCost({ plan });
  const margin = minorUnits(remainingRiskAdjustedBenefit({ plan }) - cost);
  if (cost === 0) {
    return { verdict: 'nothing_to_fund', margin };
  }
  return { verdict: margin < 0 ? 'not_worth_finishing' : 'worth_finishing', margin };
}
