import type { BudgetModel } from './budget-model';
import { optionScore, type Prices } from './group-relaxation';
import type { OptionGroups } from './option-groups';

/**
 * Improves a feasible plan, given as one option per group, by upgrades in the order the prices
 * rank them: every option worth more than its group's current one, the ones with the smallest
 * reduced-cost slack first (the relaxation's nearest alternatives), taken when every cap, floor
 * and loose link still holds. Spend freed by an earlier move is reused by later ones; a group may
 * move several times. Each move raises the retained NPV. Returns a new array.
 */
export function fillPlan(
  model: BudgetModel,
  groups: OptionGroups,
  start: Int32Array,
  prices: Prices,
): Int32Array {
  const { caps, floors, graph } = model;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const chosen = Int32Array.from(start);
  const spent = new Float64Array(periodCount);
  const funded = new Float64Array(floorCount);
  const groupOf = new Int32Array(model.keys.length);
  const levels = new Int32Array(model.keys.length);
  const place = (group: number, option: number) => {
    const from = groups.epicStart[group] ?? 0;
    for (let at = from; at < (groups.epicStart[group + 1] ?? 0); at += 1)
      levels[groups.epics[at] ?? 0] = groups.optionLevels[(groups.levelStart[option] ?? 0) + at - from] ?? 0;
  };
  const candidates: { option: number; group: number; slack: number }[] = [];
  for (let group = 0; group < groups.count; group += 1) {
    const option = chosen[group] ?? 0;
    for (let at = groups.epicStart[group] ?? 0; at < (groups.epicStart[group + 1] ?? 0); at += 1)
      groupOf[groups.epics[at] ?? 0] = group;
    place(group, option);
    for (let p = 0; p < periodCount; p += 1)
      spent[p] = (spent[p] ?? 0) + (groups.spend[option * periodCount + p] ?? 0);
    for (let f = 0; f < floorCount; f += 1)
      funded[f] = (funded[f] ?? 0) + (groups.funding[option * floorCount + f] ?? 0);
    let top = -Infinity;
    const first = groups.optionStart[group] ?? 0;
    const end = groups.optionStart[group + 1] ?? 0;
    for (let other = first; other < end; other += 1)
      top = Math.max(top, optionScore(groups, periodCount, floorCount, prices, other));
    for (let other = first; other < end; other += 1) {
      if ((groups.value[other] ?? 0) > (groups.value[option] ?? 0))
        candidates.push({
          option: other,
          group,
          slack: top - optionScore(groups, periodCount, floorCount, prices, other),
        });
    }
  }
  candidates.sort((a, b) => a.slack - b.slack);
  const linksHold = (group: number, option: number): boolean => {
    if (groups.linked[group] === 0) return true;
    // A single epic with loose links: its blockers at or before it, the epics it blocks at or after.
    const epic = groups.epics[groups.epicStart[group] ?? 0] ?? 0;
    const level = groups.optionLevels[groups.levelStart[option] ?? 0] ?? 0;
    return (
      (graph.blockedBy[epic] ?? []).every(
        (blocker) => groupOf[blocker] === group || (levels[blocker] ?? 0) <= level,
      ) &&
      (graph.blocks[epic] ?? []).every(
        (blocked) => groupOf[blocked] === group || (levels[blocked] ?? 0) >= level,
      )
    );
  };
  for (const { option, group } of candidates) {
    const current = chosen[group] ?? 0;
    if ((groups.value[option] ?? 0) <= (groups.value[current] ?? 0)) continue;
    let fits = true;
    for (let p = 0; p < periodCount && fits; p += 1)
      fits =
        (spent[p] ?? 0) -
          (groups.spend[current * periodCount + p] ?? 0) +
          (groups.spend[option * periodCount + p] ?? 0) <=
        (caps[p] ?? 0);
    for (let f = 0; f < floorCount && fits; f += 1)
      fits =
        (funded[f] ?? 0) -
          (groups.funding[current * floorCount + f] ?? 0) +
          (groups.funding[option * floorCount + f] ?? 0) >=
        (floors[f] ?? 0);
    if (!fits || !linksHold(group, option)) continue;
    for (let p = 0; p < periodCount; p += 1)
      spent[p] =
        (spent[p] ?? 0) -
        (groups.spend[current * periodCount + p] ?? 0) +
        (groups.spend[option * periodCount + p] ?? 0);
    for (let f = 0; f < floorCount; f += 1)
      funded[f] =
        (funded[f] ?? 0) -
        (groups.funding[current * floorCount + f] ?? 0) +
        (groups.funding[option * floorCount + f] ?? 0);
    chosen[group] = option;
    place(group, option);
  }
  return chosen;
}
