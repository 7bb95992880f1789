import { roundHalfEven } from '../money/round-half-even';
import { asOfColumn } from '../totals/series-sums';
import { monthIndexOf, yearMonthOf, type YearMonth } from '../time/year-month';
import { assert } from '../assert';
import { DOMAIN_MESSAGES } from '../messages';
import { computed, notComputable, type DiscountedKpiInput, type Kpi } from './kpi';
import { netCashFlows } from './net-cash-flows';

/**
 * Discounted payback month: as `paybackMonth`, but the running total adds each month's net cash
 * flow at its present value as of the as-of month, CF(m) / (1 + i)^(m - A) with i =
 * discountRate / 12 (the terms of `npv`): the first month at which the discounted running total,
 * rounded half-to-even to whole minor units, is >= 0 after it has been negative. Money that comes
 * back later is worth less, so this month is never before the undiscounted payback month.
 *
 * Units: a month `YYYY-MM`; it can lie after the as-of month (on the risk-weighted plan).
 * Example: CF = -2100 (Jan), 100 (Feb), 900 (Mar), 400 (Apr), 1100 (May), as of March at 12% a
 * year: -2142.21, -2041.21, -1141.21, -745.17, +333.16 -> 2026-05 (the last total is the NPV).
 * Edge cases: the total never goes below 0 -> `NEVER_IN_DEFICIT`; it never gets back to 0 ->
 * `NOT_RECOVERED` (also when it would undiscounted: the discount can eat a thin recovery). Only
 * the first recovery counts. A discount rate of 0 gives `paybackMonth`.
 */
export function discountedPaybackMonth(
  input: DiscountedKpiInput,
): Kpi<YearMonth, 'NEVER_IN_DEFICIT' | 'NOT_RECOVERED'> {
  const { discountRate } = input;
  assert(discountRate >= 0 && discountRate <= 1, DOMAIN_MESSAGES.DISCOUNT_RATE_OUT_OF_RANGE);
  const { firstMonth } = input.totals;
  const growth = 1 + discountRate / 12;
  const lastPast = asOfColumn(input);
  const flows = netCashFlows(input);
  let runningTotal = 0;
  let inDeficit = false;
  for (let column = 0; column < flows.length; column += 1) {
    runningTotal += (flows[column] ?? 0) * growth ** (lastPast - column);
    const rounded = roundHalfEven(runningTotal);
    if (rounded < 0) {
      inDeficit = true;
    } else if (inDeficit && firstMonth !== null) {
      return computed(yearMonthOf(monthIndexOf(firstMonth) + column));
    }
  }
  return notComputable(inDeficit ? 'NOT_RECOVERED' : 'NEVER_IN_DEFICIT');
}
