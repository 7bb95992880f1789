import type { TrendPointView } from '../../../src/contract/gadget.contract';
import { formatMoney, formatMonth } from '../shared/format';
import { LegendItem, SvgChartFigure } from './chart-figure';
import { LinePlotAxes, useLinePlot } from './line-plot';
import { describeMonthSpan } from './month-span';
import { MonthTable } from './month-table';

const HEIGHT = 220;

const SERIES = [
  {
    id: 'plannedBenefit',
    label: 'Planned benefit',
    className: 'vl-series-benefit',
    dashed: true,
    marker: 'circle',
  },
  {
    id: 'realisedBenefit',
    label: 'Realised benefit',
    className: 'vl-series-benefit',
    dashed: false,
    marker: 'circle',
  },
  { id: 'plannedCost', label: 'Planned cost', className: 'vl-series-cost', dashed: true, marker: 'square' },
  { id: 'actualCost', label: 'Actual cost', className: 'vl-series-cost', dashed: false, marker: 'square' },
] as const;

/** "Realised 72% of plan to date", from the cumulative figures at the as-of month. */
export function trendTakeaway(trend: readonly TrendPointView[], asOf: string): string {
  const upToNow = trend.filter((point) => point.month <= asOf);
  const now = upToNow[upToNow.length - 1];
  if (!now || now.plannedBenefit === 0) {
    return trend.length === 0
      ? 'No benefits or costs are planned yet'
      : 'No benefit was planned up to the as-of month';
  }
  const realised = now.realisedBenefit ?? 0;
  return `Realised ${String(Math.round((realised / now.plannedBenefit) * 100))}% of plan to date`;
}

/** Cumulative planned vs realised benefit and planned vs actual cost, by month. */
export function TrendChart({
  trend,
  asOf,
  currency,
}: {
  trend: readonly TrendPointView[];
  asOf: string;
  currency: string;
}) {
  const { canvas, plot } = useLinePlot({
    height: HEIGHT,
    categories: trend.map((point) => point.month),
    series: SERIES.map((s) => ({ id: s.id, values: trend.map((point) => point[s.id]) })),
  });
  const { layout, box } = plot;
  const asOfIndex = trend.findIndex((point) => point.month === asOf);
  const takeaway = trendTakeaway(trend, asOf);
  const table = (
    <MonthTable
      caption="Cumulative benefit and cost by month"
      points={trend}
      columns={SERIES.map((s) => ({
        id: s.id,
        label: s.label,
        cell: (point: TrendPointView) => {
          const value = point[s.id];
          return value === null ? 'not yet' : formatMoney(value, currency);
        },
      }))}
    />
  );
  return (
    <SvgChartFigure
      heading="Benefit and cost over time"
      takeaway={takeaway}
      table={table}
      legend={
        <ul className="vl-legend" aria-label="Legend">
          {SERIES.map((s) => (
            <LegendItem
              key={s.id}
              className={s.className}
              dashed={s.dashed}
              marker={s.marker}
              label={s.label}
            />
          ))}
        </ul>
      }
      canvas={canvas}
      description={describeMonthSpan(
        trend,
        (from, to) =>
          `Cumulative amounts from ${from} to ${to}. Dashed lines are the plan, solid lines what happened up to ${formatMonth(asOf)}; circles mark benefit, squares cost.`,
      )}
    >
      <LinePlotAxes plot={plot} currency={currency} label={formatMonth} />
      {asOfIndex >= 0 ? (
        <g className="vl-now">
          <line x1={layout.x(asOfIndex)} x2={layout.x(asOfIndex)} y1={box.top} y2={box.bottom} />
          <text x={layout.x(asOfIndex) + 4} y={box.top + 10}>
            As of
          </text>
        </g>
      ) : null}
      {layout.paths.map((path, index) => {
        const series = SERIES[index];
        if (!series) return null;
        return (
          <g key={path.id} className={series.className}>
            <path d={path.d} className="vl-series-line" strokeDasharray={series.dashed ? '5 3' : undefined} />
            {path.last ? (
              series.marker === 'circle' ? (
                <circle cx={path.last.x} cy={path.last.y} r="3.5" className="vl-series-marker" />
              ) : (
                <rect
                  x={path.last.x - 3.5}
                  y={path.last.y - 3.5}
                  width="7"
                  height="7"
                  className="vl-series-marker"
                />
              )
            ) : null}
          </g>
        );
      })}
    </SvgChartFigure>
  );
}
