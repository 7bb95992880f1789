/*
 * Sign patterns of a cash flow series, shared by `irr` and `mirr`. A series here is the monthly
 * net cash flows of `netCashFlows` without their leading and trailing zero months.
 */

/** The flows from the first to the last non-zero month; [] when every month is 0. */
export function withoutLeadingAndTrailingZeros(flows: readonly number[]): number[] {
  const first = flows.findIndex((flow) => flow !== 0);
  const last = flows.findLastIndex((flow) => flow !== 0);
  return first === -1 ? [] : flows.slice(first, last + 1);
}

/** How often consecutive non-zero values change sign; zeros are skipped, as Descartes' rule does. */
export function countSignChanges(values: readonly number[]): number {
  let changes = 0;
  let previousSign = 0;
  for (let column = 0; column < values.length; column += 1) {
    const sign = Math.sign(values[column] ?? 0);
    if (sign !== 0) {
      if (previousSign !== 0 && sign !== previousSign) {
        changes += 1;
      }
      previousSign = sign;
    }
  }
  return changes;
}

/** The running totals of `values`: the cumulative cash flow. Exact for integer flows below 2^53. */
export function cumulativeSums(values: readonly number[]): number[] {
  let total = 0;
  return values.map((value) => (total += value));
}
