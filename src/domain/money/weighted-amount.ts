import { assert } from '../assert';
import { DOMAIN_MESSAGES } from '../messages';
import { minorUnits, type MinorUnits } from './minor-units';

/** Parts per million: the exact integer form of a probability or share with up to 6 decimals. */
const MICROS = 1_000_000;
const MICROS_BIGINT = 1_000_000n;

/**
 * A probability or share (0.8, 0.35) held exactly as an integer number of millionths, so that
 * weighting money never depends on binary floating point: 0.35 is 350000 / 10^6, not
 * 0.34999999999999997779...
 */
export interface Weight {
  readonly micros: number;
}

/**
 * The exact `Weight` of a decimal in [0, 1] with at most 6 decimals (validation enforces both).
 *
 * @throws DomainInvariantError when the value is outside [0, 1] or has more than 6 decimals.
 */
export function weightOf(value: number): Weight {
  const micros = Math.round(value * MICROS);
  assert(value >= 0 && value <= 1 && micros / MICROS === value, DOMAIN_MESSAGES.WEIGHT_OUT_OF_RANGE);
  return { micros };
}

/** The weight of 1: applying it returns the amount unchanged. */
export const FULL_WEIGHT: Weight = { micros: MICROS };

/**
 * `amount x weight`, rounded to whole minor units half-to-even, computed exactly.
 *
 * This is the engine's single rounding rule for fractional money. It is applied once per
 * epic-month entry (an epic's planned benefit for a month times its success probability, or times
 * an objective share); the rounded results are then summed as integers, which keeps every total
 * exact and independent of the order in which epics or aggregates are merged.
 *
 * Example: 1,250.05 EUR x 0.35 = 125005 x 350000 / 10^6 = 43751.75 minor units -> 43752 (437.52 EUR).
 * Ties go to the even neighbour: 5 minor units x 0.5 = 2.5 -> 2; 7 x 0.5 = 3.5 -> 4.
 */
export function weightedAmount({ amount, weight }: { amount: MinorUnits; weight: Weight }): MinorUnits {
  return minorUnits(weighMinorUnits(amount, weight.micros));
}

/**
 * The arithmetic of `weightedAmount` on plain numbers, for the engine's inner loops (positional
 * arguments to avoid an object per call on millions of entries). `amount` is an integer and
 * `micros` an integer in [0, 10^6].
 *
 * A negative amount (a month whose dis-benefits outweigh its benefits) is weighed as the mirror of
 * its size, so that -x weighs to exactly minus the weight of x: JavaScript's `%` keeps the sign of
 * the dividend, and rounding the signed quotient would truncate towards zero instead.
 */
export function weighMinorUnits(amount: number, micros: number): number {
  if (micros === MICROS) {
    return amount;
  }
  if (amount < 0) {
    const mirrored = weighMinorUnits(-amount, micros);
    return mirrored === 0 ? 0 : -mirrored;
  }
  const product = amount * micros;
  if (product > Number.MAX_SAFE_INTEGER) {
    return weighWithBigInt(amount, micros);
  }
  // Both operations are exact on safe integers: % has no rounding, and the difference is a
  // multiple of 10^6 whose quotient is an integer.
  const remainder = product % MICROS;
  const quotient = (product - remainder) / MICROS;
  return roundQuotientHalfEven(quotient, remainder * 2 - MICROS);
}

function roundQuotientHalfEven(quotient: number, twiceRemainderMinusDivisor: number): number {
  if (twiceRemainderMinusDivisor > 0) {
    return quotient + 1;
  }
  if (twiceRemainderMinusDivisor < 0) {
    return quotient;
  }
  return quotient % 2 === 0 ? quotient : quotient + 1;
}

// Products beyond 2^53 (an amount above ~9 billion minor units times a fine-grained weight) are
// rare; BigInt keeps them exact at the cost of speed.
function weighWithBigInt(amount: number, micros: number): number {
  const product = BigInt(amount) * BigInt(micros);
  const remainder = product % MICROS_BIGINT;
  const quotient = Number(product / MICROS_BIGINT);
  return roundQuotientHalfEven(quotient, Number(remainder * 2n - MICROS_BIGINT));
}
