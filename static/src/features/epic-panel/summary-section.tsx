import type { EpicValueView } from '../../../../src/contract/panel.contract';
import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { formatMoney, formatMonth, formatRatio } from '../../shared/format';
import { chartPoints } from './chart-data';
import { DecisionNote } from './decision-note';
import { isDisBenefit } from './net-benefit';
import { ValueChart } from './value-chart';
import { FinishingSignal } from '../planning/finishing-signal';

interface SummaryProps {
  view: EpicValueView;
  decimals: number;
  /** The form holds edits the figures do not include yet. */
  stale: boolean;
  /** The figures were just recomputed by a save. */
  fresh: boolean;
}

function Metric({
  label,
  value,
  detail,
  wide = false,
}: {
  label: string;
  value: string;
  detail?: string;
  wide?: boolean;
}) {
  return (
    <div className={`metric${wide ? ' metric-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span className="metric-value">{value}</span>
        {detail === undefined ? null : <span className="metric-detail">{detail}</span>}
      </dd>
    </div>
  );
}

/** The epic's value at a glance, computed by the server with the dashboard's engine. */
export function SummarySection({ view, decimals, stale, fresh }: SummaryProps) {
  const { kpis, currency, value } = view;
  const money = (amount: number) => formatMoney(amount, currency);
  const points = chartPoints(value, view.asOf, decimals);
  const hasDisBenefits = value.benefits.some((benefit) => isDisBenefit(benefit.kind));
  const names = new Map(view.objectives.map((objective) => [objective.id, objective.name]));
  const objectives = value.objectives.map(
    (link) => `${names.get(link.id) ?? link.id} (${formatRatio(link.share)})`,
  );

  return (
    <section className={`section summary${fresh ? ' is-fresh' : ''}`} aria-labelledby="summary-heading">
      <div className="summary-heading">
        <h2 id="summary-heading" className="section-title">
          Summary
        </h2>
        <span className={`summary-basis${stale ? ' is-stale' : ''}`} role="status">
          {stale
            ? 'As saved: your unsaved changes are not included until you save.'
            : fresh
              ? `Updated from your save · as of ${formatMonth(view.asOf)}`
              : `As of ${formatMonth(view.asOf)}`}
        </span>
      </div>
      {value.decision === undefined ? null : <DecisionNote decision={value.decision} />}
      <dl className="metrics">
        <Metric
          label={KPI_NAMES.realisedBenefit}
          value={money(kpis.realisedBenefit)}
          detail={`of ${money(kpis.plannedBenefitToDate)} planned to date`}
        />
        {hasDisBenefits ? (
          <Metric
            label={KPI_NAMES.disBenefitRealised}
            value={kpis.disBenefitRealised === 0 ? money(0) : `−${money(kpis.disBenefitRealised)}`}
            detail="already subtracted from realised benefit"
          />
        ) : null}
        <Metric
          label={KPI_NAMES.realisationRate}
          value={formatRatio(kpis.realisationRate)}
          detail={kpis.realisationRate === null ? 'Nothing planned to date' : 'realised ÷ planned to date'}
        />
        <Metric
          label={KPI_NAMES.plannedBenefit}
          value={money(kpis.plannedBenefit)}
          detail={`${money(kpis.riskAdjustedBenefit)} risk-adjusted`}
        />
        <Metric
          label={KPI_NAMES.roi}
          value={formatRatio(kpis.roi)}
          detail={kpis.roi === null ? 'No actual cost yet' : 'on actual cost to date'}
        />
        <Metric
          label={KPI_NAMES.expectedRoi}
          value={formatRatio(kpis.expectedRoi)}
          detail={kpis.expectedRoi === null ? 'No cost forecast' : 'risk-adjusted, on forecast cost'}
        />
        <Metric
          label={KPI_NAMES.npv}
          value={money(kpis.npv)}
          detail={`at a ${formatRatio(view.discountRate)} discount rate`}
        />
        <Metric
          label="Cost"
          value={`${money(kpis.actualCost)} actual`}
          detail={`${money(kpis.costBudget)} budget · ${money(kpis.forecastCost)} forecast`}
        />
        <Metric
          label="Success probability"
          value={formatRatio(value.successProbability)}
          detail={
            kpis.npsAtCompletion === null
              ? undefined
              : `NPS at completion ${String(Math.round(kpis.npsAtCompletion))}`
          }
        />
        {view.planning === null ? null : (
          <Metric
            label={KPI_NAMES.costOfDelay}
            value={`${money(view.planning.costOfDelay)} a month`}
            detail={
              view.planning.cd3 === null
                ? 'No cost remains to fund'
                : `${KPI_NAMES.cd3} ${money(view.planning.cd3)}, over ${String(view.planning.remainingMonths)} month${view.planning.remainingMonths === 1 ? '' : 's'} left`
            }
          />
        )}
        <Metric
          label="Objectives"
          value={objectives.length === 0 ? 'None linked' : objectives.join(', ')}
          wide
        />
      </dl>
      {view.planning === null ? null : (
        <div className="summary-signal">
          <FinishingSignal row={view.planning} currency={currency} />
        </div>
      )}
      {points.length === 0 ? (
        <p className="chart-empty">
          The chart of planned and realised benefit appears once a benefit has amounts.
        </p>
      ) : (
        <ValueChart
          points={points}
          asOf={view.asOf}
          currency={currency}
          realisationRate={kpis.realisationRate}
        />
      )}
    </section>
  );
}
