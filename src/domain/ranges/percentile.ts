/**
 * The p-th percentile of drawn values by the nearest-rank method (Hyndman and Fan's type 1, the
 * inverse of the empirical distribution function):
 *
 *   P_p = x_(k),   k = max(1, ⌈p × N / 100⌉),   x_(1) <= ... <= x_(N) the sorted draws.
 *
 * Always one of the drawn values, never an interpolation between two, so a percentile of money
 * drawn in whole minor units is whole minor units, P10 <= P50 <= P90 holds by construction, and
 * with no spread every percentile is the one value drawn.
 *
 * `sorted` must be sorted ascending and non-empty; p in (0, 100].
 */
export function nearestRankPercentile(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}
