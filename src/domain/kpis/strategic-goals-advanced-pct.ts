import type { Objective } from '../model/objective';
import { computed, notComputable, type Kpi } from './kpi';
import { objectiveAttribution, type WindowedKpiInput } from './objective-attribution';

/**
 * Strategic goals advanced: 100 x (active objectives that `advanced`) / (active objectives), where
 * an objective advanced when its attributed realised benefit grew within the trailing window of
 * `advancedWindowMonths` months ending at as-of (default 3: for as-of 2026-03, January to March).
 * An objective that received benefit long ago but nothing lately has not advanced.
 *
 * Units: a percentage from 0 to 100.
 * Example: two active objectives, one with realised benefit attributed to it in the window -> 50.
 * Edge cases: no active objectives -> not computable, `NO_ACTIVE_OBJECTIVES`. Archived objectives
 * count in neither the numerator nor the denominator.
 */
export function strategicGoalsAdvancedPct({
  totals,
  asOf,
  objectives,
  advancedWindowMonths,
}: WindowedKpiInput & { objectives: readonly Objective[] }): Kpi<number, 'NO_ACTIVE_OBJECTIVES'> {
  const active = objectives.filter((objective) => objective.status === 'active');
  if (active.length === 0) {
    return notComputable('NO_ACTIVE_OBJECTIVES');
  }
  const advanced = active.filter(
    (objective) =>
      objectiveAttribution({ totals, asOf, objectiveId: objective.id, advancedWindowMonths }).advanced,
  );
  return computed((100 * advanced.length) / active.length);
}
