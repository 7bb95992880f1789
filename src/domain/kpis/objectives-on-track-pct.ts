import type { Objective } from '../model/objective';
import { computed, notComputable, type Kpi, type KpiInput } from './kpi';
import { objectiveOnTrack } from './objective-target-kpis';

/**
 * Objectives on track: 100 x (active objectives with a target that are on track) / (active
 * objectives with a target), on track as `objectiveOnTrack` defines it.
 *
 * Units: a percentage from 0 to 100.
 * Example: two active objectives with targets, one forecast to reach it -> 50.
 * Edge cases: no active objective has a target -> not computable, `NO_OBJECTIVE_TARGETS`.
 * Archived objectives and objectives without a target count in neither part.
 */
export function objectivesOnTrackPct({
  totals,
  asOf,
  objectives,
}: KpiInput & { objectives: readonly Objective[] }): Kpi<number, 'NO_OBJECTIVE_TARGETS'> {
  const targeted = objectives.filter(
    (objective) => objective.status === 'active' && (objective.target ?? null) !== null,
  );
  if (targeted.length === 0) {
    return notComputable('NO_OBJECTIVE_TARGETS');
  }
  const onTrack = targeted.filter(
    (objective) => objectiveOnTrack({ totals, asOf, objective }).value === true,
  );
  return computed((100 * onTrack.length) / targeted.length);
}
