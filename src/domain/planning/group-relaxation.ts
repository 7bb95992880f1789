import { solve, type Coefficients, type Constraint } from 'yalps';
import type { OptionGroups } from './option-groups';

const SUBGRADIENT_STEPS = 300;
const CUTTING_PLANE_STEPS = 250;

/** Cap prices (mu, NPV per minor unit) then floor prices (nu): one vector, caps first. */
export type Prices = readonly number[];

export interface GroupRelaxation {
  /** The smallest Lagrangian bound met: no feasible plan retains more. */
  readonly bound: number;
  readonly prices: Prices;
}

export interface Evaluation {
  readonly bound: number;
  /** d bound / d price: cap minus spend (caps), funding minus floor (floors). */
  readonly gradient: number[];
  /** The option each group takes at these prices. */
  readonly chosen: Int32Array;
}

/** The Lagrangian score of option o at the prices: v - mu.s + nu.f. */
export function optionScore(
  groups: OptionGroups,
  periodCount: number,
  floorCount: number,
  prices: Prices,
  option: number,
): number {
  let score = groups.value[option] ?? 0;
  for (let p = 0; p < periodCount; p += 1)
    score -= (prices[p] ?? 0) * (groups.spend[option * periodCount + p] ?? 0);
  for (let f = 0; f < floorCount; f += 1)
    score += (prices[periodCount + f] ?? 0) * (groups.funding[option * floorCount + f] ?? 0);
  return score;
}

/**
 * The Lagrangian bound at the prices, caps and floors priced out, each group's links kept:
 * L = Σ_groups max_options (v - mu.s + nu.f) + mu.C - nu.F. By weak duality no plan meeting the
 * caps and floors retains more; it equals the bound of the linear relaxation at the best prices
 * (each group's options are a choice of one), so its minimum is that relaxation's optimum.
 */
export function evaluate(
  groups: OptionGroups,
  caps: readonly number[],
  floors: readonly number[],
  prices: Prices,
): Evaluation {
  const periodCount = caps.length;
  const floorCount = floors.length;
  const chosen = new Int32Array(groups.count);
  const used = new Array<number>(periodCount).fill(0);
  const funded = new Array<number>(floorCount).fill(0);
  let bound = 0;
  for (let group = 0; group < groups.count; group += 1) {
    let top = -Infinity;
    let topOption = groups.optionStart[group] ?? 0;
    for (
      let option = groups.optionStart[group] ?? 0;
      option < (groups.optionStart[group + 1] ?? 0);
      option += 1
    ) {
      const score = optionScore(groups, periodCount, floorCount, prices, option);
      if (score > top) {
        top = score;
        topOption = option;
      }
    }
    bound += top;
    chosen[group] = topOption;
    for (let p = 0; p < periodCount; p += 1)
      used[p] = (used[p] ?? 0) + (groups.spend[topOption * periodCount + p] ?? 0);
    for (let f = 0; f < floorCount; f += 1)
      funded[f] = (funded[f] ?? 0) + (groups.funding[topOption * floorCount + f] ?? 0);
  }
  for (let p = 0; p < periodCount; p += 1) bound += (prices[p] ?? 0) * (caps[p] ?? 0);
  for (let f = 0; f < floorCount; f += 1) bound -= (prices[periodCount + f] ?? 0) * (floors[f] ?? 0);
  const gradient = [
    ...caps.map((cap, p) => cap - (used[p] ?? 0)),
    ...floors.map((floor, f) => (funded[f] ?? 0) - floor),
  ];
  return { bound, gradient, chosen };
}

interface Cut {
  readonly prices: Prices;
  readonly bound: number;
  readonly gradient: readonly number[];
}

/**
 * Minimises the Lagrangian bound over the prices: subgradient steps first (cheap, they find the
 * neighbourhood), then Kelley's cutting planes (each evaluation is a plane under the convex,
 * piecewise-linear bound; the lowest point of the planes, found by yalps, is evaluated next),
 * which end at the minimum where subgradient steps only creep towards it. Every price vector
 * evaluated gives a valid bound, so the answer is proven whatever the steps do; `target` (the
 * best plan known, or null) stops the search once the bound proves it optimal.
 * `onEvaluation` sees each evaluation (the caller looks for feasible plans in them).
 */
export function minimiseBound(
  groups: OptionGroups,
  caps: readonly number[],
  floors: readonly number[],
  target: () => number | null,
  onEvaluation: (evaluation: Evaluation, prices: Prices) => void,
): GroupRelaxation {
  const size = caps.length + floors.length;
  const cuts: Cut[] = [];
  let best: GroupRelaxation = { bound: Infinity, prices: new Array<number>(size).fill(0) };
  const visit = (prices: Prices): Evaluation => {
    const evaluation = evaluate(groups, caps, floors, prices);
    cuts.push({ prices, bound: evaluation.bound, gradient: evaluation.gradient });
    if (evaluation.bound < best.bound) best = { bound: evaluation.bound, prices };
    onEvaluation(evaluation, prices);
    return evaluation;
  };
  const proven = () => {
    const known = target();
    return known !== null && best.bound < known + 0.5;
  };
  let prices: number[] = new Array<number>(size).fill(0);
  let theta = 1;
  let sinceImproved = 0;
  let bestSoFar = Infinity;
  for (let step = 0; step < SUBGRADIENT_STEPS && size > 0; step += 1) {
    const { bound, gradient } = visit(prices);
    if (bound < bestSoFar - 1e-9 * Math.abs(bound)) {
      bestSoFar = bound;
      sinceImproved = 0;
    } else if (++sinceImproved >= 15) {
      theta /= 2;
      sinceImproved = 0;
    }
    const norm = gradient.reduce((sum, g) => sum + g * g, 0);
    const known = target();
    const goal = known === null ? best.bound - 0.05 * Math.abs(best.bound) - 1 : known;
    if (norm === 0 || theta < 1e-6 || proven()) break;
    const length = (theta * (bound - goal)) / norm;
    prices = prices.map((price, at) => Math.max(0, price - length * (gradient[at] ?? 0)));
  }
  if (size === 0) visit(prices);
  for (let step = 0; step < CUTTING_PLANE_STEPS && size > 0 && !proven(); step += 1) {
    const next = lowestPointOfCuts(cuts, best, target());
    if (next === null) break;
    const { bound } = visit(next.prices);
    // The planes' lowest point is a lower bound on the minimum: stop once the best is at it.
    if (best.bound - next.floor <= Math.max(0.5, 1e-12 * Math.abs(best.bound)) || bound === Infinity) break;
  }
  return best;
}

/**
 * The lowest point of the cutting planes over the prices, inside a box around the best prices
 * (Kelley's master problem, a small linear program for yalps). Variables are scaled so that the
 * solver sees numbers of about 1. Null when yalps does not solve it.
 */
function lowestPointOfCuts(
  cuts: readonly Cut[],
  best: GroupRelaxation,
  known: number | null,
): { prices: number[]; floor: number } | null {
  const size = best.prices.length;
  const base = known ?? best.bound - Math.abs(best.bound) - 1;
  const valueScale = Math.max(1, best.bound - base);
  // Prices scaled by the largest price seen (or 1): the box is 4 times it.
  const priceScale = Math.max(1e-12, ...cuts.map((cut) => Math.max(...cut.prices)));
  const constraints: [string, Constraint][] = [];
  const variables: [string, Coefficients][] = [];
  const zCoefficients: [string, number][] = [['objective', 1]];
  const priceCoefficients: [string, number][][] = Array.from({ length: size }, () => []);
  cuts.forEach((cut, k) => {
    // z >= bound_k + g_k.(price - price_k), with z = base + valueScale * zs, price = priceScale * ps.
    let offset = cut.bound - base;
    cut.gradient.forEach((g, at) => (offset -= g * (cut.prices[at] ?? 0)));
    constraints.push([`k${k}`, { min: offset / valueScale }]);
    zCoefficients.push([`k${k}`, 1]);
    cut.gradient.forEach((g, at) => priceCoefficients[at]?.push([`k${k}`, (-g * priceScale) / valueScale]));
  });
  for (let at = 0; at < size; at += 1) {
    constraints.push([`b${at}`, { max: 4 }]);
    priceCoefficients[at]?.push([`b${at}`, 1]);
    variables.push([`p${at}`, priceCoefficients[at] ?? []]);
  }
  variables.push(['z', zCoefficients]);
  const solution = solve(
    { direction: 'minimize', objective: 'objective', constraints, variables },
    { precision: 1e-10, maxPivots: 100_000 },
  );
  if (solution.status !== 'optimal') return null;
  const prices = new Array<number>(size).fill(0);
  let z = 0;
  for (const [name, amount] of solution.variables) {
    if (name === 'z') z = amount;
    else prices[Number(name.slice(1))] = Math.max(0, amount * priceScale);
  }
  return { prices, floor: base + z * valueScale };
}
