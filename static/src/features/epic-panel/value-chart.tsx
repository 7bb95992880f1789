import { useEffect, useId, useRef, useState } from 'react';
import { formatMoney, formatMonth, formatRatio } from '../../shared/format';
import type { ChartPoint } from './chart-data';

const HEIGHT = 168;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 64 };

/** The element's width in CSS pixels, following resizes (the panel is 360–700 px wide). */
function useWidth(fallback: number): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width;
      if (measured !== undefined && measured > 0) setWidth(Math.round(measured));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);
  return [ref, width];
}

/** What the chart says in one sentence: its visible title. */
export function chartTakeaway(
  points: readonly ChartPoint[],
  realisationRate: number | null,
  asOf: string,
): string {
  if (realisationRate !== null) return `Realised ${formatRatio(realisationRate)} of the plan to date`;
  const firstPlanned = points.find((point) => point.planned > 0);
  if (firstPlanned && firstPlanned.month > asOf)
    return `Benefits are planned from ${formatMonth(firstPlanned.month)}`;
  return 'Realised benefit so far, with nothing planned to date';
}

interface ValueChartProps {
  points: readonly ChartPoint[];
  asOf: string;
  currency: string;
  realisationRate: number | null;
}

/** Planned against realised benefit, running totals by month, with the numbers as a table too. */
export function ValueChart({ points, asOf, currency, realisationRate }: ValueChartProps) {
  const id = useId();
  const [containerRef, width] = useWidth(480);
  const [showTable, setShowTable] = useState(false);
  const money = (amount: number) => formatMoney(amount, currency);
  const compact = (amount: number) => formatMoney(amount, currency, { compact: true });
  const title = chartTakeaway(points, realisationRate, asOf);
  const last = points.at(-1);
  const lastRealised = [...points].reverse().find((point) => point.cumulativeRealised !== null);
  const toDate = [...points].reverse().find((point) => point.month <= asOf);
  const description =
    last === undefined
      ? 'No amounts.'
      : `Planned benefit adds up to ${money(last.cumulativePlanned)} by ${formatMonth(last.month)}.` +
        (lastRealised && toDate
          ? ` By ${formatMonth(toDate.month)}, ${money(lastRealised.cumulativeRealised ?? 0)} was realised against ${money(toDate.cumulativePlanned)} planned.`
          : ' Nothing is realised yet.');

  const plotWidth = Math.max(width - MARGIN.left - MARGIN.right, 40);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(
    ...points.map((point) => Math.max(point.cumulativePlanned, point.cumulativeRealised ?? 0)),
    1,
  );
  const step = points.length > 1 ? plotWidth / (points.length - 1) : 0;
  const x = (index: number) => MARGIN.left + (points.length > 1 ? index * step : plotWidth / 2);
  const y = (amount: number) => MARGIN.top + plotHeight - (amount / max) * plotHeight;
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

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption className="chart-header">
        <h3 id={`${id}-title`} className="chart-title">
          {title}
        </h3>
        <ul className="chart-legend" aria-label="Legend">
          <li>
            <svg width="24" height="8" aria-hidden="true" focusable="false">
              <line x1="0" y1="4" x2="24" y2="4" className="series-planned" />
            </svg>
            Planned (running total)
          </li>
          <li>
            <svg width="24" height="8" aria-hidden="true" focusable="false">
              <line x1="0" y1="4" x2="24" y2="4" className="series-realised" />
            </svg>
            Realised (running total)
          </li>
        </ul>
      </figcaption>
      <div ref={containerRef} className="chart-canvas">
        <svg
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${String(width)} ${String(HEIGHT)}`}
          role="img"
          aria-labelledby={`${id}-svg-title ${id}-desc`}
        >
          <title id={`${id}-svg-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {[0, 0.5, 1].map((fraction) => (
            <g key={fraction}>
              <line
                x1={MARGIN.left}
                x2={MARGIN.left + plotWidth}
                y1={y(max * fraction)}
                y2={y(max * fraction)}
                className={fraction === 0 ? 'axis' : 'gridline'}
              />
              <text
                x={MARGIN.left - 6}
                y={y(max * fraction)}
                className="tick"
                textAnchor="end"
                dominantBaseline="middle"
              >
                {compact(max * fraction)}
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
                y={MARGIN.top + plotHeight + 20}
                className="tick tick-strong"
                textAnchor={asOfIndex === 0 ? 'start' : asOfIndex === points.length - 1 ? 'end' : 'middle'}
              >
                Now
              </text>
            </g>
          ) : null}
          {points.length > 0 && (asOfIndex > 2 || asOfIndex < 0) ? (
            <text x={x(0)} y={MARGIN.top + plotHeight + 20} className="tick" textAnchor="start">
              {formatMonth(points[0]?.month ?? null)}
            </text>
          ) : null}
          {points.length > 1 && (asOfIndex < points.length - 3 || asOfIndex < 0) ? (
            <text x={x(points.length - 1)} y={MARGIN.top + plotHeight + 20} className="tick" textAnchor="end">
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
      <button
        type="button"
        className="vl-link-button chart-table-toggle"
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
        onClick={() => {
          setShowTable(!showTable);
        }}
      >
        {showTable ? 'Hide the numbers' : 'Show the numbers as a table'}
      </button>
      <div id={`${id}-table`} className="chart-table-wrap" hidden={!showTable}>
        {showTable ? (
          <table className="data-table">
            <caption className="vl-visually-hidden">Planned and realised benefit by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Planned</th>
                <th scope="col">Realised</th>
                <th scope="col">Planned, running</th>
                <th scope="col">Realised, running</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.month}>
                  <th scope="row">{formatMonth(point.month)}</th>
                  <td>{money(point.planned)}</td>
                  <td>{point.realised === null ? '—' : money(point.realised)}</td>
                  <td>{money(point.cumulativePlanned)}</td>
                  <td>{point.cumulativeRealised === null ? '—' : money(point.cumulativeRealised)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </figure>
  );
}
