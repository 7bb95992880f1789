import fc from 'fast-check';
import { irr as financialIrr } from 'financial';
import { irr } from '../../../src/domain';
import { realRootsInUnitInterval } from '../../../src/domain/kpis/real-roots-in-unit-interval';
import { totalsWithFlows } from '../../fixtures/cash-flow-totals';

/*
 * IRR wherever the rate is unique (issue #15), also where Norstrom's criterion cannot tell: the
 * roots are then counted exactly (Descartes' rule on the polynomial mapped to (0, infinity), with
 * bisection of the interval: Vincent, Collins and Akritas), on the integer flows.
 */

const irrOf = (flows: number[]) => irr({ totals: totalsWithFlows('2026-01', -1, flows), asOf: '2025-12' });

describe(realRootsInUnitInterval.name, () => {
  it('counts the roots in (0, 1) exactly: (3x - 1)(5x - 4) has 2, (2x - 1)(x + 1) has 1, x^2 + 1 none', () => {
    // Coefficients from the constant term up.
    expect(realRootsInUnitInterval([4n, -17n, 15n])).toBe(2);
    expect(realRootsInUnitInterval([-1n, 1n, 2n])).toBe(1);
    expect(realRootsInUnitInterval([1n, 0n, 1n])).toBe(0);
  });

  it('does not count roots at the ends of the interval: x(x - 1) has none inside', () => {
    expect(realRootsInUnitInterval([0n, -1n, 1n])).toBe(0);
  });

  it('returns null when it cannot tell within its budget: a double root inside, or a root at a split point', () => {
    // (3x - 1)^2: never one sign change around a double root.
    expect(realRootsInUnitInterval([1n, -6n, 9n])).toBeNull();
    // (2x - 1)(3x - 1): 1/2 is where the interval is split.
    expect(realRootsInUnitInterval([1n, -5n, 6n])).toBeNull();
  });
});

describe('irr where Norstrom cannot tell', () => {
  it('returns the one rate of -100, +110, -15, +205, whose cumulative flow changes sign three times', () => {
    // P(x) = -100 + 110x - 15x^2 + 205x^3 with x = 1/(1+r): P' = 110 - 30x + 615x^2 > 0 (its
    // discriminant 900 - 4 x 615 x 110 < 0), so P rises through exactly one root in (0, 1), and the
    // reversed flows' cumulative (205, 190, 300, 200) never changes sign: no rate below 0. Yet the
    // cumulative flow -100, +10, -5, +200 changes sign three times: Norstrom allows 1 or 3.
    const result = irrOf([-10000, 11000, -1500, 20500]);
    const monthly = (result.value ?? Number.NaN) / 12;
    const x = 1 / (1 + monthly);
    expect(-100 + 110 * x - 15 * x ** 2 + 205 * x ** 3).toBeCloseTo(0, 9);
    expect(monthly).toBeCloseTo(financialIrr([-100, 110, -15, 205]), 6);
  });

  it('still refuses flows that two rates solve, now proven: -100, +230, -132 at 10% and 20% a month', () => {
    expect(irrOf([-10000, 23000, -13200])).toEqual({ value: null, reason: 'SEVERAL_RATES_POSSIBLE' });
  });

  it('returns the rate p/q of any flows built as (q x - p) S(x) with S positive, mostly beyond Norstrom', () => {
    // x = p/q is the only positive root of (q x - p) S(x) when S has positive coefficients, so the
    // monthly rate is q/p - 1 exactly; read backwards the same flows have the rate p/q - 1.
    let beyondNorstrom = 0;
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 50 })
          .chain((q) => fc.tuple(fc.constant(q), fc.integer({ min: 1, max: q - 1 }))),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 24 }),
        fc.boolean(),
        ([q, p], positive, reversed) => {
          const flows = [...positive, 0].map(
            (coefficient, power) => q * (positive[power - 1] ?? 0) - p * coefficient,
          );
          const cumulative = flows.map((_, month) => flows.slice(0, month + 1).reduce((a, b) => a + b, 0));
          const changes = cumulative.filter(
            (value, month) => month > 0 && Math.sign(value) === -Math.sign(cumulative[month - 1] ?? 0),
          ).length;
          if (changes > 1) beyondNorstrom += 1;
          const result = irrOf(reversed ? [...flows].reverse() : flows);
          const expected = reversed ? p / q - 1 : q / p - 1;
          expect((result.value ?? Number.NaN) / 12).toBeCloseTo(expected, 9);
        },
      ),
      { numRuns: 300 },
    );
    expect(beyondNorstrom).toBeGreaterThan(30);
  });
});
