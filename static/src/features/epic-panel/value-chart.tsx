import { useId, useState } from 'react';
import { formatMoney, formatMonth, formatRatio } from '../../shared/format';
import type { ChartPoint } from './chart-data';
import { ValueChartPlot } from './value-chart-plot';
import { ValueChartTable } from './value-chart-table';

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

/** The chart in words, for screen readers: the plan's total and where realisation stands. */
function chartDescription(points: readonly ChartPoint[], asOf: string, currency: string): string {
  const money = (amount: number) => formatMoney(amount, currency);
  const last = points.at(-1);
  if (last === undefined) return 'No amounts.';
  const lastRealised = points.findLast((point) => point.cumulativeRealised !== null);
  const toDate = points.findLast((point) => point.month <= asOf);
  return (
    `Planned benefit adds up to ${money(last.cumulativePlanned)} by ${formatMonth(last.month)}.` +
    (lastRealised && toDate
      ? ` By ${formatMonth(toDate.month)}, ${money(lastRealised.cumulativeRealised ?? 0)} was realised against ${money(toDate.cumulativePlanned)} planned.`
      : ' Nothing is realised yet.')
  );
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
  const [showTable, setShowTable] = useState(false);
  const title = chartTakeaway(points, realisationRate, asOf);
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
      <ValueChartPlot
        points={points}
        asOf={asOf}
        currency={currency}
        titleId={`${id}-svg-title`}
        descriptionId={`${id}-desc`}
        title={title}
        description={chartDescription(points, asOf, currency)}
      />
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
        {showTable ? <ValueChartTable points={points} currency={currency} /> : null}
      </div>
    </figure>
  );
}
