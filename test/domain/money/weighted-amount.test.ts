import fc from 'fast-check';
import {
  DomainInvariantError,
  minorUnits,
  roundHalfEven,
  weightedAmount,
  weightOf,
} from '../../../src/domain';

describe(roundHalfEven.name, () => {
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [3.5, 4],
    [-2.5, -2],
    [-3.5, -4],
    [2.4999, 2],
    [2.5001, 3],
    [-0.4, 0],
  ])('rounds %p to %p', (value, expected) => {
    expect(roundHalfEven(value)).toBe(expected);
  });
});

describe(weightOf.name, () => {
  it('holds a decimal weight as exact millionths', () => {
    expect(weightOf(0.35).micros).toBe(350_000);
    expect(weightOf(0.333333).micros).toBe(333_333);
    expect(weightOf(1).micros).toBe(1_000_000);
  });

  it('throws for more than 6 decimals or a value outside [0, 1]', () => {
    expect(() => weightOf(1 / 3)).toThrow(DomainInvariantError);
    expect(() => weightOf(1.5)).toThrow(DomainInvariantError);
    expect(() => weightOf(-0.1)).toThrow(DomainInvariantError);
  });
});

describe(weightedAmount.name, () => {
  it('returns 437.52 EUR for 1,250.05 EUR x 0.35 (43751.75 cents, rounded up)', () => {
    expect(weightedAmount({ amount: minorUnits(125005), weight: weightOf(0.35) })).toBe(43752);
  });

  it('rounds exact halves to the even cent', () => {
    expect(weightedAmount({ amount: minorUnits(5), weight: weightOf(0.5) })).toBe(2); // 2.5 -> 2
    expect(weightedAmount({ amount: minorUnits(7), weight: weightOf(0.5) })).toBe(4); // 3.5 -> 4
  });

  it('is exact where floating point is not: 150 x 0.07 is the tie 10.5 (-> 10), not 10.500000000000002 (-> 11)', () => {
    expect(150 * 0.07).toBe(10.500000000000002);
    expect(weightedAmount({ amount: minorUnits(150), weight: weightOf(0.07) })).toBe(10);
  });

  it('returns the amount for weight 1 and 0 for weight 0', () => {
    expect(weightedAmount({ amount: minorUnits(123_456), weight: weightOf(1) })).toBe(123_456);
    expect(weightedAmount({ amount: minorUnits(123_456), weight: weightOf(0) })).toBe(0);
  });

  it('stays exact when amount x millionths exceeds 2^53', () => {
    // 9,007,199,254.740993 EUR x 0.5 = 450359962737049.65 cents... in cents: 900719925474099 x 0.5
    const amount = minorUnits(900_719_925_474_099);
    expect(weightedAmount({ amount, weight: weightOf(0.5) })).toBe(450_359_962_737_050); // .5 tie -> even
    expect(weightedAmount({ amount, weight: weightOf(0.000001) })).toBe(900_719_925); // 900719925.474099 -> down
  });

  it('rounds a negative amount (a month where dis-benefits outweigh benefits) as the mirror of its size', () => {
    // -7 x 0.5 = -3.5 -> -4 (even); -1 x 0.9 = -0.9 -> -1; -125005 x 0.35 = -43751.75 -> -43752.
    expect(weightedAmount({ amount: minorUnits(-7), weight: weightOf(0.5) })).toBe(-4);
    expect(weightedAmount({ amount: minorUnits(-5), weight: weightOf(0.5) })).toBe(-2);
    expect(weightedAmount({ amount: minorUnits(-1), weight: weightOf(0.9) })).toBe(-1);
    expect(weightedAmount({ amount: minorUnits(-125005), weight: weightOf(0.35) })).toBe(-43752);
    expect(weightedAmount({ amount: minorUnits(-900_719_925_474_099), weight: weightOf(0.000001) })).toBe(
      -900_719_925,
    );
  });

  it('weighs -x to minus the weight of x, for any amount and weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (amount, micros) => {
          const weight = weightOf(micros / 1_000_000);
          const positive: number = weightedAmount({ amount: minorUnits(amount), weight });
          expect(weightedAmount({ amount: minorUnits(-amount), weight })).toBe(
            positive === 0 ? 0 : -positive,
          );
        },
      ),
    );
  });

  it('agrees with exact BigInt arithmetic for any amount and weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (amount, micros) => {
          const product = BigInt(amount) * BigInt(micros);
          const quotient = product / 1_000_000n;
          const twiceRemainder = (product % 1_000_000n) * 2n;
          const rounded =
            twiceRemainder > 1_000_000n || (twiceRemainder === 1_000_000n && quotient % 2n === 1n)
              ? quotient + 1n
              : quotient;
          expect(weightedAmount({ amount: minorUnits(amount), weight: weightOf(micros / 1_000_000) })).toBe(
            Number(rounded),
          );
        },
      ),
    );
  });
});
