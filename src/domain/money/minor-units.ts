import { assert } from '../assert';
import { DOMAIN_MESSAGES } from '../messages';

/**
 * An amount of money in the minor unit of the site currency (cents for EUR, yen for JPY, fils for
 * KWD), always an integer. Branded so that a decimal amount from a document cannot be passed
 * where minor units are expected without going through `toMinorUnits`.
 *
 * A site has exactly one currency, so amounts inside the engine do not carry it: the currency
 * and its exponent travel once, with the settings, instead of on millions of entries.
 */
export type MinorUnits = number & { readonly unit: 'minor' };

/**
 * The ISO 4217 minor-unit exponent of a currency: the number of decimals of its minor unit
 * (EUR 2, JPY 0, KWD 3). The table of currencies lives in the contract (`currencyExponentOf`).
 */
export type CurrencyExponent = number;

/** Marks an integer as minor units; throws if it is not a safe integer. */
export function minorUnits(value: number): MinorUnits {
  assert(Number.isSafeInteger(value), DOMAIN_MESSAGES.MINOR_UNITS_NOT_SAFE_INTEGER);
  return value as MinorUnits;
}

function powerOfTen(currencyExponent: CurrencyExponent): number {
  assert(
    Number.isInteger(currencyExponent) && currencyExponent >= 0 && currencyExponent <= 4,
    DOMAIN_MESSAGES.CURRENCY_EXPONENT_OUT_OF_RANGE,
  );
  return 10 ** currencyExponent;
}

/**
 * Converts a decimal amount in major units (800.5 EUR) to minor units (80050), exactly.
 *
 * Why this is exact without parsing strings: a JSON number such as 0.29 arrives as the double
 * nearest to 0.29. Multiplying by 100 gives 28.999999999999996; the nearest integer, 29, is the
 * intended value as long as the product is far below 2^52, which the amount limit guarantees.
 * Dividing back (29 / 100) yields the double nearest to 0.29 again, so comparing it with the
 * input proves the amount had no more decimals than the currency allows (1.005 fails the check).
 *
 * @throws DomainInvariantError when the amount is negative, not finite, has too many decimals,
 *   or is too large to be exact.
 */
export function toMinorUnits({
  amount,
  currencyExponent,
}: {
  amount: number;
  currencyExponent: CurrencyExponent;
}): MinorUnits {
  return minorUnitsConverter({ currencyExponent })(amount);
}

/**
 * `toMinorUnits` for many amounts of one currency: checks the exponent once and returns the
 * conversion, for the engine's inner loops.
 */
export function minorUnitsConverter({
  currencyExponent,
}: {
  currencyExponent: CurrencyExponent;
}): (amount: number) => MinorUnits {
  const factor = powerOfTen(currencyExponent);
  return (amount) => {
    const minor = Math.round(amount * factor);
    assert(
      amount >= 0 && minor / factor === amount && Number.isSafeInteger(minor),
      DOMAIN_MESSAGES.AMOUNT_NOT_MINOR_UNITS,
    );
    return minor as MinorUnits;
  };
}

/**
 * Converts minor units to a decimal amount in major units for display or export (80050 -> 800.5).
 * The division is correctly rounded, so the result prints as the exact decimal for any amount
 * below 10^15 minor units (15 significant digits).
 */
export function toDecimalAmount({
  amount,
  currencyExponent,
}: {
  amount: MinorUnits;
  currencyExponent: CurrencyExponent;
}): number {
  return amount / powerOfTen(currencyExponent);
}
