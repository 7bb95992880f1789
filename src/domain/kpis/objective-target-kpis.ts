import { minorUnits, type MinorUnits } from '../money/minor-units';
import type { Objective } from '../model/objective';
import { monthIndexOf, type YearMonth } from '../time/year-month';
import { asOfColumn, sumToDate } from '../totals/series-sums';
import { objectiveSeriesOf } from '../totals/value-totals';
import { computed, notComputable, type Kpi, type KpiInput } from './kpi';
import { objectiveAttribution } from './objective-attribution';

/*
 * The KPIs of an objective against the target the admin set: an amount of attributed benefit by
 * a date. The target month is the month of the target date. Objectives without a target have
 * none of these: `NO_TARGET`.
 */

type ObjectiveKpiInput = KpiInput & { objective: Objective };

/** The month of the target date: `2026-12-31` -> `2026-12`. */
export function targetMonthOf(date: string): YearMonth {
  const month = date.slice(0, 7);
  monthIndexOf(month); // throws on anything that is not a date's month
  return month;
}

/**
 * Progress towards the target: attributedRealised (months <= as-of) / target amount.
 *
 * Units: a ratio (0.4 = 40% of the target reached; can exceed 1).
 * Example: 750.00 attributed so far against a target of 2,500.00 -> 0.3.
 * Edge cases: no target -> `NO_TARGET`; a target of 0 -> `ZERO_TARGET`. Realised benefit dated
 * after the target month still counts: progress is what has arrived so far.
 */
export function objectiveTargetProgress({
  totals,
  asOf,
  objective,
}: ObjectiveKpiInput): Kpi<number, 'NO_TARGET' | 'ZERO_TARGET'> {
  const target = objective.target ?? null;
  if (target === null) {
    return notComputable('NO_TARGET');
  }
  if (target.amount === 0) {
    return notComputable('ZERO_TARGET');
  }
  const { attributedRealised } = objectiveAttribution({ totals, asOf, objectiveId: objective.id });
  return computed(attributedRealised / target.amount);
}

/**
 * Forecast at the target date: the attributed benefit the objective will have by the end of the
 * target month T if the rest of the plan holds, as riskAdjustedBenefit forecasts an epic:
 *
 *   Σ attributed realised over months <= min(A, T) + Σ attributed risk-weighted plan over A < m <= T
 *
 * where the attributed risk-weighted plan of a month is Σ over linked epics of share x the epic's
 * risk-weighted planned benefit (probability x plan, rounded per epic-month), rounded again per
 * epic-month. Once the target month has passed (T <= A) it is the outcome: what was realised up
 * to T.
 * Units: minor units.
 * Example: realised 750.00 so far (as of 2026-03), plan 0.5 x 1,000.00 in each of April and May at
 * probability 0.8 (400.00 a month attributed), target month 2026-04 -> 750.00 + 400.00 = 1,150.00.
 * Edge cases: no target -> `NO_TARGET`; no linked epics -> 0.
 */
export function objectiveForecastAtTargetDate({
  totals,
  asOf,
  objective,
}: ObjectiveKpiInput): Kpi<MinorUnits, 'NO_TARGET'> {
  const target = objective.target ?? null;
  if (target === null) {
    return notComputable('NO_TARGET');
  }
  const series = objectiveSeriesOf({ totals, objectiveId: objective.id });
  if (series === undefined) {
    return computed(minorUnits(0));
  }
  const lastPast = asOfColumn({ totals, asOf });
  const targetColumn = asOfColumn({ totals, asOf: targetMonthOf(target.date) });
  const realised = sumToDate({
    values: series.realisedBenefit,
    asOfColumn: Math.min(lastPast, targetColumn),
  });
  const plannedToTarget = sumToDate({ values: series.riskWeightedPlannedBenefit, asOfColumn: targetColumn });
  const plannedToDate = sumToDate({ values: series.riskWeightedPlannedBenefit, asOfColumn: lastPast });
  // Past the target month nothing more is expected by it.
  const expected = targetColumn > lastPast ? plannedToTarget - plannedToDate : 0;
  return computed(minorUnits(realised + expected));
}

/**
 * On track: whether the forecast at the target date reaches the target amount,
 * objectiveForecastAtTargetDate >= target amount. Before the target month this says whether the
 * realised benefit plus the risk-weighted plan up to the target month will reach it; from the
 * target month on, whether it was reached by then (achieved, or missed for good).
 *
 * Units: a boolean.
 * Example: forecast 1,150.00 against a target of 1,000.00 -> true; against 2,500.00 -> false.
 * Edge cases: no target -> `NO_TARGET`; a target of 0 is on track unless the objective's
 * dis-benefits outweigh its benefits (a forecast below 0).
 */
export function objectiveOnTrack(input: ObjectiveKpiInput): Kpi<boolean, 'NO_TARGET'> {
  const target = input.objective.target ?? null;
  const forecast = objectiveForecastAtTargetDate(input);
  if (target === null || forecast.value === null) {
    return notComputable('NO_TARGET');
  }
  return computed(forecast.value >= target.amount);
}
