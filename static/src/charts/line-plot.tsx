import { formatMoney } from '../shared/format';
import type { ChartCanvas } from './chart-figure';
import { layoutTrend, type TrendLayout, type TrendSeries } from './model/trend';
import { useWidth } from './use-width';
import { XLabels, labelsThatFit, plotBox, type PlotBox } from './x-labels';
import { YGrid } from './y-grid';

/** Room for the value labels on the left and the category labels below, on every line chart. */
const LINE_PLOT_MARGIN = { top: 12, right: 16, bottom: 28, left: 64 };

/** A line chart's plot: its SVG size, the plot box inside it, and its series laid out. */
export interface LinePlot {
  width: number;
  height: number;
  box: PlotBox;
  layout: TrendLayout;
  /** What the x axis runs over (months, cuts), one a point of each series. */
  categories: readonly string[];
}

/**
 * Lays out series over categories (months, cuts) as lines at the width the chart's canvas
 * measures; `canvas` goes to its `SvgChartFigure`. Called in the chart itself rather than in its
 * canvas, so that the measured width outlives the canvas while the figure shows its table instead.
 */
export function useLinePlot({
  height,
  categories,
  series,
}: {
  height: number;
  categories: readonly string[];
  series: readonly TrendSeries[];
}) {
  const [canvasRef, width] = useWidth(560);
  const box = plotBox(width, height, LINE_PLOT_MARGIN);
  const layout = layoutTrend({ months: categories, series, box, maxLabels: labelsThatFit(box) });
  const plot: LinePlot = { width, height, box, layout, categories };
  const canvas: ChartCanvas = { canvasRef, width, height };
  return { canvas, plot };
}

/**
 * A line plot's axes: the value grid on the left, in compact money (every line chart here plots
 * amounts), and the category labels below the plot.
 */
export function LinePlotAxes({
  plot,
  currency,
  label,
  decorative = false,
}: {
  plot: LinePlot;
  currency: string;
  /** A category as labelled under the plot, e.g. "Mar 2026" for "2026-03". */
  label: (category: string) => string;
  /** Hidden from assistive technology, where the chart's marks name their own values. */
  decorative?: boolean;
}) {
  const { layout, box } = plot;
  const money = (amount: number) => formatMoney(amount, currency, { compact: true });
  return (
    <g className="vl-axis" aria-hidden={decorative ? 'true' : undefined}>
      <YGrid ticks={layout.yTicks} y={layout.y} left={box.left} right={box.right} format={money} />
      <XLabels
        indexes={layout.labelled}
        count={plot.categories.length}
        x={layout.x}
        y={plot.height - 8}
        label={(index) => label(plot.categories[index] ?? '')}
      />
    </g>
  );
}
