import { assert } from '../assert';
import { DOMAIN_MESSAGES } from '../messages';

/** A day on a wall calendar, `YYYY-MM-DD`, with no time and no time zone: `'2026-02-28'`. */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in `month` (1-12) of `year`, leap years included (the proleptic Gregorian calendar). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function partsOf(date: CalendarDate): { year: number; month: number; day: number } {
  const match = DATE_PATTERN.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  assert(
    match !== null &&
      year >= 1000 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInMonth(year, month),
    DOMAIN_MESSAGES.INVALID_CALENDAR_DATE,
  );
  return { year, month, day };
}

function dateText(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether `timeZone` is an IANA zone name the runtime's Intl knows (`Europe/London`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The date on the wall calendar of `timeZone` at `instant`: 2026-01-31T23:30Z is 31 January in
 * London but 1 February in Berlin (UTC+1) and still 31 January in New York. Reviews are dated in
 * the site's own zone, because that is the day people there saw the epic close.
 */
export function localDateOf(instant: Date, timeZone: string): CalendarDate {
  assert(isTimeZone(timeZone), DOMAIN_MESSAGES.INVALID_TIME_ZONE);
  assert(!Number.isNaN(instant.getTime()), DOMAIN_MESSAGES.INVALID_CALENDAR_DATE);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const part = (type: 'year' | 'month' | 'day') => Number(parts.find((p) => p.type === type)?.value);
  return dateText(part('year'), part('month'), part('day'));
}

/**
 * `date` plus `months` calendar months, the day kept, or the last day of the target month when
 * that month is shorter: 31 Jan + 1 = 28 Feb (29 Feb in a leap year), 31 Mar + 6 = 30 Sep,
 * 29 Feb 2028 + 12 = 28 Feb 2029.
 *
 * Why clamp (the rule of java.time's `LocalDate.plusMonths`, date-fns `addMonths` and the
 * spreadsheet EDATE) rather than roll over (JavaScript's `Date.setMonth`: 31 Jan + 1 = 3 Mar): a
 * review set "one month after Done" must fall in the month after Done, never in the one after
 * that, and two offsets a month apart must never share a date or swap order. Offsets are always
 * added to the Done date itself, never to the previous review, so a clamp in February does not
 * pull the later reviews back: 31 Jan + 2 = 31 Mar.
 */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = partsOf(date);
  assert(Number.isInteger(months), DOMAIN_MESSAGES.REVIEW_OFFSET_OUT_OF_RANGE);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return dateText(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const a = partsOf(from);
  const b = partsOf(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Whether `text` is a real calendar date `YYYY-MM-DD` (years from 1000). */
export function isCalendarDateText(text: string): boolean {
  try {
    partsOf(text);
    return true;
  } catch {
    return false;
  }
}
