import { z } from 'zod';
import { MAX_AMOUNT_DECIMALS } from './currencies';

/**
 * Largest amount of a single entry, in major units (one trillion). It keeps every amount exact
 * through the engine's integer arithmetic (10^12 x 10^3 minor units stays far below 2^53).
 */
export const MAX_AMOUNT = 1_000_000_000_000;

/** Probabilities and shares are exact decimals with at most this many places (0.333333). */
export const MAX_WEIGHT_DECIMALS = 6;

/**
 * Whether `value` is written with at most `decimals` decimal places. `value * 10^d` lands within
 * rounding error of an integer exactly when it does; dividing the rounded result back must give
 * the same double (so 0.29 passes and 1.005 fails for 2 decimals).
 */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor === value;
}

const YEAR_MONTH = /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/;

/** A calendar month `YYYY-MM`, from 1900-01 to 2199-12. */
export const yearMonthSchema = z
  .string()
  .regex(YEAR_MONTH, { error: 'must be a month written YYYY-MM, between 1900-01 and 2199-12' });

/** Days in `month` (1-12) of `year`, leap years included (`Date` is used as a calendar, not a clock). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether `text` is a real calendar day `YYYY-MM-DD`: its month passes `yearMonthSchema`'s rule
 * and the day exists in that month (so 2026-02-29 and 2026-13-45 do not).
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null || !YEAR_MONTH.test(text.slice(0, 7))) return false;
  const day = Number(match[3]);
  return day >= 1 && day <= daysInMonth(Number(match[1]), Number(match[2]));
}

/** A calendar day `YYYY-MM-DD`, from 1900-01-01 to 2199-12-31. */
export const calendarDateSchema = z.string().refine(isCalendarDate, {
  error: 'must be a real calendar date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31',
});

/** A decimal amount in the site currency: >= 0, at most 2 decimals, at most one trillion. */
export const amountSchema = z
  .number()
  .min(0)
  .max(MAX_AMOUNT)
  .refine((value) => hasAtMostDecimals(value, MAX_AMOUNT_DECIMALS), {
    error: `must have at most ${String(MAX_AMOUNT_DECIMALS)} decimals`,
  });

const hasWeightPrecision = (value: number) => hasAtMostDecimals(value, MAX_WEIGHT_DECIMALS);
const WEIGHT_PRECISION_MESSAGE = `must have at most ${String(MAX_WEIGHT_DECIMALS)} decimals`;

/** A probability: 0 to 1 inclusive, at most 6 decimals. */
export const probabilitySchema = z
  .number()
  .min(0)
  .max(1)
  .refine(hasWeightPrecision, { error: WEIGHT_PRECISION_MESSAGE });

/** A share of an epic's value: above 0, at most 1, at most 6 decimals. */
export const shareSchema = z
  .number()
  .gt(0)
  .max(1)
  .refine(hasWeightPrecision, { error: WEIGHT_PRECISION_MESSAGE });

/** An identifier chosen by the app or an admin (objective and benefit ids). */
export const identifierSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
  error: 'must be 1-64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
});

/** A Jira project key, e.g. `PAY`. */
export const projectKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, { error: 'must be a Jira project key such as PAY' });

/** A Jira issue key, e.g. `PAY-12`. */
export const issueKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, { error: 'must be a Jira issue key such as PAY-12' });

/**
 * A whole number. Not zod's `.int()`: its issue aborts every enclosing refinement, which would
 * hide the cross-field issues of the same document.
 */
export const wholeNumberSchema = z.number().refine(Number.isSafeInteger, { error: 'must be a whole number' });

/** A count of survey responses. */
export const countSchema = wholeNumberSchema.min(0);
