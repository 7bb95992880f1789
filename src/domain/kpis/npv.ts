import { assert } from '../assert';
import { DOMAIN_MESSAGES } from '../messages';
import { minorUnits, type MinorUnits } from '../money/minor-units';
import { roundHalfEven } from '../money/round-half-even';
import { asOfColumn } from '../totals/series-sums';
import type { DiscountedKpiInput } from './kpi';
import { netCashFlows } from './net-cash-flows';

/**
 * Net present value as of a month:
 *
 *   npv = Σ over months m of CF(m) / (1 + i)^(m - A),   i = discountRate / 12
 *
 * with CF as in `netCashFlows` and m - A in whole months: the as-of month is t = 0, past months
 * are compounded forward (negative exponent), future months discounted.
 *
 * Units: minor units, rounded half-to-even once at the end; the rate is annual, as a decimal
 * (0.12, not 12), applied monthly as a nominal rate (0.12 -> 1% a month).
 * Example (A = 2026-03, discountRate 0.12): CF = -2100 (Jan), 100 (Feb), 900 (Mar), 400 (Apr),
 * 1100 (May) -> -2100 x 1.01^2 + 100 x 1.01 + 900 + 400 / 1.01 + 1100 / 1.01^2 = 333.155... -> 333.16.
 * Edge cases: no cash flows -> 0 (not null: an empty plan is worth nothing). A rate of 0 gives
 * the plain sum of the flows.
 */
export function npv(input: DiscountedKpiInput): MinorUnits {
  const { discountRate } = input;
  assert(discountRate >= 0 && discountRate <= 1, DOMAIN_MESSAGES.DISCOUNT_RATE_OUT_OF_RANGE);
  const growth = 1 + discountRate / 12;
  const lastPast = asOfColumn(input);
  const presentValue = netCashFlows(input).reduce(
    (sum, flow, column) => sum + flow * growth ** (lastPast - column),
    0,
  );
  return minorUnits(roundHalfEven(presentValue));
}
