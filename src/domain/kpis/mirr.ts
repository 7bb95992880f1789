import { assert } from '../assert';
import { DOMAIN_MESSAGES } from '../messages';
import { withoutLeadingAndTrailingZeros } from './cash-flow-signs';
import { computed, notComputable, type DiscountedKpiInput, type Kpi } from './kpi';
import { netCashFlows } from './net-cash-flows';

/**
 * Modified internal rate of return, with the finance rate and the reinvestment rate both equal to
 * the discount rate: the rate at which what was spent, financed at the discount rate, grows into
 * what came back, reinvested at the discount rate until the last month.
 *
 *   monthly mirr = (FV of the inflows at i / PV of the outflows at i)^(1 / (n - 1)) - 1
 *
 * with i = discountRate / 12, the flows of `netCashFlows` from their first to their last non-zero
 * month (n months; PV at the first month, FV at the last), inflows the positive months and
 * outflows the negative ones. Unlike `irr` it always has exactly one value, whatever the signs.
 * Units: an annual rate, nominal and compounded monthly (12 x the monthly rate), as `irr`.
 * Example: flows -1000, +600, -100, +700 at 12% a year (1% a month): FV of inflows 600 x 1.01^2 +
 * 700 = 1312.06, PV of outflows 1000 + 100 / 1.01^2 = 1098.0296; (1312.06 / 1098.0296)^(1/3) - 1 =
 * 6.1158% a month -> 0.7339. numpy-financial's `mirr(values, i, i)` gives the same monthly rate.
 * Edge cases: no inflow or no outflow (including no flows) -> `NO_SIGN_CHANGE`.
 */
export function mirr(input: DiscountedKpiInput): Kpi<number, 'NO_SIGN_CHANGE'> {
  const { discountRate } = input;
  assert(discountRate >= 0 && discountRate <= 1, DOMAIN_MESSAGES.DISCOUNT_RATE_OUT_OF_RANGE);
  const flows = withoutLeadingAndTrailingZeros(netCashFlows(input));
  const growth = 1 + discountRate / 12;
  const last = flows.length - 1;
  let futureInflows = 0;
  let presentOutflows = 0;
  for (let month = 0; month <= last; month += 1) {
    const flow = flows[month] ?? 0;
    if (flow > 0) {
      futureInflows += flow * growth ** (last - month);
    } else {
      presentOutflows -= flow * growth ** -month;
    }
  }
  if (futureInflows === 0 || presentOutflows === 0) {
    return notComputable('NO_SIGN_CHANGE');
  }
  return computed(12 * ((futureInflows / presentOutflows) ** (1 / last) - 1));
}
