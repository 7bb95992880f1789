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

/**
 * Nearest-rank percentiles (as `nearestRankPercentile`) of unsorted `values`, found by selection
 * on one copy rather than by sorting: each rank is placed by quickselect (Hoare's FIND), and
 * the ranks are taken in ascending order, each searched only above the one before. About 3N
 * comparisons for P10, P50 and P90 together instead of N log N. `values` is left as it is; the
 * copy goes into `work` when it is given and long enough (one buffer for many scopes' figures
 * spares the collector megabytes of copies).
 *
 * `values` must be non-empty; each p in (0, 100]. Example: 5, 1, 4, 2, 3, 10, 9, 8, 7, 6 with
 * p = 10, 50, 90 -> 1, 5, 9.
 */
export function nearestRankPercentiles(
  values: Float64Array,
  ps: readonly number[],
  buffer?: Float64Array,
): number[] {
  const work =
    buffer !== undefined && buffer.length >= values.length
      ? buffer.subarray(0, values.length)
      : values.slice();
  work.set(values);
  const ranks = ps.map((p) => Math.min(work.length, Math.max(1, Math.ceil((p * work.length) / 100))) - 1);
  const order = ranks.map((_, index) => index).sort((a, b) => (ranks[a] ?? 0) - (ranks[b] ?? 0));
  const found = new Array<number>(ps.length).fill(0);
  let from = 0;
  for (const index of order) {
    const rank = ranks[index] ?? 0;
    selectRank(work, rank, from, work.length - 1);
    found[index] = work[rank] ?? 0;
    // Everything after `rank` is now >= work[rank]: a later (greater) rank lies above it.
    from = rank;
  }
  return found;
}

/**
 * Rearranges `work[left..right]` so that `work[rank]` holds the value a sort would put there,
 * with no smaller value after it and no greater one before it (Hoare's FIND, median-of-three
 * pivot). Runs of equal values split evenly, so a draw with no spread is linear too.
 */
function selectRank(work: Float64Array, rank: number, left: number, right: number): void {
  let low = left;
  let high = right;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const a = work[low] ?? 0;
    const b = work[middle] ?? 0;
    const c = work[high] ?? 0;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((work[i] ?? 0) < pivot) i += 1;
      while ((work[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const swap = work[i] ?? 0;
        work[i] = work[j] ?? 0;
        work[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (rank <= j) high = j;
    else if (rank >= i) low = i;
    else return;
  }
}
