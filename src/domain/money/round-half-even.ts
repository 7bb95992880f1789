/**
 * Rounds to the nearest integer, ties to the even neighbour (banker's rounding): 0.5 -> 0,
 * 1.5 -> 2, 2.5 -> 2, -2.5 -> -2. Used where a fractional result (a discounted sum) becomes
 * money. Unlike rounding ties up, it does not bias totals of many rounded figures upwards.
 */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) {
    return floor + 1;
  }
  if (fraction < 0.5) {
    return floor;
  }
  return floor % 2 === 0 ? floor : floor + 1;
}
