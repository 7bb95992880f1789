import type { Objective } from '../model/objective';
import { computed, notComputable, type Kpi, type KpiInput } from './kpi';
import { objectiveAttribution } from './objective-attribution';

/**
 * Strategic goals advanced: 100 x (active objectives that are `advanced`) / (active objectives).
 *
 * Units: a percentage from 0 to 100.
 * Example: two active objectives, one with realised benefit attributed to it -> 50.
 * Edge cases: no active objectives -> not computable, `NO_ACTIVE_OBJECTIVES`. Archived objectives
 * count in neither the numerator nor the denominator.
 */
export function strategicGoalsAdvancedPct({
  totals,
  asOf,
  objectives,
}: KpiInput & { objectives: readonly Objective[] }): Kpi<number, 'NO_ACTIVE_OBJECTIVES'> {
  const active = objectives.filter((objective) => objective.status === 'active');
  if (active.length === 0) {
    return notComputable('NO_ACTIVE_OBJECTIVES');
  }
  const advanced = active.filter(
    (objective) => objectiveAttribution({ totals, asOf, objectiveId: objective.id }).advanced,
  );
  return computed((100 * advanced.length) / active.length);
}
