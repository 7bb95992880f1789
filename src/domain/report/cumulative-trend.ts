import type { MinorUnits } from '../money/minor-units';
import { minorUnits } from '../money/minor-units';
import { monthIndexOf, yearMonthOf, type YearMonth } from '../time/year-month';
import type { ValueTotals } from '../totals/value-totals';

export interface TrendPoint {
  readonly month: YearMonth;
  readonly plannedBenefit: MinorUnits;
  readonly plannedCost: MinorUnits;
  /** Null after `asOf`: realised amounts and actual costs of later months do not exist yet. */
  readonly realisedBenefit: MinorUnits | null;
  readonly actualCost: MinorUnits | null;
}

/**
 * Cumulative planned vs realised benefit and planned vs actual cost, month by month, over the
 * months the totals cover (and up to `asOf` if that is later). Empty when there is no money.
 *
 * Example: planned 100 in Jan and 50 in Mar, realised 80 in Feb, as of Feb:
 * Jan {planned 100, realised 0}, Feb {100, 80}, Mar {150, null}.
 */
export function cumulativeTrend({ totals, asOf }: { totals: ValueTotals; asOf: YearMonth }): TrendPoint[] {
  if (totals.firstMonth === null) return [];
  const first = monthIndexOf(totals.firstMonth);
  const asOfIndex = monthIndexOf(asOf);
  const length = Math.max(totals.monthly.plannedBenefit.length, asOfIndex - first + 1);
  const sums = { plannedBenefit: 0, plannedCost: 0, realisedBenefit: 0, actualCost: 0 };
  const points: TrendPoint[] = [];
  for (let column = 0; column < length; column += 1) {
    sums.plannedBenefit += totals.monthly.plannedBenefit[column] ?? 0;
    sums.plannedCost += totals.monthly.plannedCost[column] ?? 0;
    sums.realisedBenefit += totals.monthly.realisedBenefit[column] ?? 0;
    sums.actualCost += totals.monthly.actualCost[column] ?? 0;
    const past = first + column <= asOfIndex;
    points.push({
      month: yearMonthOf(first + column),
      plannedBenefit: minorUnits(sums.plannedBenefit),
      plannedCost: minorUnits(sums.plannedCost),
      realisedBenefit: past ? minorUnits(sums.realisedBenefit) : null,
      actualCost: past ? minorUnits(sums.actualCost) : null,
    });
  }
  return points;
}
