import { solve, type Coefficients, type Constraint } from 'yalps';
import type { BudgetModel } from './budget-model';
import { evaluate, minimiseBound, optionScore, type GroupRelaxation, type Prices } from './group-relaxation';
import { fillPlan } from './fill-plan';
import { improvePlan } from './improve-plan';
import { exactCoreSearch } from './exact-core-search';
import { dominates, keptOptionsOf, optionGroups, type OptionGroups } from './option-groups';
import { isFeasiblePlan, planTotals } from './plan-evaluation';

/** Above this many epics left to the integer program, it is not built (dense tableau memory). */
export const MAX_CORE_EPICS = 1_500;
/**
 * Above this many open options the integer program is not built either: yalps's branch and
 * bound keeps two dense tableaux of (rows + 2 × options) × options numbers, about 32 × options²
 * bytes (2,500 options: 200 MB).
 */
export const MAX_CORE_OPTIONS = 2_500;

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

interface Incumbent {
  value: number;
  levels: Int32Array | null;
}

/** Prices a little above the best ones, so that the priced plan tends to fall inside the caps. */
const PRICE_FACTORS: readonly number[] = [1, 1.0001, 1.0003, 1.001, 1.003, 1.01, 1.03, 1.1, 1.3];

/**
 * The epics' levels for one option per group, then the loose links enforced by moving blocked
 * epics back to their blocker's level (levels only rise, so this ends, cycles included).
 */
function levelsOfOptions(model: BudgetModel, groups: OptionGroups, chosen: Int32Array): Int32Array {
  const levels = new Int32Array(model.keys.length);
  for (let group = 0; group < groups.count; group += 1) {
    const option = chosen[group] ?? 0;
    const from = groups.levelStart[option] ?? 0;
    for (let at = groups.epicStart[group] ?? 0; at < (groups.epicStart[group + 1] ?? 0); at += 1) {
      levels[groups.epics[at] ?? 0] = groups.optionLevels[from + at - (groups.epicStart[group] ?? 0)] ?? 0;
    }
  }
  const work = groups.looseLinks.map(([blocker]) => blocker);
  while (work.length > 0) {
    const epic = work.pop() as number;
    for (const blocked of model.graph.blocks[epic] ?? []) {
      if ((levels[blocked] ?? 0) < (levels[epic] ?? 0)) {
        levels[blocked] = levels[epic] ?? 0;
        work.push(blocked);
      }
    }
  }
  return levels;
}

/** The option of each group that gives its epics these levels (levels must be allowed ones). */
function optionsOfLevels(model: BudgetModel, groups: OptionGroups, levels: Int32Array): Int32Array {
  const chosen = new Int32Array(groups.count);
  for (let group = 0; group < groups.count; group += 1) {
    const first = groups.epicStart[group] ?? 0;
    const size = (groups.epicStart[group + 1] ?? 0) - first;
    let option = groups.optionStart[group] ?? 0;
    for (; option < (groups.optionStart[group + 1] ?? 0) - 1; option += 1) {
      const from = groups.levelStart[option] ?? 0;
      let same = true;
      for (let at = 0; at < size && same; at += 1)
        same = groups.optionLevels[from + at] === levels[groups.epics[first + at] ?? 0];
      if (same) break;
    }
    chosen[group] = option;
  }
  return chosen;
}

/** The incumbent's plan, read through a call: searches replace it behind the type checker's back. */
const planOf = (incumbent: Incumbent): Int32Array | null => incumbent.levels;

function consider(model: BudgetModel, incumbent: Incumbent, levels: Int32Array): void {
  const value = planTotals(model, levels).value;
  if (value > incumbent.value && isFeasiblePlan(model, levels)) {
    incumbent.value = value;
    incumbent.levels = levels;
  }
}

/**
 * Keeps, in each group, the options that can be part of a plan better than the incumbent
 * (reduced-cost fixing: a plan using option o retains at most L - slack(o), and a better plan
 * retains at least one minor unit more, values being whole minor units), then drops options
 * another kept option of the same group dominates (groups without loose links only), then makes
 * the single epics joined by loose links agree. Returns whether each option is kept.
 */
function keptOptions(
  model: BudgetModel,
  groups: OptionGroups,
  prices: Prices,
  bound: number,
  incumbent: number | null,
): Uint8Array {
  const periodCount = model.caps.length;
  const floorCount = model.floors.length;
  const kept = new Uint8Array(groups.optionStart[groups.count] ?? 0);
  for (let group = 0; group < groups.count; group += 1) {
    const first = groups.optionStart[group] ?? 0;
    const end = groups.optionStart[group + 1] ?? 0;
    let top = -Infinity;
    for (let option = first; option < end; option += 1)
      top = Math.max(top, optionScore(groups, periodCount, floorCount, prices, option));
    for (let option = first; option < end; option += 1) {
      const slack = top - optionScore(groups, periodCount, floorCount, prices, option);
      // Half a minor unit of margin covers float error in L (about 1e-6 at 1e10 minor units).
      if (incumbent === null || bound - slack > incumbent + 0.5) kept[option] = 1;
    }
    if (groups.linked[group] === 1) continue;
    for (let option = first; option < end; option += 1) {
      if (kept[option] === 0) continue;
      for (let other = first; other < end; other += 1) {
        if (other === option || kept[other] === 0) continue;
        // A mutual domination (identical options) keeps the first one.
        if (
          dominates(groups, periodCount, floorCount, other, option) &&
          (other < option || !dominates(groups, periodCount, floorCount, option, other))
        ) {
          kept[option] = 0;
          break;
        }
      }
    }
  }
  narrowLooseLinks(model, groups, kept);
  return kept;
}

/**
 * Loose links join single-epic groups (option = level): level(blocked) >= level(blocker) lets a
 * blocked epic keep no level under its blocker's lowest, nor a blocker any level over its blocked
 * epic's highest. Narrows until stable; each pass only removes options.
 */
function narrowLooseLinks(model: BudgetModel, groups: OptionGroups, kept: Uint8Array): void {
  if (groups.looseLinks.length === 0) return;
  const groupOf = new Int32Array(model.keys.length);
  for (let group = 0; group < groups.count; group += 1)
    for (let at = groups.epicStart[group] ?? 0; at < (groups.epicStart[group + 1] ?? 0); at += 1)
      groupOf[groups.epics[at] ?? 0] = group;
  const levelOf = (option: number) => groups.optionLevels[groups.levelStart[option] ?? 0] ?? 0;
  const keptLevels = (group: number) => keptOptionsOf(groups, kept, group).map(levelOf);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [blocker, blocked] of groups.looseLinks) {
      const blockerGroup = groupOf[blocker] ?? 0;
      const blockedGroup = groupOf[blocked] ?? 0;
      const lowest = Math.min(...keptLevels(blockerGroup));
      const highest = Math.max(...keptLevels(blockedGroup));
      const trim = (group: number, drop: (level: number) => boolean) => {
        for (
          let option = groups.optionStart[group] ?? 0;
          option < (groups.optionStart[group + 1] ?? 0);
          option += 1
        )
          if (kept[option] === 1 && drop(levelOf(option))) {
            kept[option] = 0;
            changed = true;
          }
      };
      trim(blockedGroup, (level) => level < lowest);
      trim(blockerGroup, (level) => level > highest);
    }
  }
}

/**
 * The exact budget-cut plan. The epics are grouped with the links between them
 * (`optionGroups`), the Lagrangian bound of that grouping is minimised over the cap and floor
 * prices (`minimiseBound`: the linear relaxation's optimum), the incumbent is the best of the
 * greedy plan and the plans the prices choose, and reduced-cost fixing against it removes every
 * option that cannot be part of a better plan. What is left open (the core) is an integer
 * program searched exactly (`exactCoreSearch`), or by yalps when too big for that, first
 * restricted to the options nearest the relaxation's choice, then widened (ADR 0005). Sound: no
 * plan that uses a removed option can beat the incumbent. Proven optimal only when the exact
 * search covers the core; otherwise (over its node limit, over `MAX_CORE_EPICS` or
 * `MAX_CORE_OPTIONS`) the best plan found is returned with the proven upper bound, so the gap is
 * honest.
 */
export function exactPlan(model: BudgetModel, greedyLevels: Int32Array | null): ExactOutcome {
  const groups = optionGroups(model);
  const periodCount = model.caps.length;
  const incumbent: Incumbent = { value: -Infinity, levels: null };
  if (greedyLevels !== null) {
    // The greedy plan, with the cuts it overshot taken back where the caps allow.
    consider(model, incumbent, greedyLevels);
    consider(model, incumbent, improvePlan(model, greedyLevels));
  }
  const relaxation = minimiseBound(
    groups,
    model.caps,
    model.floors,
    () => (incumbent.levels === null ? null : incumbent.value),
    (evaluation) => {
      // The priced-out choice meets every cap and floor: feasible if the loose links hold too.
      if (evaluation.gradient.every((g) => g >= 0))
        consider(model, incumbent, levelsOfOptions(model, groups, evaluation.chosen));
    },
  );
  const filled = (levels: Int32Array) =>
    levelsOfOptions(
      model,
      groups,
      fillPlan(model, groups, optionsOfLevels(model, groups, levels), relaxation.prices),
    );
  for (const factor of PRICE_FACTORS) {
    const scaled = relaxation.prices.map((price) => price * factor);
    const plan = levelsOfOptions(model, groups, evaluate(groups, model.caps, model.floors, scaled).chosen);
    if (isFeasiblePlan(model, plan)) {
      consider(model, incumbent, improvePlan(model, plan));
      consider(model, incumbent, filled(plan));
    }
  }
  if (incumbent.levels !== null) consider(model, incumbent, filled(incumbent.levels));
  const base = {
    capPrices: relaxation.prices.slice(0, periodCount),
    floorPrices: relaxation.prices.slice(periodCount),
  };
  if (incumbent.levels === null) {
    // Nothing to fix against: the whole problem goes to the search, which finds a plan or proves none exists.
    const search = searchCore(model, groups, relaxation, null, incumbent, FULL_SEARCH_WORK);
    const levels = planOf(incumbent);
    const proven = search.status === 'searched' && levels !== null;
    return {
      ...base,
      levels,
      proven,
      upperBound: proven ? incumbent.value : relaxation.bound,
      coreEpics: search.coreEpics,
      infeasible: search.status === 'searched' && levels === null,
    };
  }
  // Restricted searches first: only options within `slack` of the relaxation's best. A plan
  // using any other option retains at most L - slack, so once the best plan found reaches that,
  // it is optimal; otherwise the slack grows, up to L - incumbent (every option that can still
  // beat the incumbent), the full search. Small slacks keep the integer programs small.
  let slack = Math.max(1, (relaxation.bound - incumbent.value) / RESTRICTED_SLACK_DIVISOR);
  let largestCore = 0;
  let grown = false;
  for (let search = 0; search < MAX_SEARCHES; search += 1) {
    const threshold = Math.max(incumbent.value, relaxation.bound - slack);
    const full = threshold === incumbent.value;
    const work = full ? FULL_SEARCH_WORK : RESTRICTED_SEARCH_WORK;
    const outcome = searchCore(model, groups, relaxation, threshold, incumbent, work);
    largestCore = Math.max(largestCore, outcome.coreEpics);
    // Searched: no plan of kept options beats the incumbent; the others retain at most
    // threshold + 0.5 (keptOptions), so none retains incumbent + 1 when threshold < incumbent + 0.5.
    if (outcome.status === 'searched' && threshold < incumbent.value + 0.5) {
      return {
        ...base,
        levels: incumbent.levels,
        proven: true,
        upperBound: incumbent.value,
        coreEpics: outcome.coreEpics,
        infeasible: false,
      };
    }
    if (outcome.status === 'too-big' && !grown) {
      // Too big to prove here: a smaller restricted search can still improve the plan.
      slack /= 4;
      continue;
    }
    if (full || outcome.status === 'too-big') break;
    grown = true;
    // A restricted search that did not finish: bigger ones will not either; try the full one
    // (it may be small enough now that the incumbent improved, and it has more work allowed).
    slack =
      outcome.status === 'unfinished' ? Infinity : Math.min(2 * slack, relaxation.bound - incumbent.value);
  }
  return {
    ...base,
    levels: incumbent.levels,
    proven: false,
    upperBound: relaxation.bound,
    coreEpics: largestCore,
    infeasible: false,
  };
}

/**
 * The branch and bound's iterations are capped so that iterations × rows × columns stays under
 * this (about 1.5 s of CPU on this machine): each iteration copies the tableau and pivots on
 * it, so the cap bounds the time on big cores deterministically (no clock), where
 * `maxIterations` alone would allow minutes.
 */
const RESTRICTED_SEARCH_WORK = 1.5e8;
/** The same for the full search, the one that proves: about 6 s of CPU here at most. */
const FULL_SEARCH_WORK = 6e8;

/** At most this many integer programs per plan (each bounded by MAX_CORE_* and its work). */
const MAX_SEARCHES = 12;

/** Restricted searches start at the gap between bound and incumbent divided by this. */
const RESTRICTED_SLACK_DIVISOR = 64;

interface CoreSearch {
  /** Searched: every plan of kept options was weighed (the best is now the incumbent, if any exists). */
  readonly status: 'searched' | 'too-big' | 'unfinished';
  readonly coreEpics: number;
}

/**
 * Keeps the options that can be part of a plan retaining more than `threshold` (all when null),
 * and searches the plans made of them: the groups left with one option are fixed, the others
 * (the core) go to the integer program. Its plan, if better, becomes the incumbent.
 */
function searchCore(
  model: BudgetModel,
  groups: OptionGroups,
  relaxation: GroupRelaxation,
  threshold: number | null,
  incumbent: Incumbent,
  work: number,
): CoreSearch {
  const kept = keptOptions(model, groups, relaxation.prices, relaxation.bound, threshold);
  const core: number[] = [];
  let coreEpics = 0;
  let coreOptions = 0;
  const chosen = new Int32Array(groups.count);
  for (let group = 0; group < groups.count; group += 1) {
    let open = 0;
    for (
      let option = (groups.optionStart[group + 1] ?? 0) - 1;
      option >= (groups.optionStart[group] ?? 0);
      option -= 1
    ) {
      if (kept[option] === 1) {
        open += 1;
        chosen[group] = option;
      }
    }
    // No plan of kept options exists.
    if (open === 0) return { status: 'searched', coreEpics: 0 };
    if (open > 1) {
      core.push(group);
      coreEpics += (groups.epicStart[group + 1] ?? 0) - (groups.epicStart[group] ?? 0);
      coreOptions += open;
    }
  }
  if (coreEpics > MAX_CORE_EPICS || coreOptions > MAX_CORE_OPTIONS) return { status: 'too-big', coreEpics };
  if (searchCoreExactly(model, groups, core, kept, chosen, incumbent))
    return { status: 'searched', coreEpics };
  // Too big to search exactly: yalps looks for a better plan. Its answers, in floating point with
  // tolerances, prove nothing (rounding has declared the branch of the best plan infeasible), so
  // its plan only counts once re-checked in integers, and the search stays unfinished.
  if (solveCore(model, groups, core, kept, chosen, work)) {
    const plan = levelsOfOptions(model, groups, chosen);
    if (isFeasiblePlan(model, plan)) consider(model, incumbent, plan);
  }
  return { status: 'unfinished', coreEpics };
}

/** Partial plans the exact search of a core may visit before yalps takes over (about 0.1 s). */
const EXACT_CORE_NODES = 200_000;

/**
 * The core searched in exact arithmetic (`exactCoreSearch`): a plan it finds becomes the incumbent,
 * and its "none better" is a proof. False when the search is over its node limit, or when the
 * plan it found breaks a link to a fixed epic (a link it does not see): then yalps decides.
 */
function searchCoreExactly(
  model: BudgetModel,
  groups: OptionGroups,
  core: readonly number[],
  kept: Uint8Array,
  chosen: Int32Array,
  incumbent: Incumbent,
): boolean {
  const fixed = fixedPart(model, groups, core, chosen);
  const coreGroupOf = new Map<number, number>();
  for (const group of core) coreGroupOf.set(groups.epics[groups.epicStart[group] ?? 0] ?? 0, group);
  const links: [number, number][] = [];
  for (const [blocker, blocked] of groups.looseLinks) {
    const from = coreGroupOf.get(blocker);
    const to = coreGroupOf.get(blocked);
    if (from !== undefined && to !== undefined) links.push([from, to]);
  }
  const result = exactCoreSearch({
    groups,
    core,
    kept,
    caps: model.caps.map((cap, p) => cap - (fixed.spend[p] ?? 0)),
    floors: model.floors.map((floor, f) => floor - (fixed.funding[f] ?? 0)),
    links,
    atLeast: incumbent.value + 1 - fixed.value,
    nodeLimit: EXACT_CORE_NODES,
  });
  if (result.status === 'over-limit') return false;
  if (result.options === null) return true;
  const options = result.options;
  const proposal = Int32Array.from(chosen);
  core.forEach((group, at) => (proposal[group] = options[at] ?? 0));
  const plan = levelsOfOptions(model, groups, proposal);
  if (!isFeasiblePlan(model, plan)) return false;
  consider(model, incumbent, plan);
  return true;
}

/** What the groups outside the core spend, fund and retain with their one kept option. */
function fixedPart(model: BudgetModel, groups: OptionGroups, core: readonly number[], chosen: Int32Array) {
  const periodCount = model.caps.length;
  const floorCount = model.floors.length;
  const inCore = new Uint8Array(groups.count);
  for (const group of core) inCore[group] = 1;
  const spend = new Array<number>(periodCount).fill(0);
  const funding = new Array<number>(floorCount).fill(0);
  let value = 0;
  for (let group = 0; group < groups.count; group += 1) {
    if (inCore[group] === 1) continue;
    const option = chosen[group] ?? 0;
    value += groups.value[option] ?? 0;
    for (let p = 0; p < periodCount; p += 1)
      spend[p] = (spend[p] ?? 0) + (groups.spend[option * periodCount + p] ?? 0);
    for (let f = 0; f < floorCount; f += 1)
      funding[f] = (funding[f] ?? 0) + (groups.funding[option * floorCount + f] ?? 0);
  }
  return { spend, funding, value };
}

/**
 * The integer program of the core groups (one binary per kept option, one option per group),
 * with the other groups' spend and funding moved to the right. Writes the options it chooses
 * into `chosen`; false when yalps chose none.
 */
function solveCore(
  model: BudgetModel,
  groups: OptionGroups,
  core: readonly number[],
  kept: Uint8Array,
  chosen: Int32Array,
  work: number,
): boolean {
  const { caps, floors, maxIterations, solverTimeoutMs, levels: levelCount } = model;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const { spend: fixedSpend, funding: fixedFunding } = fixedPart(model, groups, core, chosen);
  const optionsOf = (group: number): number[] => keptOptionsOf(groups, kept, group);
  // Scaled to about 1 so that the solver's float tolerances are relative; checked exactly after.
  let valueScale = 1;
  let spendScale = 1;
  for (const group of core) {
    for (const option of optionsOf(group)) {
      valueScale = Math.max(valueScale, Math.abs(groups.value[option] ?? 0));
      for (let p = 0; p < periodCount; p += 1)
        spendScale = Math.max(spendScale, groups.spend[option * periodCount + p] ?? 0);
    }
  }
  const constraints: [string, Constraint][] = [];
  caps.forEach((cap, p) => constraints.push([`c${p}`, { max: (cap - (fixedSpend[p] ?? 0)) / spendScale }]));
  floors.forEach((floor, f) =>
    constraints.push([`f${f}`, { min: (floor - (fixedFunding[f] ?? 0)) / spendScale }]),
  );
  for (const group of core) constraints.push([`g${group}`, { equal: 1 }]);
  // Loose links between two core epics (single-epic groups: option = level):
  // level(blocked) >= level(blocker) as, for each threshold k, [blocked >= k] - [blocker >= k] >= 0.
  const groupOf = new Map<number, number>();
  for (const group of core) groupOf.set(groups.epics[groups.epicStart[group] ?? 0] ?? 0, group);
  const linksOf = new Map<number, { link: number; sign: number }[]>();
  let linkCount = 0;
  for (const [blocker, blocked] of groups.looseLinks) {
    const from = groupOf.get(blocker);
    const to = groupOf.get(blocked);
    if (from === undefined || to === undefined) continue;
    const link = linkCount++;
    linksOf.set(from, [...(linksOf.get(from) ?? []), { link, sign: -1 }]);
    linksOf.set(to, [...(linksOf.get(to) ?? []), { link, sign: 1 }]);
    for (let threshold = 1; threshold < levelCount; threshold += 1)
      constraints.push([`d${link}_${threshold}`, { min: 0 }]);
  }
  const variables: [number, Coefficients][] = [];
  for (const group of core) {
    for (const option of optionsOf(group)) {
      const coefficients: [string, number][] = [
        ['npv', (groups.value[option] ?? 0) / valueScale],
        [`g${group}`, 1],
      ];
      for (let p = 0; p < periodCount; p += 1)
        coefficients.push([`c${p}`, (groups.spend[option * periodCount + p] ?? 0) / spendScale]);
      for (let f = 0; f < floorCount; f += 1)
        coefficients.push([`f${f}`, (groups.funding[option * floorCount + f] ?? 0) / spendScale]);
      const level = groups.optionLevels[groups.levelStart[option] ?? 0] ?? 0;
      for (const { link, sign } of linksOf.get(group) ?? []) {
        for (let threshold = 1; threshold <= level; threshold += 1)
          coefficients.push([`d${link}_${threshold}`, sign]);
      }
      variables.push([option, coefficients]);
    }
  }
  const solution = solve(
    { direction: 'maximize', objective: 'npv', constraints, variables, binaries: true },
    // At 1e-9 float noise in the scaled tableau reads as fractional and branch and bound never
    // closes (a 3-epic core timed out); 1e-7 is relative to coefficients scaled to about 1.
    {
      maxIterations: Math.max(
        1,
        Math.min(maxIterations, Math.floor(work / (constraints.length * variables.length))),
      ),
      maxPivots: 1_000_000,
      precision: 1e-7,
      // Only callers with a deadline (the efficient frontier) set it: it reads the clock, so a
      // proof may then depend on the machine's load.
      timeout: solverTimeoutMs,
    },
  );
  const picked = new Set(solution.variables.filter(([, amount]) => amount > 0.5).map(([option]) => option));
  let assigned = true;
  for (const group of core) {
    const option = optionsOf(group).find((candidate) => picked.has(candidate));
    if (option === undefined) assigned = false;
    else chosen[group] = option;
  }
  return assigned;
}
