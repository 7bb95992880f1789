import type { Epic, ObjectiveLink } from '../model/epic';
import { monthIndexOf, type YearMonth } from '../time/year-month';
import { totalsOfEpic } from '../totals/totals-of-epics';

/**
 * What is left of one epic's plan after the as-of month A: the months A+1, A+2, ... as
 * positions 0, 1, ... of two series of integer minor units.
 *
 * - `benefit[t]`: the planned benefit of month A+1+t times the epic's success probability,
 *   rounded half-to-even per month (the engine's `riskWeightedPlannedBenefit`);
 * - `cost[t]`: the planned cost of month A+1+t.
 *
 * Everything up to A (realised benefit, actual cost: the sunk cost) is left out on purpose: a
 * decision taken now can only change what has not happened yet.
 */
export interface RemainingPlan {
  readonly key: string;
  readonly objectives: readonly ObjectiveLink[];
  readonly benefit: readonly number[];
  readonly cost: readonly number[];
}

/**
 * The remaining plan of an epic as of `asOf`, built from the same per-month totals (and so the
 * same rounding) as every other KPI. Both series have the same length, which is 0 when nothing
 * is planned after A. `asOf` must be a valid month (the caller checks it).
 */
export function remainingPlanOf({ epic, asOf }: { epic: Epic; asOf: YearMonth }): RemainingPlan {
  const totals = totalsOfEpic({ epic });
  const base = { key: epic.key, objectives: epic.value.objectives };
  if (totals.firstMonth === null) {
    return { ...base, benefit: [], cost: [] };
  }
  const asOfColumn = monthIndexOf(asOf) - monthIndexOf(totals.firstMonth);
  const { riskWeightedPlannedBenefit, plannedCost } = totals.monthly;
  const benefit: number[] = [];
  const cost: number[] = [];
  for (let column = asOfColumn + 1; column < plannedCost.length; column += 1) {
    benefit.push(column < 0 ? 0 : (riskWeightedPlannedBenefit[column] ?? 0));
    cost.push(column < 0 ? 0 : (plannedCost[column] ?? 0));
  }
  return { ...base, benefit, cost };
}
