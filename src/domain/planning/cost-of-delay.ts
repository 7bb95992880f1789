import { minorUnits, type MinorUnits } from '../money/minor-units';
import { roundHalfEven } from '../money/round-half-even';
import type { Figure } from './figure';
import { presentValueOfRemaining } from './remaining-npv';
import type { RemainingPlan } from './remaining-plan';

/**
 * Cost of delay per month: the remaining NPV lost by shifting the epic's whole remaining plan
 * (its costs and its benefits) one month later,
 *
 *   costOfDelay = PV(plan) - PV(plan one month later) = PV(plan) x i / (1 + i),  i = rate / 12
 *
 * with PV the unrounded `remainingNpv`. Units: minor units per month, rounded half-to-even once.
 * Example (docs/kpis.md, 12% a year): PV = 374.5507... -> 374.5507 x 0.01 / 1.01 = 3.7084 -> 3.71.
 * Edge cases: nothing planned after A, or a discount rate of 0 -> 0. Negative when the rest of
 * the plan is worth less than it costs (delaying a loss-maker postpones the loss). The model only
 * discounts: it does not know of a market window that closes, so a delay loses no benefit months.
 */
export function costOfDelay({
  plan,
  discountRate,
}: {
  plan: RemainingPlan;
  discountRate: number;
}): MinorUnits {
  const monthly = discountRate / 12;
  return minorUnits(
    roundHalfEven((presentValueOfRemaining(plan, discountRate, 0) * monthly) / (1 + monthly)),
  );
}

/**
 * Remaining months of work: from A+1 to the last month after A with a planned cost, inclusive.
 * Example: costs planned for Apr and May as of 2026-03 -> 2. Nothing left to spend -> 0.
 */
export function remainingMonths({ plan }: { plan: RemainingPlan }): number {
  for (let position = plan.cost.length - 1; position >= 0; position -= 1) {
    if ((plan.cost[position] ?? 0) > 0) {
      return position + 1;
    }
  }
  return 0;
}

/**
 * CD3, cost of delay divided by duration: costOfDelay / remainingMonths, the order in which to
 * fund work to lose the least value to waiting (highest first).
 *
 * Units: minor units per month of delay per month of work, unrounded (a ranking score).
 * Example (docs/kpis.md): 3.71 / 2 months -> 1.855 (185.5 minor units).
 * Edge cases: no planned cost after A (nothing left to do, or only benefits to collect) ->
 * `null`, `NO_REMAINING_WORK`.
 */
export function cd3({
  plan,
  discountRate,
}: {
  plan: RemainingPlan;
  discountRate: number;
}): Figure<number, 'NO_REMAINING_WORK'> {
  const months = remainingMonths({ plan });
  if (months === 0) {
    return { value: null, reason: 'NO_REMAINING_WORK' };
  }
  return { value: costOfDelay({ plan, discountRate }) / months };
}
