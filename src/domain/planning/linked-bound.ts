import type { BudgetModel } from './budget-model';

/**
 * The Lagrangian bound at given cap and floor prices with the links of isolated pairs kept: for
 * two epics linked only to each other (the common case: one blocker, one blocked), the best
 * choices the links allow together, instead of each epic's best alone; every other epic on its
 * own, its links dropped. Still an upper bound on every feasible plan (weak duality: only caps
 * and floors are priced out, and keeping constraints can only lower the maximum), and a much
 * tighter one when loss-making blockers sit in front of valuable epics.
 *
 *   L = Σ_components max over allowed choices of Σ (v - mu.s + nu.f) + mu.C - nu.F
 */
export function linkedBound(
  model: BudgetModel,
  capPrices: readonly number[],
  floorPrices: readonly number[],
): number {
  return linkedRelaxation(model, capPrices, floorPrices).bound;
}

/** `linkedBound` with the choices that reach it (each pair's best allowed pair, each other epic's best). */
export function linkedRelaxation(
  model: BudgetModel,
  capPrices: readonly number[],
  floorPrices: readonly number[],
): { readonly bound: number; readonly levels: Int32Array } {
  const { keys, levels: levelCount, value, spend, funding, caps, floors, minLevel, maxLevel, graph } = model;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const score = (epic: number, level: number): number => {
    const cell = epic * levelCount + level;
    let total = value[cell] ?? 0;
    for (let p = 0; p < periodCount; p += 1)
      total -= (capPrices[p] ?? 0) * (spend[cell * periodCount + p] ?? 0);
    for (let f = 0; f < floorCount; f += 1)
      total += (floorPrices[f] ?? 0) * (funding[cell * floorCount + f] ?? 0);
    return total;
  };
  const neighbours = (epic: number): number[] => [
    ...new Set(
      [...(graph.blocks[epic] ?? []), ...(graph.blockedBy[epic] ?? [])].filter((other) => other !== epic),
    ),
  ];
  const blocks = (from: number, to: number): boolean => (graph.blocks[from] ?? []).includes(to);
  let bound = 0;
  const levels = new Int32Array(keys.length);
  const counted = new Uint8Array(keys.length);
  for (let epic = 0; epic < keys.length; epic += 1) {
    if (counted[epic] === 1) continue;
    counted[epic] = 1;
    const around = neighbours(epic);
    const partner = around.length === 1 ? (around[0] as number) : -1;
    if (partner !== -1 && counted[partner] === 0 && neighbours(partner).length === 1) {
      counted[partner] = 1;
      let top = -Infinity;
      for (let mine = minLevel[epic] ?? 0; mine <= (maxLevel[epic] ?? 0); mine += 1) {
        for (let theirs = minLevel[partner] ?? 0; theirs <= (maxLevel[partner] ?? 0); theirs += 1) {
          const linksHold =
            (!blocks(epic, partner) || theirs >= mine) && (!blocks(partner, epic) || mine >= theirs);
          const pairScore = score(epic, mine) + score(partner, theirs);
          if (linksHold && pairScore > top) {
            top = pairScore;
            levels[epic] = mine;
            levels[partner] = theirs;
          }
        }
      }
      // No choice the links allow (the model rejects such pins before): no information.
      if (top === -Infinity) return { bound: Infinity, levels };
      bound += top;
      continue;
    }
    let top = -Infinity;
    for (let level = minLevel[epic] ?? 0; level <= (maxLevel[epic] ?? 0); level += 1) {
      const levelScore = score(epic, level);
      if (levelScore > top) {
        top = levelScore;
        levels[epic] = level;
      }
    }
    bound += top;
  }
  for (let p = 0; p < periodCount; p += 1) bound += (capPrices[p] ?? 0) * (caps[p] ?? 0);
  for (let f = 0; f < floorCount; f += 1) bound -= (floorPrices[f] ?? 0) * (floors[f] ?? 0);
  return { bound, levels };
}
