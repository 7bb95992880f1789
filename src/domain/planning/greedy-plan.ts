import type { BudgetModel } from './budget-model';
import { MinHeap } from './min-heap';
import { isFeasiblePlan, planTotals } from './plan-evaluation';

/** A move: raise `epic` to `level`, with every epic it blocks raised to at least the same. */
interface Move {
  readonly epics: readonly number[];
  readonly level: number;
  readonly loss: number;
  readonly freed: number;
}

interface QueuedMove {
  readonly key: number;
  readonly epic: number;
  readonly level: number;
  readonly version: number;
}

export interface GreedyOutcome {
  /** The levels chosen, or null when the ranking cannot meet every cap without breaking a floor. */
  readonly levels: Int32Array | null;
  /** The ratio (NPV lost per minor unit freed) of the last cut the ranking made; 0 if none. */
  readonly cutOff: number;
}

/**
 * The greedy ranking, the baseline beside the exact plan: start from the current plan (each
 * epic at the lowest level its pins allow), first take every cut that gains NPV (a loss-maker
 * stopped or pushed out), then, while a cap is exceeded, take the cut that loses the least
 * remaining NPV per minor unit of over-cap spend freed. A cut of a blocker carries the epics it
 * blocks along (they may not go ahead of it); a cut that would break a floor is skipped.
 *
 * Ratios only grow as caps are met (less of a cut's spend counts as freed), so a queue with
 * lazy re-evaluation takes the cuts in order in O(moves x log) rather than rescanning.
 */
export function greedyPlan(model: BudgetModel): GreedyOutcome {
  const { keys, levels: levelCount, value, spend, funding, caps, floors, maxLevel, graph } = model;
  const size = keys.length;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const levels = Int32Array.from(model.minLevel);
  const totals = planTotals(model, levels);
  const spent = totals.spend;
  const funded = totals.funding;
  const version = new Int32Array(size);

  const moveTo = (epic: number, level: number, countOnlyOverCap: boolean): Move | null => {
    const epics: number[] = [];
    const seen = new Set<number>([epic]);
    const queue = [epic];
    while (queue.length > 0) {
      const current = queue.pop() as number;
      if ((levels[current] ?? 0) >= level) {
        continue;
      }
      if ((maxLevel[current] ?? 0) < level) {
        return null;
      }
      epics.push(current);
      for (const blocked of graph.blocks[current] ?? []) {
        if (!seen.has(blocked)) {
          seen.add(blocked);
          queue.push(blocked);
        }
      }
    }
    let loss = 0;
    let freed = 0;
    const fundingLost = new Array<number>(floorCount).fill(0);
    for (const moved of epics) {
      const from = moved * levelCount + (levels[moved] ?? 0);
      const to = moved * levelCount + level;
      loss += (value[from] ?? 0) - (value[to] ?? 0);
      for (let p = 0; p < periodCount; p += 1) {
        if (!countOnlyOverCap || (spent[p] ?? 0) > (caps[p] ?? 0)) {
          freed += (spend[from * periodCount + p] ?? 0) - (spend[to * periodCount + p] ?? 0);
        }
      }
      for (let f = 0; f < floorCount; f += 1) {
        fundingLost[f] =
          (fundingLost[f] ?? 0) + (funding[from * floorCount + f] ?? 0) - (funding[to * floorCount + f] ?? 0);
      }
    }
    const breaksFloor = fundingLost.some((lost, f) => lost > 0 && (funded[f] ?? 0) - lost < (floors[f] ?? 0));
    return epics.length === 0 || breaksFloor ? null : { epics, level, loss, freed };
  };

  const apply = (move: Move): void => {
    for (const moved of move.epics) {
      const from = moved * levelCount + (levels[moved] ?? 0);
      const to = moved * levelCount + move.level;
      for (let p = 0; p < periodCount; p += 1) {
        spent[p] =
          (spent[p] ?? 0) - (spend[from * periodCount + p] ?? 0) + (spend[to * periodCount + p] ?? 0);
      }
      for (let f = 0; f < floorCount; f += 1) {
        funded[f] =
          (funded[f] ?? 0) - (funding[from * floorCount + f] ?? 0) + (funding[to * floorCount + f] ?? 0);
      }
      levels[moved] = move.level;
      version[moved] = (version[moved] ?? 0) + 1;
    }
  };

  // Cuts that gain NPV, best first, repeated until none is left (each pass raises a level).
  for (let pass = 0; pass < levelCount; pass += 1) {
    let changed = false;
    for (let epic = 0; epic < size; epic += 1) {
      let best: Move | null = null;
      for (let level = (levels[epic] ?? 0) + 1; level <= (maxLevel[epic] ?? 0); level += 1) {
        const move = moveTo(epic, level, false);
        if (move !== null && move.loss < 0 && (best === null || move.loss < best.loss)) {
          best = move;
        }
      }
      if (best !== null) {
        apply(best);
        changed = true;
      }
    }
    if (!changed) {
      break;
    }
  }

  const overCap = () => spent.some((amount, p) => amount > (caps[p] ?? 0));
  const bestMove = (epic: number): Move | null => {
    let best: Move | null = null;
    for (let level = (levels[epic] ?? 0) + 1; level <= (maxLevel[epic] ?? 0); level += 1) {
      const move = moveTo(epic, level, true);
      if (
        move !== null &&
        move.freed > 0 &&
        (best === null || move.loss * best.freed < best.loss * move.freed)
      ) {
        best = move;
      }
    }
    return best;
  };
  const heap = new MinHeap<QueuedMove>();
  const enqueue = (epic: number): void => {
    const move = bestMove(epic);
    if (move !== null) {
      heap.push({ key: move.loss / move.freed, epic, level: move.level, version: version[epic] ?? 0 });
    }
  };
  let cutOff = 0;
  if (overCap()) {
    for (let epic = 0; epic < size; epic += 1) {
      enqueue(epic);
    }
  }
  while (overCap()) {
    const queued = heap.pop();
    if (queued === undefined) {
      return { levels: null, cutOff };
    }
    if (queued.version !== version[queued.epic]) {
      continue;
    }
    const move = bestMove(queued.epic);
    if (move === null) {
      continue;
    }
    const ratio = move.loss / move.freed;
    if (ratio > queued.key || move.level !== queued.level) {
      heap.push({ key: ratio, epic: queued.epic, level: move.level, version: queued.version });
      continue;
    }
    apply(move);
    cutOff = Math.max(cutOff, ratio);
    // The moved epics can be cut further, and their blockers' moves now carry less along.
    for (const moved of move.epics) {
      enqueue(moved);
      for (const blocker of graph.blockedBy[moved] ?? []) {
        version[blocker] = (version[blocker] ?? 0) + 1;
        enqueue(blocker);
      }
    }
  }
  return { levels: isFeasiblePlan(model, levels) ? levels : null, cutOff };
}
