/**
 * Messages of the domain's invariant checks. A failed assertion means the caller broke a
 * precondition that validation (src/contract) should already have enforced: it is a programmer
 * error, never a business outcome. Business outcomes (a ratio with nothing to divide by) are
 * returned as `NotComputable` values instead.
 */
export const DOMAIN_MESSAGES = {
  INVALID_YEAR_MONTH: 'Expected a month in the form YYYY-MM (years 1000-9999, months 01-12).',
  AMOUNT_NOT_MINOR_UNITS:
    'Expected a non-negative amount with no more decimals than the currency minor unit allows.',
  MINOR_UNITS_NOT_SAFE_INTEGER: 'Expected minor units to be an integer within Number.MAX_SAFE_INTEGER.',
  CURRENCY_EXPONENT_OUT_OF_RANGE: 'Expected a currency exponent (ISO 4217 minor unit) between 0 and 4.',
  WEIGHT_OUT_OF_RANGE: 'Expected a probability or share between 0 and 1 with at most 6 decimals.',
  TOTALS_OVERFLOW:
    'A money total reached Number.MAX_SAFE_INTEGER minor units; the sum would no longer be exact.',
  DISCOUNT_RATE_OUT_OF_RANGE: 'Expected an annual discount rate between 0 and 1 (0.08 for 8%).',
  INVALID_TIME_ZONE: 'Expected an IANA time zone name that this runtime knows, such as Europe/London or UTC.',
  INVALID_CALENDAR_DATE: 'Expected a real calendar date written YYYY-MM-DD.',
  REVIEW_OFFSET_OUT_OF_RANGE: 'Expected review offsets as whole numbers of months, at least 1.',
  WINDOW_MONTHS_OUT_OF_RANGE: 'Expected the trailing window as a whole number of months, at least 1.',
} as const;

export type DomainMessage = (typeof DOMAIN_MESSAGES)[keyof typeof DOMAIN_MESSAGES];
