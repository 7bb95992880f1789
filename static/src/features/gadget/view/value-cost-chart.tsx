import { BubbleChart, type BubblePoint } from '../../../charts/bubble-chart';
import { formatMoney } from '../../../shared/format';
import { listEpics, type ScopeRequest } from '../data/gadget-api';
import { useResource } from '../../../shared/use-resource';
import { ErrorMessage, LoadingMessage } from './states';

/**
 * One bubble per epic stops being readable (and cheap to load) long before a big site's scope
 * ends: beyond this, the chart asks for a narrower scope instead of reading every epic.
 */
export const MAX_BUBBLE_EPICS = 1000;

/** Value vs cost per epic: forecast cost against risk-adjusted benefit, sized by success probability. */
export function ValueCostChart({ request, epicCount }: { request: ScopeRequest; epicCount: number }) {
  if (epicCount > MAX_BUBBLE_EPICS) {
    return (
      <section className="vl-section vl-card" aria-label="Value vs cost">
        <h2 className="vl-section-heading">Value vs cost by epic</h2>
        <p className="vl-legend-note">
          This scope has {epicCount.toLocaleString()} epics, too many to draw one bubble each (the chart shows
          up to {MAX_BUBBLE_EPICS.toLocaleString()}). Drill into a project or programme, or narrow the
          gadget&rsquo;s scope, to compare its epics.
        </p>
      </section>
    );
  }
  return <EpicBubbles request={request} />;
}

function EpicBubbles({ request }: { request: ScopeRequest }) {
  const { resource: list, retry: reload } = useResource(JSON.stringify(request), () =>
    listEpics({ ...request, filter: { by: 'all' } }),
  );
  if (list.state === 'loading') {
    return (
      <section className="vl-section vl-card" aria-label="Value vs cost">
        <LoadingMessage label="Loading each epic’s value and cost…" />
      </section>
    );
  }
  if (list.state === 'failed') {
    return (
      <section className="vl-section vl-card" aria-label="Value vs cost">
        <ErrorMessage error={list.error} onRetry={reload} />
      </section>
    );
  }
  const { epics, currency } = list.data;
  const points: BubblePoint[] = epics
    .filter((epic) => epic.kpis.forecastCost > 0 || epic.kpis.riskAdjustedBenefit > 0)
    .map((epic) => ({
      id: epic.key,
      label: `${epic.key} ${epic.summary}`,
      x: epic.kpis.forecastCost,
      y: epic.kpis.riskAdjustedBenefit,
      weight: epic.successProbability,
    }));
  const missing = epics.length - points.length;
  return (
    <section className="vl-section vl-card">
      <BubbleChart
        heading="Value vs cost by epic"
        points={points}
        xLabel="Forecast cost"
        yLabel="Risk-adjusted benefit"
        format={(amount) => formatMoney(amount, currency, { compact: true })}
      />
      {missing > 0 ? (
        <p className="vl-legend-note">
          {missing === 1 ? '1 epic has' : `${String(missing)} epics have`} no cost or benefit recorded yet and{' '}
          {missing === 1 ? 'is' : 'are'} not drawn.
        </p>
      ) : null}
    </section>
  );
}
