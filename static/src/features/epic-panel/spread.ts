/**
 * Spreads `totalUnits` (an integer amount in minor units) evenly over `months`. Every month gets
 * the same whole number of units; the remainder goes one unit each to the last months, so the
 * parts always add up to the total exactly (100.00 over 3 months: 33.33, 33.33, 33.34).
 */
export function spreadEvenly(
  totalUnits: number,
  months: readonly string[],
): { month: string; units: number }[] {
  const count = months.length;
  if (count === 0) return [];
  const base = Math.floor(totalUnits / count);
  const remainder = totalUnits - base * count;
  return months.map((month, index) => ({ month, units: base + (index >= count - remainder ? 1 : 0) }));
}
