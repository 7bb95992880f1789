/**
 * A triangular distribution on [low, high] with its peak at `likely` (low <= likely <= high).
 * Mean (low + likely + high) / 3; variance (a² + b² + c² − ab − ac − bc) / 18 for a, b, c the
 * three points. Chosen over PERT because its inverse CDF has a closed form: a draw costs one
 * square root, and a uniform u maps to the u-quantile exactly, which the correlation knob needs
 * (a shared u puts every epic at the same quantile).
 */
export interface ThreePoint {
  readonly low: number;
  readonly likely: number;
  readonly high: number;
}

/**
 * The u-quantile (0 <= u < 1) of the triangular distribution:
 *
 *   x = low  + √(u (high − low)(likely − low))            for u <  (likely − low) / (high − low)
 *   x = high − √((1 − u)(high − low)(high − likely))      otherwise
 *
 * Edge cases: low = high -> that point for every u (no spread).
 */
export function triangularQuantile(low: number, likely: number, high: number, u: number): number {
  const width = high - low;
  if (width <= 0) {
    return likely;
  }
  const below = likely - low;
  return u * width < below
    ? low + Math.sqrt(u * width * below)
    : high - Math.sqrt((1 - u) * width * (high - likely));
}

/** Mean of the triangular distribution: (low + likely + high) / 3. */
export function triangularMean({ low, likely, high }: ThreePoint): number {
  return (low + likely + high) / 3;
}
