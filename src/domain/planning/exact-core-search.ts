import { keptOptionsOf, type OptionGroups } from './option-groups';

/** The integer program of `exactPlan`'s core, as the exact search reads it. */
export interface CoreProblem {
  readonly groups: OptionGroups;
  /** The core's groups: each takes exactly one of its kept options. */
  readonly core: readonly number[];
  readonly kept: Uint8Array;
  /** Each period's cap less the fixed groups' spend. */
  readonly caps: readonly number[];
  /** Each floor less the fixed groups' funding. */
  readonly floors: readonly number[];
  /** Loose links between core groups, as [blocker group, blocked group]: level(blocked) >= level(blocker). */
  readonly links: readonly (readonly [number, number])[];
  /** A plan is only of interest when its core retains at least this much (whole minor units). */
  readonly atLeast: number;
  /** The search gives up after visiting this many partial plans. */
  readonly nodeLimit: number;
}

export type CoreSearchResult =
  /** Every plan of kept options was weighed: `options` (one per core group, in core order) is the best retaining at least `atLeast`, or null when none does. */
  { readonly status: 'searched'; readonly options: Int32Array | null } | { readonly status: 'over-limit' };

/**
 * Depth-first branch and bound over the core's kept options, in exact arithmetic: values, spend
 * and funding are whole minor units, so every sum is exact and a "searched" answer is a proof,
 * which yalps's, in floating point with tolerances, is not (a branch can be declared infeasible
 * by rounding). A partial plan is abandoned only when a cap is already broken counting the least
 * each later group must spend, a floor cannot be reached counting the most each later group can
 * fund, a link between two assigned groups is broken, or the most it can still retain cannot
 * reach `atLeast` (raised to one more than each plan found). Groups are taken widest value range
 * first, and each group's options best value first, so that good plans, and tight bounds, come early.
 */
export function exactCoreSearch(problem: CoreProblem): CoreSearchResult {
  const { groups, kept, caps, floors, links, nodeLimit } = problem;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const optionsOf = (group: number): number[] =>
    keptOptionsOf(groups, kept, group).sort((a, b) => (groups.value[b] ?? 0) - (groups.value[a] ?? 0));
  const range = (options: readonly number[]) =>
    (groups.value[options[0] ?? 0] ?? 0) - (groups.value[options.at(-1) ?? 0] ?? 0);
  const order = problem.core
    .map((group) => ({ group, options: optionsOf(group) }))
    .sort((a, b) => range(b.options) - range(a.options));
  const depthOf = new Map(order.map(({ group }, depth) => [group, depth]));
  const size = order.length;
  // From depth d on: the most value, the least spend per period and the most funding per floor.
  const valueAhead = new Float64Array(size + 1);
  const spendAhead = new Float64Array((size + 1) * periodCount);
  const fundingAhead = new Float64Array((size + 1) * floorCount);
  for (let depth = size - 1; depth >= 0; depth -= 1) {
    const options = order[depth]?.options ?? [];
    valueAhead[depth] = (valueAhead[depth + 1] ?? 0) + Math.max(...options.map((o) => groups.value[o] ?? 0));
    for (let p = 0; p < periodCount; p += 1)
      spendAhead[depth * periodCount + p] =
        (spendAhead[(depth + 1) * periodCount + p] ?? 0) +
        Math.min(...options.map((o) => groups.spend[o * periodCount + p] ?? 0));
    for (let f = 0; f < floorCount; f += 1)
      fundingAhead[depth * floorCount + f] =
        (fundingAhead[(depth + 1) * floorCount + f] ?? 0) +
        Math.max(...options.map((o) => groups.funding[o * floorCount + f] ?? 0));
  }
  // Each link is checked at the depth where its second group is assigned.
  const linksAt: (readonly [number, number])[][] = Array.from({ length: size }, () => []);
  for (const [blocker, blocked] of links) {
    const a = depthOf.get(blocker);
    const b = depthOf.get(blocked);
    if (a !== undefined && b !== undefined) linksAt[Math.max(a, b)]?.push([a, b]);
  }
  const levelOf = (option: number) => groups.optionLevels[groups.levelStart[option] ?? 0] ?? 0;

  const picked = new Int32Array(size);
  const best: { picked: Int32Array | null } = { picked: null };
  let atLeast = problem.atLeast;
  const spent = new Float64Array(periodCount);
  const funded = new Float64Array(floorCount);
  let nodes = 0;
  const visit = (depth: number, value: number): boolean => {
    if (depth === size) {
      best.picked = picked.slice();
      atLeast = value + 1;
      return true;
    }
    for (const option of order[depth]?.options ?? []) {
      if (value + (groups.value[option] ?? 0) + (valueAhead[depth + 1] ?? 0) < atLeast) break;
      if ((nodes += 1) > nodeLimit) return false;
      picked[depth] = option;
      if (!(linksAt[depth] ?? []).every(([a, b]) => levelOf(picked[b] ?? 0) >= levelOf(picked[a] ?? 0)))
        continue;
      let fits = true;
      for (let p = 0; p < periodCount; p += 1) {
        spent[p] = (spent[p] ?? 0) + (groups.spend[option * periodCount + p] ?? 0);
        if ((spent[p] ?? 0) + (spendAhead[(depth + 1) * periodCount + p] ?? 0) > (caps[p] ?? 0)) fits = false;
      }
      for (let f = 0; f < floorCount; f += 1) {
        funded[f] = (funded[f] ?? 0) + (groups.funding[option * floorCount + f] ?? 0);
        if ((funded[f] ?? 0) + (fundingAhead[(depth + 1) * floorCount + f] ?? 0) < (floors[f] ?? 0))
          fits = false;
      }
      const finished = !fits || visit(depth + 1, value + (groups.value[option] ?? 0));
      for (let p = 0; p < periodCount; p += 1)
        spent[p] = (spent[p] ?? 0) - (groups.spend[option * periodCount + p] ?? 0);
      for (let f = 0; f < floorCount; f += 1)
        funded[f] = (funded[f] ?? 0) - (groups.funding[option * floorCount + f] ?? 0);
      if (!finished) return false;
    }
    return true;
  };
  if (size === 0) {
    // Nothing left to choose: the fixed groups' plan fits, or no plan of kept options does.
    const fits = caps.every((cap) => cap >= 0) && floors.every((floor) => floor <= 0) && atLeast <= 0;
    return { status: 'searched', options: fits ? new Int32Array(0) : null };
  }
  if (!visit(0, 0)) return { status: 'over-limit' };
  const found = best.picked;
  if (found === null) return { status: 'searched', options: null };
  const options = new Int32Array(size);
  problem.core.forEach((group, at) => (options[at] = found[depthOf.get(group) ?? 0] ?? 0));
  return { status: 'searched', options };
}
