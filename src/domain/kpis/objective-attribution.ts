import { minorUnits, type MinorUnits } from '../money/minor-units';
import { asOfColumn, sumAll, sumToDate } from '../totals/series-sums';
import { objectiveSeriesOf } from '../totals/value-totals';
import type { KpiInput } from './kpi';

export interface ObjectiveAttribution {
  /** Σ over linked epics of share x the epic's planned benefit (all months). */
  readonly attributedPlanned: MinorUnits;
  /** Σ over linked epics of share x the epic's realised benefit (months <= as-of). */
  readonly attributedRealised: MinorUnits;
  /** Whether any realised benefit has been attributed: attributedRealised > 0. */
  readonly advanced: boolean;
}

/**
 * How much value the epics linked to an objective plan and have delivered for it.
 *
 * Units: minor units (integers). Each epic's monthly amount is multiplied by the epic's share
 * for the objective and rounded half-to-even once per epic-month, then summed.
 * Example: an epic planning 4,000.00 and having realised 1,500.00, linked with share 0.5
 *   -> attributedPlanned 2,000.00, attributedRealised 750.00, advanced.
 * Edge cases: no linked epics -> 0, 0, not advanced. Because of the per-entry rounding, a
 * realised amount so small that share x amount rounds to 0 minor units does not advance the
 * objective. Archived objectives are attributed like active ones; only the strategic
 * percentages leave them out.
 */
export function objectiveAttribution({
  totals,
  asOf,
  objectiveId,
}: KpiInput & { objectiveId: string }): ObjectiveAttribution {
  const lastPast = asOfColumn({ totals, asOf });
  const series = objectiveSeriesOf({ totals, objectiveId });
  if (series === undefined) {
    return { attributedPlanned: minorUnits(0), attributedRealised: minorUnits(0), advanced: false };
  }
  const attributedRealised = sumToDate({ values: series.realisedBenefit, asOfColumn: lastPast });
  return {
    attributedPlanned: sumAll({ values: series.plannedBenefit }),
    attributedRealised,
    advanced: attributedRealised > 0,
  };
}
