import { useWidth } from '../../charts/use-width';
import { formatMoney, formatMonth } from '../../shared/format';
import type { ChartPoint } from './chart-data';

const HEIGHT = 168;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 64 };

interface ValueChartPlotProps {
  points: readonly ChartPoint[];
  asOf: string;
  currency: string;
  /** The ids of the chart's title and of its one-paragraph description. */
  titleId: string;
  descriptionId: string;
  title: string;
  description: string;
}

/**
 * The running totals of planned and realised benefit as two lines, drawn at the panel's real
 * width (360–700 px) so that their labels stay at 12px, with a "Now" marker at the as-of month.
 */
export function ValueChartPlot({
  points,
  asOf,
  currency,
  titleId,
  descriptionId,
  title,
  description,
}: ValueChartPlotProps) {
  const [containerRef, width] = useWidth(480);
  const compact = (amount: number) => formatMoney(amount, currency, { compact: true });
  const last = points.at(-1);
  const plotWidth = Math.max(width - MARGIN.left - MARGIN.right, 40);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(
    ...points.map((point) => Math.max(point.cumulativePlanned, point.cumulativeRealised ?? 0)),
    1,
  );
  // Dis-benefits can take a running net total below zero: the axis then reaches down to it.
  const min = Math.min(
    ...points.map((point) => Math.min(point.cumulativePlanned, point.cumulativeRealised ?? 0)),
    0,
  );
  const ticks = min < 0 ? [min, 0, max] : [0, max / 2, max];
  const step = points.length > 1 ? plotWidth / (points.length - 1) : 0;
  const x = (index: number) => MARGIN.left + (points.length > 1 ? index * step : plotWidth / 2);
  const y = (amount: number) => MARGIN.top + plotHeight - ((amount - min) / (max - min)) * plotHeight;
  const line = (values: readonly (number | null)[]) =>
    values
      .flatMap((value, index) =>
        value === null ? [] : [`${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(value).toFixed(1)}`],
      )
      .join(' ')
      .replace(/^L/, 'M');
  const asOfIndex = points.findIndex((point) => point.month === asOf);
  const realisedValues = points.map((point) => point.cumulativeRealised);
  const lastRealisedIndex = realisedValues.findLastIndex((value) => value !== null);
  const axisY = MARGIN.top + plotHeight + 20;

  return (
    <div ref={containerRef} className="chart-canvas">
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${String(width)} ${String(HEIGHT)}`}
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descriptionId}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={MARGIN.left + plotWidth}
              y1={y(tick)}
              y2={y(tick)}
              className={tick === 0 ? 'axis' : 'gridline'}
            />
            <text x={MARGIN.left - 6} y={y(tick)} className="tick" textAnchor="end" dominantBaseline="middle">
              {compact(tick)}
            </text>
          </g>
        ))}
        {asOfIndex >= 0 ? (
          <g>
            <line
              x1={x(asOfIndex)}
              x2={x(asOfIndex)}
              y1={MARGIN.top}
              y2={MARGIN.top + plotHeight}
              className="today"
            />
            <text
              x={x(asOfIndex)}
              y={axisY}
              className="tick tick-strong"
              textAnchor={asOfIndex === 0 ? 'start' : asOfIndex === points.length - 1 ? 'end' : 'middle'}
            >
              Now
            </text>
          </g>
        ) : null}
        {points.length > 0 && (asOfIndex > 2 || asOfIndex < 0) ? (
          <text x={x(0)} y={axisY} className="tick" textAnchor="start">
            {formatMonth(points[0]?.month ?? null)}
          </text>
        ) : null}
        {points.length > 1 && (asOfIndex < points.length - 3 || asOfIndex < 0) ? (
          <text x={x(points.length - 1)} y={axisY} className="tick" textAnchor="end">
            {formatMonth(last?.month ?? null)}
          </text>
        ) : null}
        <path d={line(points.map((point) => point.cumulativePlanned))} className="series-planned" />
        <path d={line(realisedValues)} className="series-realised" />
        {lastRealisedIndex >= 0 ? (
          <circle
            cx={x(lastRealisedIndex)}
            cy={y(realisedValues[lastRealisedIndex] ?? 0)}
            r="3.5"
            className="dot-realised"
          />
        ) : null}
      </svg>
    </div>
  );
}
