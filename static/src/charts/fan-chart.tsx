import type { FanPointView } from '../../../src/contract/ranges.contract';
import { formatMoney, formatMonth } from '../shared/format';
import { ChartFigure, LegendItem } from './chart-figure';
import { layoutTrend } from './model/trend';
import { useWidth } from './use-width';
import { XLabels, labelsThatFit, plotBox } from './x-labels';
import { YGrid } from './y-grid';

const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 64 };

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
  const [ref, width] = useWidth(560);
  const money = (amount: number) => formatMoney(amount, currency, { compact: true });
  const box = plotBox(width, HEIGHT, MARGIN);
  const layout = layoutTrend({
    months: fan.map((point) => point.month),
    series: [
      { id: 'plan', values: fan.map((point) => point.plan) },
      { id: 'p50', values: fan.map((point) => point.p50) },
      { id: 'p10', values: fan.map((point) => point.p10) },
      { id: 'p90', values: fan.map((point) => point.p90) },
    ],
    box,
    maxLabels: labelsThatFit(box),
  });
  const upper = fan.map((point, index) => `${layout.x(index).toFixed(1)},${layout.y(point.p90).toFixed(1)}`);
  const lower = fan.map((point, index) => `${layout.x(index).toFixed(1)},${layout.y(point.p10).toFixed(1)}`);
  const band = fan.length > 0 ? `M${[...upper, ...lower.reverse()].join('L')}Z` : '';
  const [plan, p50] = layout.paths;
  const takeaway = fanTakeaway(fan, currency);
  const first = fan[0];
  const last = fan[fan.length - 1];
  const table = (
    <table className="vl-table">
      <caption className="vl-visually-hidden">Cumulative benefit by month: plan and P10, P50, P90</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col" className="vl-num">
            Plan
          </th>
          <th scope="col" className="vl-num">
            P10
          </th>
          <th scope="col" className="vl-num">
            P50
          </th>
          <th scope="col" className="vl-num">
            P90
          </th>
        </tr>
      </thead>
      <tbody>
        {fan.map((point) => (
          <tr key={point.month}>
            <th scope="row">{formatMonth(point.month)}</th>
            <td className="vl-num">{formatMoney(point.plan, currency)}</td>
            <td className="vl-num">{formatMoney(point.p10, currency)}</td>
            <td className="vl-num">{formatMoney(point.p50, currency)}</td>
            <td className="vl-num">{formatMoney(point.p90, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure
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
    >
      {({ titleId, descId }) => (
        <div ref={ref} className="vl-chart-canvas">
          <svg width={width} height={HEIGHT} role="img" aria-labelledby={titleId} aria-describedby={descId}>
            <title id={titleId}>{takeaway}</title>
            <desc id={descId}>
              {first && last
                ? `Cumulative benefit from ${formatMonth(first.month)} to ${formatMonth(last.month)}. The shaded band runs from P10 to P90 of the simulated benefit, the solid line is P50 and the dashed line the plan.`
                : 'No months to show.'}
            </desc>
            <g className="vl-axis">
              <YGrid ticks={layout.yTicks} y={layout.y} left={box.left} right={box.right} format={money} />
              <XLabels
                indexes={layout.labelled}
                count={fan.length}
                x={layout.x}
                y={HEIGHT - 8}
                label={(index) => formatMonth(fan[index]?.month ?? null)}
              />
            </g>
            <path d={band} className="vl-fan-band" />
            <g className="vl-series-benefit">
              {plan ? <path d={plan.d} className="vl-series-line" strokeDasharray="5 3" /> : null}
              {p50 ? <path d={p50.d} className="vl-series-line" /> : null}
            </g>
          </svg>
        </div>
      )}
    </ChartFigure>
  );
}
