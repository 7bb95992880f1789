import fc from 'fast-check';
import {
  DomainInvariantError,
  minorUnitsConverter,
  toDecimalAmount,
  toMinorUnits,
} from '../../../src/domain';

describe(toMinorUnits.name, () => {
  it('converts a two-decimal amount to cents exactly', () => {
    expect(toMinorUnits({ amount: 800.5, currencyExponent: 2 })).toBe(80050);
    expect(toMinorUnits({ amount: 1234567.89, currencyExponent: 2 })).toBe(123456789);
  });

  it('returns 29 cents for 0.29, where 0.29 x 100 is 28.999999999999996 in floating point', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(toMinorUnits({ amount: 0.29, currencyExponent: 2 })).toBe(29);
  });

  it('returns 30 cents for the sum 0.1 + 0.2 written as 0.3', () => {
    expect(toMinorUnits({ amount: 0.3, currencyExponent: 2 })).toBe(30);
  });

  it('uses the currency exponent: yen have no minor unit and fils are thousandths of a dinar', () => {
    expect(toMinorUnits({ amount: 1500, currencyExponent: 0 })).toBe(1500);
    expect(toMinorUnits({ amount: 1.25, currencyExponent: 3 })).toBe(1250);
  });

  it('throws when the amount has more decimals than the currency has', () => {
    expect(() => toMinorUnits({ amount: 1.005, currencyExponent: 2 })).toThrow(DomainInvariantError);
    expect(() => toMinorUnits({ amount: 0.5, currencyExponent: 0 })).toThrow(DomainInvariantError);
  });

  it('throws when the amount is negative', () => {
    expect(() => toMinorUnits({ amount: -1, currencyExponent: 2 })).toThrow(DomainInvariantError);
  });

  it('throws when the amount is too large to be exact in minor units', () => {
    expect(() => toMinorUnits({ amount: 1e20, currencyExponent: 2 })).toThrow(DomainInvariantError);
  });

  it('round-trips every two-decimal amount up to one trillion through toDecimalAmount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), (cents) => {
        const amount = cents / 100;
        const minor = toMinorUnits({ amount, currencyExponent: 2 });
        expect(minor).toBe(cents);
        expect(toDecimalAmount({ amount: minor, currencyExponent: 2 })).toBe(amount);
      }),
    );
  });
});

describe(minorUnitsConverter.name, () => {
  it('converts like toMinorUnits', () => {
    const toCents = minorUnitsConverter({ currencyExponent: 2 });
    expect([0, 0.01, 19.99, 800.5].map(toCents)).toEqual([0, 1, 1999, 80050]);
  });

  it('throws for a currency exponent outside 0..4', () => {
    expect(() => minorUnitsConverter({ currencyExponent: 5 })).toThrow(DomainInvariantError);
  });
});

describe(toDecimalAmount.name, () => {
  it('returns the decimal amount in major units', () => {
    expect(
      toDecimalAmount({ amount: toMinorUnits({ amount: 800.5, currencyExponent: 2 }), currencyExponent: 2 }),
    ).toBe(800.5);
    expect(
      toDecimalAmount({ amount: toMinorUnits({ amount: 1250, currencyExponent: 0 }), currencyExponent: 0 }),
    ).toBe(1250);
  });
});
