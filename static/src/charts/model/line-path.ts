/** SVG path data for line charts, rounded to 0.01 px to keep the markup small and stable. */

export interface Point {
  x: number;
  y: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** `M x y L x y …` through the points, in order; empty for no points. */
export function linePath(points: readonly Point[]): string {
  return points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`)
    .join('');
}

/**
 * A line through a series that has gaps (null: no value, e.g. realised benefit after the as-of
 * month): each run of values becomes its own sub-path, so a gap is never bridged.
 */
export function linePathWithGaps(
  values: readonly (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number,
): string {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${round(x(index))} ${round(y(value))}`;
    drawing = true;
  });
  return path;
}
