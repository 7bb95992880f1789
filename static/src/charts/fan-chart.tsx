import type { FanPointView } from '../../../src/contract/ranges.contract';
import { formatMoney, formatMonth } from '../shared/format';
import { LegendItem, SvgChartFigure } from './chart-figure';
import { LinePlotAxes, useLinePlot } from './line-plot';
import { describeMonthSpan } from './month-span';
import { MonthTable } from './month-table';

const HEIGHT = 220;

/** The table's columns: the plan, then the percentiles in order. */
const TABLE_COLUMNS = [
  { id: 'plan', label: 'Plan' },
  { id: 'p10', label: 'P10' },
  { id: 'p50', label: 'P50' },
  { id: 'p90', label: 'P90' },
] as const;

/** "By Nov 2027: €2.1M planned, P10–P90 €1.2M to €3.4M", from the fan's last month. */
export function fanTakeaway(fan: readonly FanPointView[], currency: string): string {
  const last = fan[fan.length - 1];
  if (!last) return 'No months to show';
  const money = (amount: number) => formatMoney(amount, currency, { compact: true });
  return `By ${formatMonth(last.month)}: ${money(last.plan)} planned, P10–P90 ${money(last.p10)} to ${money(last.p90)}`;
}

/**
 * Cumulative benefit by month: the plan (dashed), the simulated P50 (solid) and the band from P10
 * to P90, with the same figures as a table. `note` says how to reproduce them (seed, draws).
 */
export function FanChart({
  fan,
  currency,
  note,
}: {
  fan: readonly FanPointView[];
  currency: string;
  note: string;
}) {
  const { canvas, plot } = useLinePlot({
    height: HEIGHT,
    categories: fan.map((point) => point.month),
    series: [
      { id: 'plan', values: fan.map((point) => point.plan) },
      { id: 'p50', values: fan.map((point) => point.p50) },
      { id: 'p10', values: fan.map((point) => point.p10) },
      { id: 'p90', values: fan.map((point) => point.p90) },
    ],
  });
  const { layout } = plot;
  const upper = fan.map((point, index) => `${layout.x(index).toFixed(1)},${layout.y(point.p90).toFixed(1)}`);
  const lower = fan.map((point, index) => `${layout.x(index).toFixed(1)},${layout.y(point.p10).toFixed(1)}`);
  const band = fan.length > 0 ? `M${[...upper, ...lower.reverse()].join('L')}Z` : '';
  const [plan, p50] = layout.paths;
  const takeaway = fanTakeaway(fan, currency);
  const table = (
    <MonthTable
      caption="Cumulative benefit by month: plan and P10, P50, P90"
      points={fan}
      columns={TABLE_COLUMNS.map((column) => ({
        ...column,
        cell: (point: FanPointView) => formatMoney(point[column.id], currency),
      }))}
    />
  );
  return (
    <SvgChartFigure
      heading="Benefit range over time"
      takeaway={takeaway}
      table={table}
      legend={
        <>
          <ul className="vl-legend" aria-label="Legend">
            <LegendItem className="vl-series-benefit" dashed marker="none" label="Plan" />
            <LegendItem className="vl-series-benefit" marker="none" label="P50" />
            <li className="vl-legend-item">
              <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
                <rect x="1" y="1" width="26" height="10" className="vl-fan-band" />
              </svg>
              P10 to P90
            </li>
          </ul>
          <p className="vl-legend-note">{note}</p>
        </>
      }
      canvas={canvas}
      description={describeMonthSpan(
        fan,
        (from, to) =>
          `Cumulative benefit from ${from} to ${to}. The shaded band runs from P10 to P90 of the simulated benefit, the solid line is P50 and the dashed line the plan.`,
      )}
    >
      <LinePlotAxes plot={plot} currency={currency} label={formatMonth} />
      <path d={band} className="vl-fan-band" />
      <g className="vl-series-benefit">
        {plan ? <path d={plan.d} className="vl-series-line" strokeDasharray="5 3" /> : null}
        {p50 ? <path d={p50.d} className="vl-series-line" /> : null}
      </g>
    </SvgChartFigure>
  );
}
