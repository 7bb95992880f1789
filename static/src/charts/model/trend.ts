import { linearScale, niceTicks, type LinearScale } from './linear-scale';
import { linePathWithGaps } from './line-path';

export interface TrendSeries {
  id: string;
  values: readonly (number | null)[];
}

export interface TrendLayout {
  x: (index: number) => number;
  y: LinearScale;
  yTicks: number[];
  paths: { id: string; d: string; last: { x: number; y: number } | null }[];
  /** Indexes of the months to label on the x axis (at most about `maxLabels`). */
  labelled: number[];
}

/** Every k-th index so that at most `max` labels show, always including the last one. */
export function labelIndexes(count: number, max: number): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(count / Math.max(1, max)));
  const indexes: number[] = [];
  for (let i = (count - 1) % every; i < count; i += every) indexes.push(i);
  return indexes;
}

/** Lays out monthly series (same length, one value per month) as lines in a plot box. */
export function layoutTrend({
  months,
  series,
  box,
  maxLabels,
}: {
  months: readonly string[];
  series: readonly TrendSeries[];
  box: { left: number; top: number; right: number; bottom: number };
  maxLabels: number;
}): TrendLayout {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const yTicks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), 4);
  const y = linearScale([yTicks[0] ?? 0, yTicks[yTicks.length - 1] ?? 1], [box.bottom, box.top]);
  const steps = Math.max(1, months.length - 1);
  const x = (index: number) =>
    months.length === 1 ? (box.left + box.right) / 2 : box.left + (index / steps) * (box.right - box.left);
  return {
    x,
    y,
    yTicks,
    paths: series.map((s) => {
      let lastIndex = -1;
      s.values.forEach((value, index) => {
        if (value !== null) lastIndex = index;
      });
      const lastValue = lastIndex >= 0 ? s.values[lastIndex] : null;
      return {
        id: s.id,
        d: linePathWithGaps(s.values, x, y),
        last: lastValue === null || lastValue === undefined ? null : { x: x(lastIndex), y: y(lastValue) },
      };
    }),
    labelled: labelIndexes(months.length, maxLabels),
  };
}
