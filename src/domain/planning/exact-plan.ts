import { solve, type Coefficients, type Constraint } from 'yalps';
import type { BudgetModel } from './budget-model';
import { improvePlan } from './improve-plan';
import { linkedBound, linkedRelaxation } from './linked-bound';
import { isFeasiblePlan, planTotals } from './plan-evaluation';

/** Above this many epics left to the integer program, it is not built (dense tableau memory). */
export const MAX_CORE_EPICS = 1_500;
const SUBGRADIENT_STEPS = 300;

export interface ExactOutcome {
  readonly levels: Int32Array | null;
  readonly proven: boolean;
  /** A proven bound: no feasible plan retains more (Lagrangian bound, or the plan when proven). */
  readonly upperBound: number;
  /** Price of each cap (NPV per minor unit) from the best Lagrangian multipliers. */
  readonly capPrices: readonly number[];
  readonly floorPrices: readonly number[];
  readonly coreEpics: number;
  /** Proven: no plan meets every cap, floor, pin and link (only when the whole problem was searched). */
  readonly infeasible: boolean;
}

interface Relaxation {
  readonly bound: number;
  readonly capPrices: number[];
  readonly floorPrices: number[];
}

/**
 * The Lagrangian bound with the caps and floors priced out: for prices mu >= 0 (caps) and
 * nu >= 0 (floors), L = Σ_e max_l (v - mu.s + nu.f) + mu.C - nu.F bounds every feasible plan
 * from above (weak duality; links are dropped, which only loosens it). Minimised by subgradient
 * steps; every price vector tried is valid, so the smallest L seen is a proven bound. The plans
 * met on the way that happen to be feasible improve the incumbent.
 */
function relax(model: BudgetModel, incumbent: { value: number; levels: Int32Array | null }): Relaxation {
  const { keys, levels: levelCount, value, spend, funding, caps, floors, minLevel, maxLevel } = model;
  const size = keys.length;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const mu = new Array<number>(periodCount).fill(0);
  const nu = new Array<number>(floorCount).fill(0);
  let best: Relaxation = { bound: Infinity, capPrices: [...mu], floorPrices: [...nu] };
  let theta = 1;
  let sinceImproved = 0;
  const argmax = new Int32Array(size);
  for (let step = 0; step < SUBGRADIENT_STEPS; step += 1) {
    let bound = 0;
    const used = new Array<number>(periodCount).fill(0);
    const funded = new Array<number>(floorCount).fill(0);
    for (let epic = 0; epic < size; epic += 1) {
      let top = -Infinity;
      let topLevel = minLevel[epic] ?? 0;
      for (let level = minLevel[epic] ?? 0; level <= (maxLevel[epic] ?? 0); level += 1) {
        const cell = epic * levelCount + level;
        let score = value[cell] ?? 0;
        for (let p = 0; p < periodCount; p += 1) score -= (mu[p] ?? 0) * (spend[cell * periodCount + p] ?? 0);
        for (let f = 0; f < floorCount; f += 1) score += (nu[f] ?? 0) * (funding[cell * floorCount + f] ?? 0);
        if (score > top) {
          top = score;
          topLevel = level;
        }
      }
      bound += top;
      argmax[epic] = topLevel;
      const cell = epic * levelCount + topLevel;
      for (let p = 0; p < periodCount; p += 1)
        used[p] = (used[p] ?? 0) + (spend[cell * periodCount + p] ?? 0);
      for (let f = 0; f < floorCount; f += 1)
        funded[f] = (funded[f] ?? 0) + (funding[cell * floorCount + f] ?? 0);
    }
    for (let p = 0; p < periodCount; p += 1) bound += (mu[p] ?? 0) * (caps[p] ?? 0);
    for (let f = 0; f < floorCount; f += 1) bound -= (nu[f] ?? 0) * (floors[f] ?? 0);
    if (bound < best.bound - 1e-9 * Math.abs(bound)) {
      best = { bound, capPrices: [...mu], floorPrices: [...nu] };
      sinceImproved = 0;
    } else if (++sinceImproved >= 15) {
      theta /= 2;
      sinceImproved = 0;
    }
    const capGradient = caps.map((cap, p) => cap - (used[p] ?? 0));
    const floorGradient = floors.map((floor, f) => (funded[f] ?? 0) - floor);
    if (capGradient.every((g) => g >= 0) && floorGradient.every((g) => g >= 0)) {
      // The priced-out choice meets every cap and floor: feasible if the links hold too.
      const plan = Int32Array.from(argmax);
      const planValue = planTotals(model, plan).value;
      if (planValue > incumbent.value && isFeasiblePlan(model, plan)) {
        incumbent.value = planValue;
        incumbent.levels = plan;
      }
    }
    const norm = [...capGradient, ...floorGradient].reduce((sum, g) => sum + g * g, 0);
    const target = incumbent.levels === null ? best.bound - 0.05 * Math.abs(best.bound) - 1 : incumbent.value;
    if (norm === 0 || theta < 1e-6 || best.bound - target <= 1e-9 * Math.abs(best.bound)) {
      break;
    }
    const length = (theta * (bound - target)) / norm;
    capGradient.forEach((g, p) => (mu[p] = Math.max(0, (mu[p] ?? 0) - length * g)));
    floorGradient.forEach((g, f) => (nu[f] = Math.max(0, (nu[f] ?? 0) - length * g)));
  }
  return best;
}

/**
 * Removes, for each epic, the levels that cannot be part of a plan better than the incumbent
 * (reduced-cost fixing: a plan using level l of epic e retains at most L - slack(e, l)), then
 * makes the remaining sets agree with the links. Returns the allowed levels as bit masks.
 */
function fix(model: BudgetModel, relaxation: Relaxation, floorValue: number | null): Int32Array {
  const { keys, levels: levelCount, value, spend, funding, caps, floors, minLevel, maxLevel, graph } = model;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const allowed = new Int32Array(keys.length);
  const tolerance = 1e-7 * (Math.abs(relaxation.bound) + 1);
  for (let epic = 0; epic < keys.length; epic += 1) {
    const scores: number[] = [];
    let top = -Infinity;
    for (let level = minLevel[epic] ?? 0; level <= (maxLevel[epic] ?? 0); level += 1) {
      const cell = epic * levelCount + level;
      let score = value[cell] ?? 0;
      for (let p = 0; p < periodCount; p += 1)
        score -= (relaxation.capPrices[p] ?? 0) * (spend[cell * periodCount + p] ?? 0);
      for (let f = 0; f < floorCount; f += 1)
        score += (relaxation.floorPrices[f] ?? 0) * (funding[cell * floorCount + f] ?? 0);
      scores[level] = score;
      top = Math.max(top, score);
    }
    for (let level = minLevel[epic] ?? 0; level <= (maxLevel[epic] ?? 0); level += 1) {
      const slack = top - (scores[level] ?? 0);
      if (floorValue === null || relaxation.bound - slack >= floorValue - tolerance) {
        allowed[epic] = (allowed[epic] ?? 0) | (1 << level);
      }
    }
  }
  // Links: level(blocked) >= level(blocker). Narrow until stable; each pass only removes levels.
  const lowest = (mask: number) => (mask === 0 ? levelCount : 31 - Math.clz32(mask & -mask));
  const highest = (mask: number) => (mask === 0 ? -1 : 31 - Math.clz32(mask));
  const work = keys.map((_, epic) => epic);
  const queued = new Uint8Array(keys.length).fill(1);
  while (work.length > 0) {
    const epic = work.pop() as number;
    queued[epic] = 0;
    const mask = allowed[epic] ?? 0;
    for (const blocked of graph.blocks[epic] ?? []) {
      const narrowed = (allowed[blocked] ?? 0) & ~((1 << lowest(mask)) - 1);
      if (narrowed !== allowed[blocked]) {
        allowed[blocked] = narrowed;
        if (queued[blocked] === 0) {
          queued[blocked] = 1;
          work.push(blocked);
        }
      }
    }
    for (const blocker of graph.blockedBy[epic] ?? []) {
      const narrowed = (allowed[blocker] ?? 0) & ((2 << highest(mask)) - 1);
      if (narrowed !== allowed[blocker]) {
        allowed[blocker] = narrowed;
        if (queued[blocker] === 0) {
          queued[blocker] = 1;
          work.push(blocker);
        }
      }
    }
  }
  return allowed;
}

/**
 * Removes, for each epic without links, every allowed level that another allowed level
 * dominates: retains as much NPV, spends no more in any cap period and funds each floor at least
 * as much (on a tie, the lower level stays). Sound: a plan using the dominated level turns into
 * one at least as good and as feasible by switching to the dominating one; links are why epics
 * with them are left alone (the switch could break a link). Identical levels, such as those of
 * an epic with nothing left to spend, collapse to one, which keeps the integer program free of
 * degenerate ties.
 */
function dropDominatedLevels(model: BudgetModel, allowed: Int32Array): void {
  const { keys, levels: levelCount, value, spend, funding, caps, floors, graph } = model;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const dominates = (cell: number, other: number): boolean => {
    if ((value[cell] ?? 0) < (value[other] ?? 0)) return false;
    for (let p = 0; p < periodCount; p += 1)
      if ((spend[cell * periodCount + p] ?? 0) > (spend[other * periodCount + p] ?? 0)) return false;
    for (let f = 0; f < floorCount; f += 1)
      if ((funding[cell * floorCount + f] ?? 0) < (funding[other * floorCount + f] ?? 0)) return false;
    return true;
  };
  for (let epic = 0; epic < keys.length; epic += 1) {
    const mask = allowed[epic] ?? 0;
    if (
      (mask & (mask - 1)) === 0 ||
      (graph.blocks[epic]?.length ?? 0) + (graph.blockedBy[epic]?.length ?? 0) > 0
    ) {
      continue;
    }
    let kept = mask;
    const candidates = bitsOf(mask);
    for (const level of candidates) {
      const cell = epic * levelCount + level;
      const beaten = candidates.some(
        (other) =>
          other !== level &&
          ((kept >> other) & 1) === 1 &&
          dominates(epic * levelCount + other, cell) &&
          // A mutual domination (identical levels) keeps the lower one.
          (other < level || !dominates(cell, epic * levelCount + other)),
      );
      if (beaten) kept &= ~(1 << level);
    }
    allowed[epic] = kept;
  }
}

/** Prices a little above the dual's, so that the priced plan tends to fall inside the caps. */
const PRICE_FACTORS: readonly number[] = [1, 1.001, 1.01, 1.03, 1.1, 1.3];

/**
 * The plan the linked relaxation chooses at the relaxation's prices scaled by `factor` (each
 * isolated pair its best allowed pair of choices, each other epic its own best), with the other
 * links then enforced by moving blocked epics back to their blocker's level (levels only rise, so this ends, cycles included). A candidate incumbent:
 * the caller checks it.
 */
function pricedPlan(model: BudgetModel, relaxation: Relaxation, factor: number): Int32Array {
  const { keys, graph } = model;
  const scale = (prices: readonly number[]) => prices.map((price) => price * factor);
  const { levels } = linkedRelaxation(model, scale(relaxation.capPrices), scale(relaxation.floorPrices));
  const work = keys.map((_, epic) => epic);
  while (work.length > 0) {
    const epic = work.pop() as number;
    for (const blocked of graph.blocks[epic] ?? []) {
      if ((levels[blocked] ?? 0) < (levels[epic] ?? 0)) {
        levels[blocked] = levels[epic] ?? 0;
        work.push(blocked);
      }
    }
  }
  return levels;
}

const bitsOf = (mask: number): number[] => {
  const bits: number[] = [];
  for (let level = 0; mask >> level !== 0; level += 1) {
    if ((mask >> level) & 1) bits.push(level);
  }
  return bits;
};

/**
 * The exact budget-cut plan: an integer program solved with yalps, on the epics whose choice
 * the bounds leave open (the core); the others are decided by reduced-cost fixing against the
 * incumbent (the greedy plan or a feasible Lagrangian plan), which is sound: no plan that uses
 * a removed choice can beat the incumbent. Proven optimal unless the core is over
 * `MAX_CORE_EPICS` or the solver hits `maxIterations`; then the best plan found is returned
 * with the proven upper bound, so the gap is honest.
 */
export function exactPlan(model: BudgetModel, greedyLevels: Int32Array | null): ExactOutcome {
  // The greedy plan, with the cuts it overshot taken back where the caps allow: a better
  // incumbent both starts the search higher and lets reduced-cost fixing remove more.
  const start = greedyLevels === null ? null : improvePlan(model, greedyLevels);
  const incumbent = {
    value: start === null ? -Infinity : planTotals(model, start).value,
    levels: start !== null && isFeasiblePlan(model, start) ? start : greedyLevels,
  };
  if (incumbent.levels === greedyLevels && greedyLevels !== null) {
    incumbent.value = planTotals(model, greedyLevels).value;
  }
  const relaxation = relax(model, incumbent);
  for (const factor of PRICE_FACTORS) {
    const plan = pricedPlan(model, relaxation, factor);
    if (!isFeasiblePlan(model, plan)) continue;
    const improved = improvePlan(model, plan);
    const improvedValue = planTotals(model, improved).value;
    if (improvedValue > incumbent.value && isFeasiblePlan(model, improved)) {
      incumbent.value = improvedValue;
      incumbent.levels = improved;
    }
  }
  const allowed = fix(model, relaxation, incumbent.levels === null ? null : incumbent.value);
  dropDominatedLevels(model, allowed);
  const base = { capPrices: relaxation.capPrices, floorPrices: relaxation.floorPrices };
  const core: number[] = [];
  for (let epic = 0; epic < model.keys.length; epic += 1) {
    const mask = allowed[epic] ?? 0;
    if (mask === 0) {
      // No plan better than the incumbent exists.
      return {
        ...base,
        levels: incumbent.levels,
        proven: true,
        upperBound: incumbent.value,
        coreEpics: 0,
        infeasible: false,
      };
    }
    if ((mask & (mask - 1)) !== 0) core.push(epic);
  }
  // The bound reported when the search does not finish: the tighter of the link-free one and
  // the one that keeps isolated pairs' links (both proven; see linked-bound.ts).
  const upperBound = Math.min(
    relaxation.bound,
    linkedBound(model, relaxation.capPrices, relaxation.floorPrices),
  );
  if (core.length > MAX_CORE_EPICS) {
    return {
      ...base,
      levels: incumbent.levels,
      proven: false,
      upperBound,
      coreEpics: core.length,
      infeasible: false,
    };
  }
  const levels = new Int32Array(model.keys.length);
  allowed.forEach((mask, epic) => (levels[epic] = bitsOf(mask)[0] ?? 0));
  const solved = solveCore(model, core, allowed, levels);
  const candidate = solved.assigned && isFeasiblePlan(model, levels) ? levels : null;
  const candidateValue = candidate === null ? -Infinity : planTotals(model, candidate).value;
  const best = candidateValue > incumbent.value ? candidate : incumbent.levels;
  const bestValue = Math.max(candidateValue, incumbent.value);
  const proven = solved.status === 'optimal' || (solved.status === 'infeasible' && best !== null);
  return {
    ...base,
    levels: best,
    proven: proven && best !== null,
    upperBound: proven && best !== null ? bestValue : upperBound,
    coreEpics: core.length,
    // Without an incumbent nothing was removed by bounds, so the core's infeasibility is the whole's.
    infeasible: best === null && solved.status === 'infeasible',
  };
}

interface CoreSolution {
  readonly status: 'optimal' | 'infeasible' | 'unfinished';
  readonly assigned: boolean;
}

/** The integer program of the core, with the fixed epics' spend and funding moved to the right. */
function solveCore(
  model: BudgetModel,
  core: readonly number[],
  allowed: Int32Array,
  levels: Int32Array,
): CoreSolution {
  const {
    levels: levelCount,
    value,
    spend,
    funding,
    caps,
    floors,
    graph,
    maxIterations,
    solverTimeoutMs,
  } = model;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const inCore = new Set(core);
  const fixedSpend = new Array<number>(periodCount).fill(0);
  const fixedFunding = new Array<number>(floorCount).fill(0);
  for (let epic = 0; epic < model.keys.length; epic += 1) {
    if (inCore.has(epic)) continue;
    const cell = epic * levelCount + (levels[epic] ?? 0);
    for (let p = 0; p < periodCount; p += 1)
      fixedSpend[p] = (fixedSpend[p] ?? 0) + (spend[cell * periodCount + p] ?? 0);
    for (let f = 0; f < floorCount; f += 1)
      fixedFunding[f] = (fixedFunding[f] ?? 0) + (funding[cell * floorCount + f] ?? 0);
  }
  if (core.length === 0) {
    return { status: 'optimal', assigned: true };
  }
  // Scaled to about 1 so that the solver's float tolerances are relative; checked exactly after.
  let valueScale = 1;
  let spendScale = 1;
  for (const epic of core) {
    for (const level of bitsOf(allowed[epic] ?? 0)) {
      const cell = epic * levelCount + level;
      valueScale = Math.max(valueScale, Math.abs(value[cell] ?? 0));
      for (let p = 0; p < periodCount; p += 1)
        spendScale = Math.max(spendScale, spend[cell * periodCount + p] ?? 0);
    }
  }
  const constraints: [string, Constraint][] = [];
  caps.forEach((cap, p) => constraints.push([`c${p}`, { max: (cap - (fixedSpend[p] ?? 0)) / spendScale }]));
  floors.forEach((floor, f) =>
    constraints.push([`f${f}`, { min: (floor - (fixedFunding[f] ?? 0)) / spendScale }]),
  );
  const variables: [number, Coefficients][] = [];
  const coreLinks: [number, number][] = [];
  for (const epic of core) {
    constraints.push([`e${epic}`, { equal: 1 }]);
    for (const blocked of graph.blocks[epic] ?? []) {
      if (inCore.has(blocked) && blocked !== epic) coreLinks.push([epic, blocked]);
    }
  }
  coreLinks.forEach((_, link) => {
    for (let threshold = 1; threshold < levelCount; threshold += 1)
      constraints.push([`d${link}_${threshold}`, { min: 0 }]);
  });
  const linksOf = new Map<number, { link: number; sign: number }[]>();
  coreLinks.forEach(([blocker, blocked], link) => {
    linksOf.set(blocker, [...(linksOf.get(blocker) ?? []), { link, sign: -1 }]);
    linksOf.set(blocked, [...(linksOf.get(blocked) ?? []), { link, sign: 1 }]);
  });
  for (const epic of core) {
    for (const level of bitsOf(allowed[epic] ?? 0)) {
      const cell = epic * levelCount + level;
      const coefficients: [string, number][] = [
        ['npv', (value[cell] ?? 0) / valueScale],
        [`e${epic}`, 1],
      ];
      for (let p = 0; p < periodCount; p += 1)
        coefficients.push([`c${p}`, (spend[cell * periodCount + p] ?? 0) / spendScale]);
      for (let f = 0; f < floorCount; f += 1)
        coefficients.push([`f${f}`, (funding[cell * floorCount + f] ?? 0) / spendScale]);
      // level(blocked) >= level(blocker) as: for each threshold k, [blocked >= k] - [blocker >= k] >= 0.
      for (const { link, sign } of linksOf.get(epic) ?? []) {
        for (let threshold = 1; threshold <= level; threshold += 1)
          coefficients.push([`d${link}_${threshold}`, sign]);
      }
      variables.push([cell, coefficients]);
    }
  }
  const solution = solve(
    { direction: 'maximize', objective: 'npv', constraints, variables, binaries: true },
    // At 1e-9 float noise in the scaled tableau reads as fractional and branch and bound never
    // closes (a 3-epic core timed out); 1e-7 is relative to coefficients scaled to about 1.
    { maxIterations, maxPivots: 1_000_000, precision: 1e-7, timeout: solverTimeoutMs },
  );
  if (solution.status === 'infeasible') {
    return { status: 'infeasible', assigned: false };
  }
  const chosen = new Set(solution.variables.filter(([, amount]) => amount > 0.5).map(([cell]) => cell));
  let assigned = true;
  for (const epic of core) {
    const level = bitsOf(allowed[epic] ?? 0).find((candidate) => chosen.has(epic * levelCount + candidate));
    if (level === undefined) assigned = false;
    else levels[epic] = level;
  }
  return { status: solution.status === 'optimal' ? 'optimal' : 'unfinished', assigned };
}
