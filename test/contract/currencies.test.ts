import { amountDecimalsOf, CURRENCY_CODES, currencyExponentOf } from '../../src/contract';

describe(currencyExponentOf.name, () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
    ['CLF', 4],
  ])('returns the ISO 4217 minor unit of %s: %i', (currency, exponent) => {
    expect(currencyExponentOf(currency)).toBe(exponent);
  });

  it('returns undefined for codes without a minor unit or that are not currencies', () => {
    expect(currencyExponentOf('XAU')).toBeUndefined();
    expect(currencyExponentOf('eur')).toBeUndefined();
    expect(currencyExponentOf('EURO')).toBeUndefined();
  });

  it('lists about 160 current three-letter codes', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect(CURRENCY_CODES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
  });
});

describe(amountDecimalsOf.name, () => {
  it('caps the decimals of an amount at 2, the format limit, and at the currency minor unit', () => {
    expect(amountDecimalsOf('EUR')).toBe(2);
    expect(amountDecimalsOf('JPY')).toBe(0);
    expect(amountDecimalsOf('KWD')).toBe(2);
  });
});
