import type { KeyboardEvent } from 'react';
import type { FrontierPointView } from '../../../../src/contract/planning.contract';
import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { LegendItem, SvgChartFigure } from '../../charts/chart-figure';
import { LinePlotAxes, useLinePlot } from '../../charts/line-plot';
import { formatMoney } from '../../shared/format';
import { Button } from '../../ui/button';
import { frontierTakeaway, pointWords, proofWords } from './frontier-words';

const HEIGHT = 240;

const retainedOf = (point: FrontierPointView) => (point.status === 'planned' ? point.npvRetained : null);
const greedyOf = (point: FrontierPointView) => (point.status === 'planned' ? point.greedyNpvRetained : null);

/**
 * The efficient frontier: NPV retained by the optimised plan (solid, a mark per cut: filled when
 * proven, hollow when not) and by the greedy ranking (dashed) for each cut of 0–50%; a cut no plan
 * meets is a cross on the axis. Each mark can be focused and chosen (Enter or Space) to set the
 * budget cut to it; the table holds the same figures with a button per cut.
 */
export function FrontierChart({
  points,
  currency,
  onChoose,
}: {
  points: readonly FrontierPointView[];
  currency: string;
  onChoose: (cutPercent: number) => void;
}) {
  const { canvas, plot } = useLinePlot({
    height: HEIGHT,
    categories: points.map((point) => String(point.cutPercent)),
    series: [
      { id: 'exact', values: points.map(retainedOf) },
      { id: 'greedy', values: points.map(greedyOf) },
    ],
  });
  const { layout, box } = plot;
  const [exact, greedy] = layout.paths;
  const takeaway = frontierTakeaway(points, currency);
  const choose = (cutPercent: number) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onChoose(cutPercent);
    }
  };
  const table = (
    <table className="vl-table vl-frontier-table">
      <caption className="vl-visually-hidden">{KPI_NAMES.npvRetained} by cut of the forecast</caption>
      <thead>
        <tr>
          <th scope="col">Cut</th>
          <th scope="col" className="vl-num">
            {KPI_NAMES.npvRetained}
          </th>
          <th scope="col" className="vl-num">
            Greedy ranking
          </th>
          <th scope="col">Solved</th>
          <th scope="col">
            <span className="vl-visually-hidden">Budget cut</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.cutPercent}>
            <th scope="row">{`${String(point.cutPercent)}%`}</th>
            <td className="vl-num">
              {point.status === 'planned' ? formatMoney(point.npvRetained, currency) : '—'}
            </td>
            <td className="vl-num">
              {point.status === 'planned' && point.greedyNpvRetained !== null
                ? formatMoney(point.greedyNpvRetained, currency)
                : '—'}
            </td>
            <td className="vl-frontier-proof">{proofWords(point, currency)}</td>
            <td>
              <Button
                spacing="compact"
                onClick={() => {
                  onChoose(point.cutPercent);
                }}
              >
                Use {point.cutPercent}%
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <SvgChartFigure
      heading={`${KPI_NAMES.npvRetained} by cut`}
      level={3}
      takeaway={takeaway}
      table={table}
      legend={
        <>
          <ul className="vl-legend" aria-label="Legend">
            <LegendItem className="vl-series-benefit" marker="circle" label="Optimised plan" />
            <LegendItem className="vl-series-cost" dashed marker="none" label="Greedy ranking" />
            <li className="vl-legend-item">
              <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
                <circle cx="14" cy="6" r="4" className="vl-frontier-mark vl-frontier-mark--unproven" />
              </svg>
              Not proven
            </li>
            <li className="vl-legend-item">
              <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
                <path d="M10 2l8 8M18 2l-8 8" className="vl-frontier-cross" />
              </svg>
              No plan
            </li>
          </ul>
          <p className="vl-legend-note">
            Choose a point (click, or Tab to it and press Enter) to set the budget cut above to it.
          </p>
        </>
      }
      canvas={canvas}
      role="group"
      description={`${KPI_NAMES.npvRetained} for cuts of 0% to 50% of the next 12 months’ forecast: the optimised plan as a solid line, the greedy ranking dashed.`}
    >
      <LinePlotAxes plot={plot} currency={currency} label={(cut) => `${cut}%`} decorative />
      <g aria-hidden="true">
        {greedy ? (
          <path d={greedy.d} className="vl-series-line vl-series-cost" strokeDasharray="5 3" />
        ) : null}
        {exact ? <path d={exact.d} className="vl-series-line vl-series-benefit" /> : null}
      </g>
      {points.map((point, index) => {
        const retained = retainedOf(point);
        const x = layout.x(index);
        const label = pointWords(point, currency);
        return (
          <g
            key={point.cutPercent}
            className="vl-frontier-point"
            role="button"
            tabIndex={0}
            aria-label={`${label} Choose to set the budget cut to ${String(point.cutPercent)}%.`}
            onClick={() => {
              onChoose(point.cutPercent);
            }}
            onKeyDown={choose(point.cutPercent)}
          >
            <title>{label}</title>
            {retained === null ? (
              <>
                <rect x={x - 8} y={box.bottom - 16} width="16" height="16" className="vl-frontier-hit" />
                <path
                  d={`M${String(x - 4)} ${String(box.bottom - 12)}l8 8m0 -8l-8 8`}
                  className="vl-frontier-cross"
                />
              </>
            ) : (
              <>
                <circle cx={x} cy={layout.y(retained)} r="10" className="vl-frontier-hit" />
                <circle
                  cx={x}
                  cy={layout.y(retained)}
                  r="4.5"
                  className={
                    point.status === 'planned' && point.proof === 'proven'
                      ? 'vl-frontier-mark'
                      : 'vl-frontier-mark vl-frontier-mark--unproven'
                  }
                />
              </>
            )}
          </g>
        );
      })}
    </SvgChartFigure>
  );
}
