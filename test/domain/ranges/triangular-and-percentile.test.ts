import fc from 'fast-check';
import {
  nearestRankPercentile,
  nearestRankPercentiles,
  rangeFiguresOf,
  triangularMean,
  triangularQuantile,
} from '../../../src/domain/ranges';

describe(triangularQuantile.name, () => {
  it('returns low at u = 0, likely at the mode probability, and approaches high as u -> 1', () => {
    expect(triangularQuantile(0.5, 1, 1.25, 0)).toBe(0.5);
    expect(triangularQuantile(0.5, 1, 1.25, 2 / 3)).toBeCloseTo(1, 12);
    expect(triangularQuantile(0.5, 1, 1.25, 1 - 1e-12)).toBeCloseTo(1.25, 5);
  });

  it('inverts the triangular CDF', () => {
    const [a, c, b] = [0.9, 1, 1.5];
    const cdf = (x: number) =>
      x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
    for (const u of [0.01, 0.1, 0.1667, 0.5, 0.9, 0.99]) {
      expect(cdf(triangularQuantile(a, c, b, u))).toBeCloseTo(u, 12);
    }
  });

  it('returns the point for every u when there is no spread', () => {
    expect([0, 0.3, 0.999].map((u) => triangularQuantile(1.1, 1.1, 1.1, u))).toEqual([1.1, 1.1, 1.1]);
  });

  it('has the mean (low + likely + high) / 3 over evenly spread u', () => {
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += triangularQuantile(0.4, 1, 1.2, (i + 0.5) / n);
    expect(sum / n).toBeCloseTo(triangularMean({ low: 0.4, likely: 1, high: 1.2 }), 5);
  });
});

describe(nearestRankPercentile.name, () => {
  it('returns the value of rank ceil(p N / 100)', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([10, 50, 90, 91, 100].map((p) => nearestRankPercentile(sorted, p))).toEqual([1, 5, 9, 10, 10]);
  });

  it('returns the one value of a single draw for every percentile', () => {
    expect(nearestRankPercentile(Float64Array.from([42]), 10)).toBe(42);
  });
});

describe(rangeFiguresOf.name, () => {
  it('returns P10, P50 and P90 of unsorted draws without reordering them', () => {
    const draws = Float64Array.from([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
    expect(rangeFiguresOf(draws)).toEqual({ p10: 1, p50: 5, p90: 9 });
    expect(Array.from(draws)).toEqual([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
  });
});

describe(nearestRankPercentiles.name, () => {
  it('returns, for any draws, the values a sort puts at the nearest ranks, in the order asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        (values, ps) => {
          const draws = Float64Array.from(values);
          const sorted = Float64Array.from(values).sort();
          expect(nearestRankPercentiles(draws, ps)).toEqual(ps.map((p) => nearestRankPercentile(sorted, p)));
          expect(Array.from(draws)).toEqual(values);
        },
      ),
      { numRuns: 300 },
    );
  });
});
