/**
 * A bar's extent as percentages of its track, for bars that can be negative (ROI): the track has
 * a zero line at `zeroAt`% and the bar runs from there towards the value.
 */
export interface BarExtent {
  zeroAt: number;
  start: number;
  width: number;
}

export function barExtent(value: number, domain: { min: number; max: number }): BarExtent {
  const min = Math.min(0, domain.min);
  const max = Math.max(0, domain.max);
  const span = max - min;
  if (span === 0) return { zeroAt: 0, start: 0, width: 0 };
  const percent = (v: number) => ((v - min) / span) * 100;
  const zeroAt = percent(0);
  const at = percent(Math.min(max, Math.max(min, value)));
  return { zeroAt, start: Math.min(zeroAt, at), width: Math.abs(at - zeroAt) };
}
