import { assert } from '../assert';
import { DOMAIN_MESSAGES } from '../messages';
import { minorUnits, type MinorUnits } from '../money/minor-units';
import { asOfColumn, sumAll, sumToDate } from '../totals/series-sums';
import { objectiveSeriesOf } from '../totals/value-totals';
import type { KpiInput } from './kpi';

/** Months up to and including as-of in which new realised benefit counts as advancing a goal. */
export const DEFAULT_ADVANCED_WINDOW_MONTHS = 3;

export interface ObjectiveAttribution {
  /** Σ over linked epics of share x the epic's planned benefit (all months). */
  readonly attributedPlanned: MinorUnits;
  /** Σ over linked epics of share x the epic's realised benefit (months <= as-of). */
  readonly attributedRealised: MinorUnits;
  /** The part of `attributedRealised` dated within the trailing window ending at as-of. */
  readonly realisedInWindow: MinorUnits;
  /** Whether the attributed realised benefit grew within the window: realisedInWindow > 0. */
  readonly advanced: boolean;
}

/** The input of the objective KPIs that look at a trailing window of months. */
export interface WindowedKpiInput extends KpiInput {
  /**
   * The window's length in months, a whole number from 1: the window is the as-of month and the
   * `advancedWindowMonths - 1` months before it. Defaults to `DEFAULT_ADVANCED_WINDOW_MONTHS`.
   */
  readonly advancedWindowMonths?: number;
}

/**
 * How much value the epics linked to an objective plan and have delivered for it, and whether it
 * advanced lately.
 *
 * Units: minor units (integers). Each epic's monthly amount is multiplied by the epic's share
 * for the objective and rounded half-to-even once per epic-month, then summed.
 * Advanced: the attributed realised benefit grew within the window exactly when the net amount
 * realised for the objective in its months is positive: realisedInWindow = Σ of the attributed
 * realised amounts of months A - w + 1 .. A, dis-benefits subtracted (issue #15), so a window
 * whose dis-benefits cancel its benefits did not advance the objective.
 * Example: an epic planning 4,000.00 and having realised 900.00 in February and 600.00 in March,
 * linked with share 0.5, as of March with the 3-month window -> attributedPlanned 2,000.00,
 * attributedRealised 750.00, realisedInWindow 750.00, advanced; as of June (window April to June,
 * nothing realised in it) -> realisedInWindow 0, not advanced.
 * Edge cases: no linked epics -> 0, 0, 0, not advanced. Because of the per-entry rounding, a
 * realised amount so small that share x amount rounds to 0 minor units does not advance the
 * objective. Archived objectives are attributed like active ones; only the strategic
 * percentages leave them out. A window that is not a whole number from 1 throws.
 */
export function objectiveAttribution({
  totals,
  asOf,
  objectiveId,
  advancedWindowMonths = DEFAULT_ADVANCED_WINDOW_MONTHS,
}: WindowedKpiInput & { objectiveId: string }): ObjectiveAttribution {
  assert(
    Number.isSafeInteger(advancedWindowMonths) && advancedWindowMonths >= 1,
    DOMAIN_MESSAGES.WINDOW_MONTHS_OUT_OF_RANGE,
  );
  const lastPast = asOfColumn({ totals, asOf });
  const series = objectiveSeriesOf({ totals, objectiveId });
  if (series === undefined) {
    const nothing = minorUnits(0);
    return {
      attributedPlanned: nothing,
      attributedRealised: nothing,
      realisedInWindow: nothing,
      advanced: false,
    };
  }
  const attributedRealised = sumToDate({ values: series.realisedBenefit, asOfColumn: lastPast });
  const beforeWindow = sumToDate({
    values: series.realisedBenefit,
    asOfColumn: lastPast - advancedWindowMonths,
  });
  const realisedInWindow = minorUnits(attributedRealised - beforeWindow);
  return {
    attributedPlanned: sumAll({ values: series.plannedBenefit }),
    attributedRealised,
    realisedInWindow,
    advanced: realisedInWindow > 0,
  };
}
