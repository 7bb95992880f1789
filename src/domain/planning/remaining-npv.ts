import { minorUnits, type MinorUnits } from '../money/minor-units';
import { roundHalfEven } from '../money/round-half-even';
import type { RemainingPlan } from './remaining-plan';

/**
 * The unrounded present value at A of the remaining plan shifted `delayMonths` later:
 * Σ over t >= 1 of (benefit(A+t) - cost(A+t)) / (1 + i)^(t + delay), i = discountRate / 12.
 * Shared by `remainingNpv`, `costOfDelay` and the optimiser's choices, so that all of them
 * round once, at the end, from the same sum.
 */
export function presentValueOfRemaining(
  plan: RemainingPlan,
  discountRate: number,
  delayMonths: number,
): number {
  const growth = 1 + discountRate / 12;
  let value = 0;
  for (let position = 0; position < plan.cost.length; position += 1) {
    const flow = (plan.benefit[position] ?? 0) - (plan.cost[position] ?? 0);
    if (flow !== 0) {
      value += flow / growth ** (position + 1 + delayMonths);
    }
  }
  return value;
}

/**
 * Remaining risk-adjusted NPV of an epic as of A: the NPV of its future flows only,
 *
 *   remainingNpv = Σ over t >= 1 of (p x plannedBenefit(A+t) - plannedCost(A+t)) / (1 + i)^t
 *
 * with p the success probability (rounded per month as in `riskAdjustedBenefit`) and
 * i = discountRate / 12. Sunk cost (actual cost to date) and realised benefit are ignored: they
 * are the same whatever is decided now. Unlike `npv`, the as-of month itself is not counted.
 *
 * Units: minor units, rounded half-to-even once at the end.
 * Example (docs/kpis.md, A = 2026-03, 12% a year): flows -1,000.00 (Apr), +600.00 (May),
 * +800.00 (Jun) -> -990.10 + 588.18 + 776.47 = 374.55.
 * Edge cases: nothing planned after A -> 0. May be negative (the rest costs more than it brings).
 * The discount rate must be in [0, 1] (the caller checks it).
 */
export function remainingNpv({
  plan,
  discountRate,
}: {
  plan: RemainingPlan;
  discountRate: number;
}): MinorUnits {
  return minorUnits(roundHalfEven(presentValueOfRemaining(plan, discountRate, 0)));
}
