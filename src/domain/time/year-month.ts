import { assert } from '../assert';
import { DOMAIN_MESSAGES } from '../messages';

/** A calendar month written `YYYY-MM`, e.g. `'2026-03'`. Months carry no day and no time zone. */
export type YearMonth = string;

/**
 * A month as a whole number of months since January of year 0 (`year * 12 + month - 1`), so that
 * month arithmetic is integer subtraction: `monthIndexOf('2026-03') - monthIndexOf('2025-12') === 3`.
 */
export type MonthIndex = number;

const CHAR_ZERO = 48;
const CHAR_DASH = 45;

function digitAt(text: string, position: number): number {
  const digit = text.charCodeAt(position) - CHAR_ZERO;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

/** Whether `text` is a month `YYYY-MM` with a four-digit year from 1000 and a month 01-12. */
export function isYearMonth(text: string): boolean {
  return !Number.isNaN(parseMonthIndex(text));
}

// Parsed by character codes rather than a regular expression because the engine calls this for
// every dated entry of a portfolio (millions of times for 100k epics).
function parseMonthIndex(text: string): number {
  if (text.length !== 7 || text.charCodeAt(4) !== CHAR_DASH) {
    return Number.NaN;
  }
  const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  if (!(year >= 1000 && month >= 1 && month <= 12)) {
    return Number.NaN;
  }
  return year * 12 + month - 1;
}

/** The month index of `month`; throws on anything that is not `YYYY-MM`. */
export function monthIndexOf(month: YearMonth): MonthIndex {
  const index = parseMonthIndex(month);
  assert(!Number.isNaN(index), DOMAIN_MESSAGES.INVALID_YEAR_MONTH);
  return index;
}

/** The `YYYY-MM` text of a month index: the inverse of `monthIndexOf`. */
export function yearMonthOf(monthIndex: MonthIndex): YearMonth {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
