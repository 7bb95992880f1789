import type { BudgetModel } from './budget-model';
import { planTotals } from './plan-evaluation';

const MAX_PASSES = 8;

/**
 * Improves a feasible plan by moving single epics to an earlier level (continue, or a shorter
 * delay) that retains more NPV while every cap, floor and link still holds: the greedy ranking
 * cuts whole steps and overshoots the cap, which leaves room to take some cuts back. Each move
 * raises the retained NPV, so the passes end; they stop after MAX_PASSES anyway.
 *
 * Moving epic e earlier keeps the links to the epics it blocks (they stay at or after it); its
 * blockers must already be at or before the new level. Returns a new array; the input is kept.
 */
export function improvePlan(model: BudgetModel, start: Int32Array): Int32Array {
  const { keys, levels: levelCount, value, spend, funding, caps, floors, minLevel, graph } = model;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const levels = Int32Array.from(start);
  const totals = planTotals(model, levels);
  const spent = totals.spend;
  const funded = totals.funding;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    let moved = false;
    for (let epic = 0; epic < keys.length; epic += 1) {
      const current = levels[epic] ?? 0;
      let lowest = minLevel[epic] ?? 0;
      for (const blocker of graph.blockedBy[epic] ?? []) lowest = Math.max(lowest, levels[blocker] ?? 0);
      const from = epic * levelCount + current;
      let best = -1;
      let bestGain = 0;
      for (let level = lowest; level < current; level += 1) {
        const to = epic * levelCount + level;
        const gain = (value[to] ?? 0) - (value[from] ?? 0);
        if (gain <= bestGain) continue;
        let fits = true;
        for (let p = 0; p < periodCount && fits; p += 1) {
          const after =
            (spent[p] ?? 0) - (spend[from * periodCount + p] ?? 0) + (spend[to * periodCount + p] ?? 0);
          fits = after <= (caps[p] ?? 0);
        }
        for (let f = 0; f < floorCount && fits; f += 1) {
          const after =
            (funded[f] ?? 0) - (funding[from * floorCount + f] ?? 0) + (funding[to * floorCount + f] ?? 0);
          fits = after >= (floors[f] ?? 0);
        }
        if (fits) {
          best = level;
          bestGain = gain;
        }
      }
      if (best === -1) continue;
      const to = epic * levelCount + best;
      for (let p = 0; p < periodCount; p += 1)
        spent[p] =
          (spent[p] ?? 0) - (spend[from * periodCount + p] ?? 0) + (spend[to * periodCount + p] ?? 0);
      for (let f = 0; f < floorCount; f += 1)
        funded[f] =
          (funded[f] ?? 0) - (funding[from * floorCount + f] ?? 0) + (funding[to * floorCount + f] ?? 0);
      levels[epic] = best;
      moved = true;
    }
    if (!moved) break;
  }
  return levels;
}
