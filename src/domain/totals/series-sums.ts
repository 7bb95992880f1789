import { minorUnits, type MinorUnits } from '../money/minor-units';
import { monthIndexOf, type YearMonth } from '../time/year-month';
import type { ValueTotals } from './value-totals';

/**
 * The position of `asOf` on the month axis of `totals`: 0 is `totals.firstMonth`; negative when
 * `asOf` is before every entry, `>= length` when after. Validates `asOf` even for empty totals.
 */
export function asOfColumn({ totals, asOf }: { totals: ValueTotals; asOf: YearMonth }): number {
  const asOfIndex = monthIndexOf(asOf);
  return totals.firstMonth === null ? -1 : asOfIndex - monthIndexOf(totals.firstMonth);
}

function sumRange(values: readonly number[], from: number, to: number): MinorUnits {
  let sum = 0;
  for (let column = Math.max(from, 0); column <= Math.min(to, values.length - 1); column += 1) {
    sum += values[column] ?? 0;
  }
  // Monthly totals are within ±MAX_SAFE_INTEGER (toValueTotals checks) and `minorUnits` checks
  // the final sum is a safe integer.
  return minorUnits(sum);
}

/** Σ of a series over months up to and including `asOf` ("to date"). */
export function sumToDate({ values, asOfColumn }: { values: readonly number[]; asOfColumn: number }) {
  return sumRange(values, 0, asOfColumn);
}

/** Σ of a series over months after `asOf`. */
export function sumAfter({ values, asOfColumn }: { values: readonly number[]; asOfColumn: number }) {
  return sumRange(values, asOfColumn + 1, values.length - 1);
}

/** Σ of a whole series. */
export function sumAll({ values }: { values: readonly number[] }) {
  return sumRange(values, 0, values.length - 1);
}
