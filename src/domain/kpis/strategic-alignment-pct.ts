import type { Objective } from '../model/objective';
import { asOfColumn, sumAfter, sumToDate } from '../totals/series-sums';
import { objectiveSeriesOf } from '../totals/value-totals';
import { forecastCost } from './forecast-cost';
import { notComputable, computed, type Kpi, type KpiInput } from './kpi';

/**
 * Strategic alignment: the share of forecast spend that goes to active strategic objectives,
 *
 *   100 x Σ over epics of (Σ of the epic's shares to active objectives) x epic forecastCost
 *       / Σ over epics of forecastCost
 *
 * Units: a percentage from 0 to 100.
 * The numerator is taken from the per-objective cost series: share x cost rounded half-to-even
 * per epic-month and objective, actual costs up to as-of and planned costs after it, summed over
 * the active objectives. Rounding can put it at most half a minor unit per epic-month and link
 * above the exact product, so the result is capped at 100.
 * Example: an epic with forecast cost 2,600.00 linked to an active objective with share 0.5, and
 * one with forecast 800.00 linked only to an archived objective -> 100 x 1300 / 3400 = 38.24.
 * Edge cases: forecast cost 0 -> not computable, `NO_FORECAST_COST`. Links to archived objectives
 * and unlinked epics add nothing to the numerator but their cost stays in the denominator.
 */
export function strategicAlignmentPct({
  totals,
  asOf,
  objectives,
}: KpiInput & { objectives: readonly Objective[] }): Kpi<number, 'NO_FORECAST_COST'> {
  const totalForecast = forecastCost({ totals, asOf });
  if (totalForecast === 0) {
    return notComputable('NO_FORECAST_COST');
  }
  return computed(Math.min(100, (100 * alignedForecastCost({ totals, asOf, objectives })) / totalForecast));
}

/**
 * Forecast spend that goes to active objectives, in minor units: the numerator of
 * `strategicAlignmentPct`, from the per-objective cost series (actual cost up to as-of, planned
 * after it). Archived objectives add nothing.
 */
export function alignedForecastCost({
  totals,
  asOf,
  objectives,
}: KpiInput & { objectives: readonly Pick<Objective, 'id' | 'status'>[] }): number {
  const lastPast = asOfColumn({ totals, asOf });
  let aligned = 0;
  for (const objective of objectives) {
    const series = objectiveSeriesOf({ totals, objectiveId: objective.id });
    if (objective.status === 'active' && series !== undefined) {
      aligned +=
        sumToDate({ values: series.actualCost, asOfColumn: lastPast }) +
        sumAfter({ values: series.plannedCost, asOfColumn: lastPast });
    }
  }
  return aligned;
}
