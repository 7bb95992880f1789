import { linearScale, niceTicks, type LinearScale } from './linear-scale';

export interface BubbleDatum {
  id: string;
  x: number;
  y: number;
  /** 0..1, drawn as the bubble's area and opacity. */
  weight: number;
}

export interface BubbleLayout<T extends BubbleDatum = BubbleDatum> {
  x: LinearScale;
  y: LinearScale;
  xTicks: number[];
  yTicks: number[];
  bubbles: (T & { cx: number; cy: number; r: number; opacity: number })[];
  /** Where y = x crosses the plot, for the break-even line (null when it does not). */
  breakEven: { x1: number; y1: number; x2: number; y2: number } | null;
}

/**
 * The radius whose area is proportional to `weight` (so a 0.8 bubble looks twice a 0.4 one),
 * never smaller than `min` so that a 0 stays visible and hoverable.
 */
export function bubbleRadius(weight: number, min: number, max: number): number {
  const clamped = Math.min(1, Math.max(0, weight));
  return Math.max(min, Math.sqrt(clamped) * max);
}

/** Opacity from 0.35 (weight 0) to 0.85 (weight 1): faint bubbles are the unlikely ones. */
export function bubbleOpacity(weight: number): number {
  return 0.35 + 0.5 * Math.min(1, Math.max(0, weight));
}

/**
 * Lays out a value-vs-cost bubble chart in a plot box. Both axes start at 0 (money here is never
 * negative) and share nothing else; the break-even line y = x is clipped to the box.
 */
export function layoutBubbles<T extends BubbleDatum>({
  data,
  box,
  radius,
}: {
  data: readonly T[];
  box: { left: number; top: number; right: number; bottom: number };
  radius: { min: number; max: number };
}): BubbleLayout<T> {
  const xTicks = niceTicks(0, Math.max(0, ...data.map((d) => d.x)), 4);
  const yTicks = niceTicks(0, Math.max(0, ...data.map((d) => d.y)), 4);
  const xMax = xTicks[xTicks.length - 1] ?? 1;
  const yMax = yTicks[yTicks.length - 1] ?? 1;
  const x = linearScale([0, xMax], [box.left, box.right]);
  const y = linearScale([0, yMax], [box.bottom, box.top]);
  const end = Math.min(xMax, yMax);
  return {
    x,
    y,
    xTicks,
    yTicks,
    bubbles: data.map((datum) => ({
      ...datum,
      cx: x(datum.x),
      cy: y(datum.y),
      r: bubbleRadius(datum.weight, radius.min, radius.max),
      opacity: bubbleOpacity(datum.weight),
    })),
    breakEven: end > 0 ? { x1: x(0), y1: y(0), x2: x(end), y2: y(end) } : null,
  };
}
