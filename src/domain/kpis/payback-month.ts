import { monthIndexOf, yearMonthOf, type YearMonth } from '../time/year-month';
import { computed, notComputable, type Kpi, type KpiInput } from './kpi';
import { netCashFlows } from './net-cash-flows';

/**
 * Payback month: walking the months in order with the running total of the undiscounted net cash
 * flows (`netCashFlows`, summed over the set of epics), the first month at which the total is
 * >= 0 after it has been negative.
 *
 * Units: a month `YYYY-MM`. Past months count what happened, later months the risk-weighted plan,
 * so the payback month can lie in the future.
 * Example: CF = -2100 (Jan), 100 (Feb), 900 (Mar), 400 (Apr), 1100 (May); running totals -2100,
 * -2000, -1100, -700, +400 -> 2026-05. A total of exactly 0 counts as paid back.
 * Edge cases: the total never goes below 0 (benefit before any cost, or no flows at all) -> not
 * computable, `NEVER_IN_DEFICIT`; it goes negative and never returns to 0 -> `NOT_RECOVERED`.
 * Only the first recovery counts, even if the total dips again later.
 */
export function paybackMonth(input: KpiInput): Kpi<YearMonth, 'NEVER_IN_DEFICIT' | 'NOT_RECOVERED'> {
  const { firstMonth } = input.totals;
  const flows = netCashFlows(input);
  let runningTotal = 0;
  let inDeficit = false;
  for (let column = 0; column < flows.length; column += 1) {
    runningTotal += flows[column] ?? 0;
    if (runningTotal < 0) {
      inDeficit = true;
    } else if (inDeficit && firstMonth !== null) {
      return computed(yearMonthOf(monthIndexOf(firstMonth) + column));
    }
  }
  return notComputable(inDeficit ? 'NOT_RECOVERED' : 'NEVER_IN_DEFICIT');
}
