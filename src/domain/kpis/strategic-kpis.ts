import type { Objective, ObjectiveStatus } from '../model/objective';
import type { Kpi, KpiInput } from './kpi';
import { objectiveAttribution, type ObjectiveAttribution } from './objective-attribution';
import { strategicAlignmentPct } from './strategic-alignment-pct';
import { strategicGoalsAdvancedPct } from './strategic-goals-advanced-pct';

export interface ObjectiveKpis extends ObjectiveAttribution {
  readonly status: ObjectiveStatus;
}

export interface StrategicKpis {
  /** One entry per objective, in the order given, archived ones included. */
  readonly byObjective: Readonly<Record<string, ObjectiveKpis>>;
  readonly strategicGoalsAdvancedPct: Kpi<number, 'NO_ACTIVE_OBJECTIVES'>;
  readonly strategicAlignmentPct: Kpi<number, 'NO_FORECAST_COST'>;
}

/** The objective KPIs of the epics summed in `totals`, for the site's objectives. */
export function strategicKpis({
  totals,
  asOf,
  objectives,
}: KpiInput & { objectives: readonly Objective[] }): StrategicKpis {
  return {
    byObjective: Object.fromEntries(
      objectives.map((objective) => [
        objective.id,
        { status: objective.status, ...objectiveAttribution({ totals, asOf, objectiveId: objective.id }) },
      ]),
    ),
    strategicGoalsAdvancedPct: strategicGoalsAdvancedPct({ totals, asOf, objectives }),
    strategicAlignmentPct: strategicAlignmentPct({ totals, asOf, objectives }),
  };
}
