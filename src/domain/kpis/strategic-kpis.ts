import type { MinorUnits } from '../money/minor-units';
import type { Objective, ObjectiveStatus, ObjectiveTarget } from '../model/objective';
import type { Kpi } from './kpi';
import {
  DEFAULT_ADVANCED_WINDOW_MONTHS,
  objectiveAttribution,
  type ObjectiveAttribution,
  type WindowedKpiInput,
} from './objective-attribution';
import {
  objectiveForecastAtTargetDate,
  objectiveOnTrack,
  objectiveTargetProgress,
} from './objective-target-kpis';
import { objectivesOnTrackPct } from './objectives-on-track-pct';
import { strategicAlignmentPct } from './strategic-alignment-pct';
import { strategicGoalsAdvancedPct } from './strategic-goals-advanced-pct';

export interface ObjectiveKpis extends ObjectiveAttribution {
  readonly status: ObjectiveStatus;
  /** The admin's target, or null. */
  readonly target: ObjectiveTarget | null;
  readonly progress: Kpi<number, 'NO_TARGET' | 'ZERO_TARGET'>;
  readonly forecastAtTargetDate: Kpi<MinorUnits, 'NO_TARGET'>;
  readonly onTrack: Kpi<boolean, 'NO_TARGET'>;
}

export interface StrategicKpis {
  /** One entry per objective, in the order given, archived ones included. */
  readonly byObjective: Readonly<Record<string, ObjectiveKpis>>;
  /** The trailing window, in months, that `advanced` and `strategicGoalsAdvancedPct` look at. */
  readonly advancedWindowMonths: number;
  readonly strategicGoalsAdvancedPct: Kpi<number, 'NO_ACTIVE_OBJECTIVES'>;
  readonly objectivesOnTrackPct: Kpi<number, 'NO_OBJECTIVE_TARGETS'>;
  readonly strategicAlignmentPct: Kpi<number, 'NO_FORECAST_COST'>;
}

/** The objective KPIs of the epics summed in `totals`, for the site's objectives. */
export function strategicKpis({
  totals,
  asOf,
  objectives,
  advancedWindowMonths = DEFAULT_ADVANCED_WINDOW_MONTHS,
}: WindowedKpiInput & { objectives: readonly Objective[] }): StrategicKpis {
  return {
    byObjective: Object.fromEntries(
      objectives.map((objective) => [
        objective.id,
        {
          status: objective.status,
          ...objectiveAttribution({ totals, asOf, objectiveId: objective.id, advancedWindowMonths }),
          target: objective.target ?? null,
          progress: objectiveTargetProgress({ totals, asOf, objective }),
          forecastAtTargetDate: objectiveForecastAtTargetDate({ totals, asOf, objective }),
          onTrack: objectiveOnTrack({ totals, asOf, objective }),
        },
      ]),
    ),
    advancedWindowMonths,
    strategicGoalsAdvancedPct: strategicGoalsAdvancedPct({ totals, asOf, objectives, advancedWindowMonths }),
    objectivesOnTrackPct: objectivesOnTrackPct({ totals, asOf, objectives }),
    strategicAlignmentPct: strategicAlignmentPct({ totals, asOf, objectives }),
  };
}
