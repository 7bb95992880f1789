import { minorUnits, type MinorUnits } from '../money/minor-units';
import { roundHalfEven } from '../money/round-half-even';
import type { RemainingPlan } from './remaining-plan';

/** What one objective loses; `objectiveId` null is the part of the value aligned with none. */
export interface ObjectiveLoss {
  readonly objectiveId: string | null;
  readonly valueLost: MinorUnits;
}

/**
 * Value lost per objective: for each objective, Σ over its epics of share × (remaining NPV under
 * the current plan − remaining NPV the decision retains), rounded half to even once per
 * objective. The rest of each epic's loss (1 − Σ of its shares) goes to `objectiveId: null`.
 *
 * Edge cases: an epic with no loss adds nothing; a loss-maker that is stopped *gains* value
 * (current NPV < 0 = retained), so an objective's figure may be negative; objectives with nothing
 * lost and nothing gained are left out. Ordered by value lost, largest first, then by id.
 */
export function valueLostByObjective({
  plans,
  currentNpv,
  retainedNpv,
}: {
  plans: readonly RemainingPlan[];
  currentNpv: ReadonlyMap<string, number>;
  retainedNpv: ReadonlyMap<string, number>;
}): ObjectiveLoss[] {
  const lost = new Map<string | null, number>();
  const add = (objectiveId: string | null, amount: number) =>
    lost.set(objectiveId, (lost.get(objectiveId) ?? 0) + amount);
  for (const plan of plans) {
    const loss =
      (currentNpv.get(plan.key) ?? 0) - (retainedNpv.get(plan.key) ?? currentNpv.get(plan.key) ?? 0);
    if (loss === 0) continue;
    let aligned = 0;
    for (const { id, share } of plan.objectives) {
      add(id, share * loss);
      aligned += share;
    }
    if (aligned < 1 - 1e-9) add(null, (1 - aligned) * loss);
  }
  return [...lost]
    .map(([objectiveId, amount]) => ({ objectiveId, valueLost: minorUnits(roundHalfEven(amount) || 0) }))
    .filter((entry) => entry.valueLost !== 0)
    .sort((a, b) => b.valueLost - a.valueLost || byIdNoneLast(a.objectiveId, b.objectiveId));
}

function byIdNoneLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
