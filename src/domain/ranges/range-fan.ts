import { benefitSignOf } from '../model/benefit';
import type { Epic } from '../model/epic';
import { minorUnits, type MinorUnits } from '../money/minor-units';
import { roundHalfEven } from '../money/round-half-even';
import { monthIndexOf, yearMonthOf, type YearMonth } from '../time/year-month';
import { rangeFiguresOf, type RangeFigures } from './range-figures';
import type { RangeScope, ScopeDraws } from './range-simulation';

/** One month of a fan chart: the plan and the P10 / P50 / P90 of cumulative benefit by its end. */
export interface FanPoint extends RangeFigures {
  readonly month: YearMonth;
  /** Realised benefit up to min(as-of, month) plus planned benefit in (as-of, month]: no draw. */
  readonly plan: MinorUnits;
}

/** Prefix of the helper scopes `fanScopes` adds; never a report scope. */
const FAN_PREFIX = 'fan:';

/**
 * The months of a fan from `from` to `to` inclusive, at most `maxPoints` of them: every month
 * when they fit, otherwise every k-th month (k the smallest step that fits) and always `to`.
 * Example: 2026-01 to 2026-04, 24 points -> 2026-01, 2026-02, 2026-03, 2026-04.
 */
export function fanMonths(from: YearMonth, to: YearMonth, maxPoints = 24): YearMonth[] {
  const first = monthIndexOf(from);
  const last = monthIndexOf(to);
  if (last < first) return [to];
  const step = Math.max(1, Math.ceil((last - first + 1) / Math.max(1, maxPoints - 1)));
  const months: YearMonth[] = [];
  for (let index = first; index < last; index += step) months.push(yearMonthOf(index));
  months.push(to);
  return months.slice(-Math.max(1, maxPoints));
}

/**
 * The helper scopes of a fan: one copy of `scope` per month, each with a target at that month
 * (amount 0), so that `simulateRangeDraws` returns each draw's cumulative benefit by the end of
 * the month as the copy's `benefitByTarget`. The draws consume the generator exactly as without
 * them (a draw's uniforms do not depend on the scopes), so adding a fan changes no other figure.
 */
export function fanScopes(scope: RangeScope, months: readonly YearMonth[]): RangeScope[] {
  return months.map((month) => ({
    id: `${FAN_PREFIX}${scope.id}:${month}`,
    members: scope.members,
    target: { amount: minorUnits(0), month },
  }));
}

/** Whether a scope id is one of `fanScopes`' helpers. */
export function isFanScopeId(scopeId: string): boolean {
  return scopeId.startsWith(FAN_PREFIX);
}

/**
 * Cumulative planned benefit of weighted epics by the end of `month`, as of `asOf`: realised up
 * to min(as-of, month) plus planned in (as-of, month], dis-benefits subtracted. It is every
 * draw's figure when nothing is uncertain (success probability 1, no spread), the line the fan's
 * bands are drawn around.
 */
export function planBenefitBy({
  epics,
  scope,
  asOf,
  month,
}: {
  epics: ReadonlyMap<string, Epic>;
  scope: RangeScope;
  asOf: YearMonth;
  month: YearMonth;
}): MinorUnits {
  const asOfIndex = monthIndexOf(asOf);
  const end = monthIndexOf(month);
  let sum = 0;
  for (const { epicKey, weight } of scope.members) {
    const epic = epics.get(epicKey);
    if (epic === undefined) continue;
    for (const benefit of epic.value.benefits) {
      const sign = benefitSignOf(benefit.kind);
      for (const entry of benefit.realised) {
        const at = monthIndexOf(entry.month);
        if (at <= asOfIndex && at <= end) sum += weight * sign * entry.amount;
      }
      for (const entry of benefit.planned) {
        const at = monthIndexOf(entry.month);
        if (at > asOfIndex && at <= end) sum += weight * sign * entry.amount;
      }
    }
  }
  return minorUnits(roundHalfEven(sum));
}

/**
 * The fan of `scope`: for each month, the plan and the P10 / P50 / P90 of the draws of its
 * `fanScopes` helper (`draws` holds every scope simulated; helpers are found by id).
 */
export function fanOf({
  draws,
  epics,
  scope,
  months,
  asOf,
}: {
  draws: readonly ScopeDraws[];
  epics: readonly Epic[];
  scope: RangeScope;
  months: readonly YearMonth[];
  asOf: YearMonth;
}): FanPoint[] {
  const byId = new Map(draws.map((scopeDraws) => [scopeDraws.scopeId, scopeDraws]));
  const byKey = new Map(epics.map((epic) => [epic.key, epic]));
  return months.map((month) => {
    const benefit = byId.get(`${FAN_PREFIX}${scope.id}:${month}`)?.benefitByTarget ?? new Float64Array([0]);
    return {
      month,
      plan: planBenefitBy({ epics: byKey, scope, asOf, month }),
      ...rangeFiguresOf(benefit),
    };
  });
}
