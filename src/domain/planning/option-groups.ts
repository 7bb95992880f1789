import type { BudgetModel } from './budget-model';

/** Components of the links with at most this many epics are merged into one group of joint options. */
export const MAX_GROUP_EPICS = 3;

/**
 * The budget-cut problem as a multiple-choice knapsack: each group (an epic without links, or a
 * small component of linked epics) takes exactly one of its options (a level for each of its
 * epics that keeps the links between them), under the caps and floors. Inside a group the links
 * hold by construction, so the relaxation and the bounds keep them; only links of components too
 * big to merge stay outside (`looseLinks`), between single-epic groups.
 *
 * Flat typed arrays: options of group g are `optionStart[g] .. optionStart[g + 1] - 1`; the
 * epics of group g are `epics[epicStart[g] .. epicStart[g + 1] - 1]`, and option o gives them
 * the levels `optionLevels[levelStart[o] ..]` in the same order.
 */
export interface OptionGroups {
  readonly count: number;
  readonly optionStart: Int32Array;
  readonly epicStart: Int32Array;
  readonly epics: Int32Array;
  readonly levelStart: Int32Array;
  readonly optionLevels: Int32Array;
  readonly value: Float64Array;
  /** `spend[o * periods + p]`. */
  readonly spend: Float64Array;
  /** `funding[o * floors + f]`. */
  readonly funding: Float64Array;
  /** Links (blocker, blocked) between epics of different groups. */
  readonly looseLinks: readonly (readonly [number, number])[];
  /** Whether a group's epics have loose links (then its options are never dropped as dominated). */
  readonly linked: Uint8Array;
}

/** The connected components of the links (blocks and blocked-by taken alike), iteratively. */
function components(model: BudgetModel): number[][] {
  const { graph } = model;
  const size = model.keys.length;
  const seen = new Uint8Array(size);
  const found: number[][] = [];
  for (let root = 0; root < size; root += 1) {
    if (seen[root] === 1) continue;
    seen[root] = 1;
    const members = [root];
    for (let next = 0; next < members.length; next += 1) {
      const epic = members[next] as number;
      for (const other of [...(graph.blocks[epic] ?? []), ...(graph.blockedBy[epic] ?? [])]) {
        if (seen[other] === 0) {
          seen[other] = 1;
          members.push(other);
        }
      }
    }
    found.push(members.sort((a, b) => a - b));
  }
  return found;
}

/** Every assignment of allowed levels to `members` that keeps the links between them. */
function jointLevels(model: BudgetModel, members: readonly number[]): number[][] {
  const { minLevel, maxLevel, graph } = model;
  const position = new Map(members.map((epic, at) => [epic, at]));
  const joint: number[][] = [];
  const current = new Array<number>(members.length).fill(0);
  const visit = (at: number): void => {
    if (at === members.length) {
      joint.push([...current]);
      return;
    }
    const epic = members[at] as number;
    for (let level = minLevel[epic] ?? 0; level <= (maxLevel[epic] ?? 0); level += 1) {
      current[at] = level;
      // Check the links to the members already placed (and a self-link, which always holds).
      const holds = [...(graph.blocks[epic] ?? [])].every((blocked) => {
        const other = position.get(blocked) ?? members.length;
        return other > at || (current[other] ?? 0) >= level;
      });
      const heldBy = [...(graph.blockedBy[epic] ?? [])].every((blocker) => {
        const other = position.get(blocker) ?? members.length;
        return other > at || level >= (current[other] ?? 0);
      });
      if (holds && heldBy) visit(at + 1);
    }
  };
  visit(0);
  return joint;
}

/**
 * Groups the model's epics: every link component of up to MAX_GROUP_EPICS epics becomes one
 * group whose options are its joint levels that keep its links; larger components are split
 * into single epics and their links kept as loose links.
 */
export function optionGroups(model: BudgetModel): OptionGroups {
  const { levels: levelCount, value, spend, funding, caps, floors, minLevel, maxLevel } = model;
  const periodCount = caps.length;
  const floorCount = floors.length;
  const groupMembers: number[][] = [];
  const groupOptions: number[][][] = [];
  const looseLinks: [number, number][] = [];
  const single = (epic: number): number[][] => {
    const options: number[][] = [];
    for (let level = minLevel[epic] ?? 0; level <= (maxLevel[epic] ?? 0); level += 1) options.push([level]);
    return options;
  };
  for (const members of components(model)) {
    const joint = members.length <= MAX_GROUP_EPICS ? jointLevels(model, members) : [];
    if (members.length === 1 || joint.length > 0) {
      groupMembers.push(members);
      groupOptions.push(members.length === 1 ? single(members[0] as number) : joint);
      continue;
    }
    // Too big to merge (or no joint choice: then the search proves the whole infeasible).
    for (const epic of members) {
      groupMembers.push([epic]);
      groupOptions.push(single(epic));
      for (const blocked of model.graph.blocks[epic] ?? []) {
        if (blocked !== epic) looseLinks.push([epic, blocked]);
      }
    }
  }
  const count = groupMembers.length;
  const optionCount = groupOptions.reduce((sum, options) => sum + options.length, 0);
  const levelTotal = groupOptions.reduce(
    (sum, options, group) => sum + options.length * (groupMembers[group]?.length ?? 0),
    0,
  );
  const groups = {
    count,
    optionStart: new Int32Array(count + 1),
    epicStart: new Int32Array(count + 1),
    epics: new Int32Array(model.keys.length),
    levelStart: new Int32Array(optionCount + 1),
    optionLevels: new Int32Array(levelTotal),
    value: new Float64Array(optionCount),
    spend: new Float64Array(optionCount * periodCount),
    funding: new Float64Array(optionCount * floorCount),
    looseLinks,
    linked: new Uint8Array(count),
  };
  const hasLooseLink = new Uint8Array(model.keys.length);
  for (const [blocker, blocked] of looseLinks) hasLooseLink[blocker] = hasLooseLink[blocked] = 1;
  let option = 0;
  let epicAt = 0;
  let levelAt = 0;
  groupMembers.forEach((members, group) => {
    groups.optionStart[group] = option;
    groups.epicStart[group] = epicAt;
    for (const epic of members) {
      groups.epics[epicAt++] = epic;
      if (hasLooseLink[epic] === 1) groups.linked[group] = 1;
    }
    for (const joint of groupOptions[group] ?? []) {
      groups.levelStart[option] = levelAt;
      joint.forEach((level, at) => {
        groups.optionLevels[levelAt++] = level;
        const cell = (members[at] as number) * levelCount + level;
        groups.value[option] = (groups.value[option] ?? 0) + (value[cell] ?? 0);
        for (let p = 0; p < periodCount; p += 1)
          groups.spend[option * periodCount + p] =
            (groups.spend[option * periodCount + p] ?? 0) + (spend[cell * periodCount + p] ?? 0);
        for (let f = 0; f < floorCount; f += 1)
          groups.funding[option * floorCount + f] =
            (groups.funding[option * floorCount + f] ?? 0) + (funding[cell * floorCount + f] ?? 0);
      });
      option += 1;
    }
  });
  groups.optionStart[count] = option;
  groups.epicStart[count] = epicAt;
  groups.levelStart[option] = levelAt;
  return groups;
}

/**
 * Whether option `a` dominates option `b`: retains at least as much NPV, spends no more in any
 * cap period and funds each floor at least as much.
 */
export function dominates(
  groups: OptionGroups,
  periodCount: number,
  floorCount: number,
  a: number,
  b: number,
) {
  if ((groups.value[a] ?? 0) < (groups.value[b] ?? 0)) return false;
  for (let p = 0; p < periodCount; p += 1)
    if ((groups.spend[a * periodCount + p] ?? 0) > (groups.spend[b * periodCount + p] ?? 0)) return false;
  for (let f = 0; f < floorCount; f += 1)
    if ((groups.funding[a * floorCount + f] ?? 0) < (groups.funding[b * floorCount + f] ?? 0)) return false;
  return true;
}

/** The options of `group` that `kept` marks (1), in option order. */
export function keptOptionsOf(groups: OptionGroups, kept: Uint8Array, group: number): number[] {
  const options: number[] = [];
  for (
    let option = groups.optionStart[group] ?? 0;
    option < (groups.optionStart[group + 1] ?? 0);
    option += 1
  )
    if (kept[option] === 1) options.push(option);
  return options;
}
