/** A chart's plot area inside its SVG: the width less the margins, the fixed height less them. */
export interface PlotBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function plotBox(
  width: number,
  height: number,
  margin: { top: number; right: number; bottom: number; left: number },
): PlotBox {
  return { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
}

/** How many category labels fit under a plot: one every 90 px, at least two. */
export const labelsThatFit = (box: PlotBox): number => Math.max(2, Math.floor((box.right - box.left) / 90));

/**
 * Category labels under the plot (months, cuts) at the given indexes: the axis every line chart
 * here shares. The last one is anchored at its end so that it never runs past the plot.
 */
export function XLabels({
  indexes,
  count,
  x,
  y,
  label,
}: {
  indexes: readonly number[];
  count: number;
  x: (index: number) => number;
  y: number;
  label: (index: number) => string;
}) {
  return indexes.map((index) => (
    <text key={index} x={x(index)} y={y} textAnchor={index === count - 1 && count > 1 ? 'end' : 'middle'}>
      {label(index)}
    </text>
  ));
}
