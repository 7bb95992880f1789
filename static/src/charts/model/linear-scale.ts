/** Pure chart maths: no DOM, so every number a chart draws can be unit-tested. */

export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/**
 * Maps `domain` linearly onto `range` (either may run backwards, as a y axis does). A domain of
 * zero width maps everything to the middle of the range instead of dividing by zero.
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const width = d1 - d0;
  const scale = (value: number) => (width === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / width) * (r1 - r0));
  return Object.assign(scale, { domain, range });
}

/** The "nice" step (1, 2 or 5 times a power of ten) that cuts `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  // Round to the nice step nearest on a log scale, so the tick count stays close to `count`.
  const nice =
    fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.sqrt(2) ? 2 : 1;
  return nice * power;
}

/**
 * Evenly spaced round ticks that cover [min, max], about `count` of them. The first and last tick
 * enclose the data, so they double as the axis domain. Always includes 0 when the data spans it.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    // One value (or none): still draw an axis from 0 to that value, or 0 to 1 for all zeros.
    if (low > 0) low = 0;
    else if (high < 0) high = 0;
    else high = 1;
  }
  const step = niceStep(high - low, count);
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Integer steps avoid 0.1 + 0.2 drift; rounding to the step's precision cleans what is left.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let i = 0; first + i * step <= last + step / 2; i += 1) {
    ticks.push(Number((first + i * step).toFixed(decimals)));
  }
  return ticks;
}
