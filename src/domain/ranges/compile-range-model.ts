import { DomainInvariantError } from '../assert';
import { benefitSignOf } from '../model/benefit';
import { monthIndexOf } from '../time/year-month';
import { NO_EPIC_RANGES, resolveEpicRanges } from './estimates';
import {
  BENEFIT,
  COST,
  METRICS,
  NPV,
  TARGET,
  TRIANGLE_FIELDS,
  TWO_TO_31,
  type CompiledModel,
} from './range-model';
import type { RangeScope, RangeSimulationInput } from './range-simulation';
import type { ThreePoint } from './triangular';

function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new DomainInvariantError(message);
}

/**
 * A range packed for the draws (see TRIANGLE_FIELDS); no spread (high <= low) becomes the point
 * `likely`, as `triangularQuantile` answers.
 */
function packTriangle(into: number[], { low, likely, high }: ThreePoint): void {
  const width = high - low;
  if (width <= 0) {
    into.push(likely, likely, 0, 0, 0, likely);
    return;
  }
  const below = likely - low;
  into.push(low, high, below / width, width * below, width * (high - likely), likely);
}

/** Horizon months: the simulation's horizon first, then each scope target's month once. */
function horizonsOf(input: RangeSimulationInput): { months: number[]; scopeTargetHorizon: Int32Array } {
  const months = [monthIndexOf(input.horizon)];
  const scopeTargetHorizon = new Int32Array(input.scopes.length).fill(-1);
  input.scopes.forEach((scope, index) => {
    if (scope.target === null) return;
    const month = monthIndexOf(scope.target.month);
    const known = months.indexOf(month);
    scopeTargetHorizon[index] = known >= 0 ? known : months.push(month) - 1;
  });
  return { months, scopeTargetHorizon };
}

/** Each epic's scope memberships, flat: epic e's are `start[e] .. start[e + 1] - 1`, in scope order. */
interface Memberships {
  readonly start: Int32Array;
  readonly scope: Int32Array;
  readonly weight: Float64Array;
}

function membershipsByEpic(
  scopes: readonly RangeScope[],
  epicIndex: ReadonlyMap<string, number>,
): Memberships {
  const start = new Int32Array(epicIndex.size + 1);
  for (const scope of scopes) {
    for (const member of scope.members) {
      const e = epicIndex.get(member.epicKey);
      // Checked before the messages are built: a template per member is dear at 50,000 epics.
      if (e === undefined) {
        invariant(false, `Scope ${scope.id} names epic ${member.epicKey}, which is not simulated.`);
      }
      if (!(member.weight > 0 && member.weight <= 1)) {
        invariant(false, `Scope ${scope.id}: weights must be in (0, 1].`);
      }
      start[e + 1] = (start[e + 1] ?? 0) + 1;
    }
  }
  for (let e = 0; e < epicIndex.size; e += 1) start[e + 1] = (start[e + 1] ?? 0) + (start[e] ?? 0);
  const next = start.slice(0, epicIndex.size);
  const scope = new Int32Array(start[epicIndex.size] ?? 0);
  const weight = new Float64Array(scope.length);
  scopes.forEach((range, s) => {
    for (const member of range.members) {
      const e = epicIndex.get(member.epicKey) ?? 0;
      const at = next[e] ?? 0;
      scope[at] = s;
      weight[at] = member.weight;
      next[e] = at + 1;
    }
  });
  return { start, scope, weight };
}

/**
 * The open epics' figures, in input order, as flat arrays (see CompiledModel, whose fields these
 * become once reordered by group).
 */
class OpenEpics {
  readonly epic: number[] = [];
  readonly successThreshold: number[] = [];
  readonly futureCost: number[] = [];
  readonly futureCostPv: number[] = [];
  readonly costTriangle: number[] = [];
  readonly benefitEnd: number[] = [];
  readonly benefitPv: number[] = [];
  readonly benefitTriangle: number[] = [];
  readonly benefitByHorizon: number[] = [];
}

/**
 * Compiles `input` for `drawRangeBlock`: every epic reduced, in one pass and without a figures
 * object per epic, to the numbers its draws need. What every epic has settled by as-of is summed
 * into `settledSums`; the epics with something after it are grouped by their memberships (same
 * scopes, same weights; groups in order of first epic, epics in input order within a group).
 */
export function compileModel(input: RangeSimulationInput): CompiledModel {
  const { epics, scopes } = input;
  const asOf = monthIndexOf(input.asOf);
  const { months: horizonMonths, scopeTargetHorizon } = horizonsOf(input);
  const horizons = horizonMonths.length;
  const growth = 1 + input.discountRate / 12;
  // Memoised: months repeat across epics, and a power is dear when 50,000 epics are compiled.
  const discountByMonth = new Map<number, number>();
  const discount = (month: number) => {
    let factor = discountByMonth.get(month);
    if (factor === undefined) {
      factor = growth ** (asOf - month);
      discountByMonth.set(month, factor);
    }
    return factor;
  };
  const epicIndex = new Map<string, number>();
  epics.forEach((epic, e) => {
    if (epicIndex.has(epic.key)) invariant(false, `Epic ${epic.key} is listed twice.`);
    epicIndex.set(epic.key, e);
  });
  const memberships = membershipsByEpic(scopes, epicIndex);
  const settledSums = new Float64Array(scopes.length * METRICS);
  const groupIds = new Map<string, number>();
  const groupMembers: number[] = [];
  const groupOfOpen: number[] = [];
  const open = new OpenEpics();
  const realised = new Float64Array(horizons);
  const planned = new Float64Array(horizons);

  epics.forEach((epic, e) => {
    const ranges = resolveEpicRanges({
      epic,
      ranges: input.rangesByEpic.get(epic.key) ?? epic.value.ranges ?? NO_EPIC_RANGES,
      asOf: input.asOf,
    });
    let pastNpv = 0;
    let actualCost = 0;
    let futureCost = 0;
    let futureCostPv = 0;
    realised.fill(0);
    for (const cost of epic.value.costs.actual) {
      const month = monthIndexOf(cost.month);
      if (month > asOf) continue;
      actualCost += cost.amount;
      pastNpv -= cost.amount * discount(month);
    }
    for (const cost of epic.value.costs.planned) {
      const month = monthIndexOf(cost.month);
      if (month <= asOf) continue;
      futureCost += cost.amount;
      futureCostPv += cost.amount * discount(month);
    }
    const benefitsFrom = open.benefitPv.length;
    epic.value.benefits.forEach((item, position) => {
      // A dis-benefit counts against the benefits, as in the point KPIs; its drawn multiple
      // scales its size, so a dis-benefit drawn larger lowers the NPV.
      const sign = benefitSignOf(item.kind);
      for (const entry of item.realised) {
        const month = monthIndexOf(entry.month);
        if (month > asOf) continue;
        const amount = sign * entry.amount;
        pastNpv += amount * discount(month);
        for (let h = 0; h < horizons; h += 1) {
          if (month <= (horizonMonths[h] ?? 0)) realised[h] = (realised[h] ?? 0) + amount;
        }
      }
      let pv = 0;
      let isPlanned = false;
      planned.fill(0);
      for (const entry of item.planned) {
        const month = monthIndexOf(entry.month);
        if (month <= asOf || entry.amount === 0) continue;
        const amount = sign * entry.amount;
        isPlanned = true;
        pv += amount * discount(month);
        for (let h = 0; h < horizons; h += 1) {
          if (month <= (horizonMonths[h] ?? 0)) planned[h] = (planned[h] ?? 0) + amount;
        }
      }
      // A benefit with nothing planned after as-of is the same in every draw: no multiple to draw.
      if (!isPlanned) return;
      open.benefitPv.push(pv);
      for (let h = 0; h < horizons; h += 1) open.benefitByHorizon.push(planned[h] ?? 0);
      packTriangle(
        open.benefitTriangle,
        ranges.benefits[position]?.factors ?? { low: 1, likely: 1, high: 1 },
      );
    });
    const from = memberships.start[e] ?? 0;
    const to = memberships.start[e + 1] ?? 0;
    // What is settled by as-of (realised benefit, actual cost, their NPV) is the same in every
    // draw: summed into the scopes once, for every epic.
    for (let m = from; m < to; m += 1) {
      const at = (memberships.scope[m] ?? 0) * METRICS;
      const weight = memberships.weight[m] ?? 0;
      const target = scopeTargetHorizon[memberships.scope[m] ?? 0] ?? -1;
      settledSums[at + NPV] = (settledSums[at + NPV] ?? 0) + weight * pastNpv;
      settledSums[at + BENEFIT] = (settledSums[at + BENEFIT] ?? 0) + weight * (realised[0] ?? 0);
      settledSums[at + COST] = (settledSums[at + COST] ?? 0) + weight * actualCost;
      if (target >= 0) {
        settledSums[at + TARGET] = (settledSums[at + TARGET] ?? 0) + weight * (realised[target] ?? 0);
      }
    }
    // Nothing after as-of (most done epics): nothing to draw.
    if (futureCost === 0 && open.benefitPv.length === benefitsFrom) return;
    let signature = '';
    for (let m = from; m < to; m += 1) {
      signature += `${String(memberships.scope[m])}:${String(memberships.weight[m])} `;
    }
    let g = groupIds.get(signature);
    if (g === undefined) {
      g = groupIds.size;
      groupIds.set(signature, g);
      groupMembers.push(e);
    }
    groupOfOpen.push(g);
    open.epic.push(e);
    open.successThreshold.push(Math.ceil(epic.value.successProbability * TWO_TO_31));
    open.futureCost.push(futureCost);
    open.futureCostPv.push(futureCostPv);
    packTriangle(open.costTriangle, ranges.costOverrun.factors);
    open.benefitEnd.push(open.benefitPv.length);
  });
  return groupedModel(open, groupOfOpen, groupMembers, memberships, {
    horizons,
    scopeTargetHorizon,
    settledSums,
  });
}

/**
 * The model with the open epics reordered by group (a stable counting sort, so epics keep their
 * input order within a group), each group's memberships listed once.
 */
function groupedModel(
  open: OpenEpics,
  groupOfOpen: readonly number[],
  groupFirstEpic: readonly number[],
  memberships: Memberships,
  shape: { horizons: number; scopeTargetHorizon: Int32Array; settledSums: Float64Array },
): CompiledModel {
  const { horizons } = shape;
  const groupCount = groupFirstEpic.length;
  const openCount = open.epic.length;
  const groupStart = new Int32Array(groupCount + 1);
  for (const g of groupOfOpen) groupStart[g + 1] = (groupStart[g + 1] ?? 0) + 1;
  for (let g = 0; g < groupCount; g += 1) groupStart[g + 1] = (groupStart[g + 1] ?? 0) + (groupStart[g] ?? 0);
  const order = new Int32Array(openCount);
  const next = groupStart.slice(0, groupCount);
  groupOfOpen.forEach((g, i) => {
    order[next[g] ?? 0] = i;
    next[g] = (next[g] ?? 0) + 1;
  });

  const streamIndex = new Int32Array(openCount);
  const successThreshold = new Float64Array(openCount);
  const futureCost = new Float64Array(openCount);
  const futureCostPv = new Float64Array(openCount);
  const costTriangle = new Float64Array(openCount * TRIANGLE_FIELDS);
  const benefitStart = new Int32Array(openCount + 1);
  const benefitCount = open.benefitPv.length;
  const benefitPv = new Float64Array(benefitCount);
  const benefitTriangle = new Float64Array(benefitCount * TRIANGLE_FIELDS);
  const benefitByHorizon = new Float64Array(benefitCount * horizons);
  let benefitAt = 0;
  order.forEach((i, position) => {
    streamIndex[position] = (open.epic[i] ?? 0) + 1;
    successThreshold[position] = open.successThreshold[i] ?? 0;
    futureCost[position] = open.futureCost[i] ?? 0;
    futureCostPv[position] = open.futureCostPv[i] ?? 0;
    for (let f = 0; f < TRIANGLE_FIELDS; f += 1) {
      costTriangle[position * TRIANGLE_FIELDS + f] = open.costTriangle[i * TRIANGLE_FIELDS + f] ?? 0;
    }
    for (let b = i === 0 ? 0 : (open.benefitEnd[i - 1] ?? 0); b < (open.benefitEnd[i] ?? 0); b += 1) {
      benefitPv[benefitAt] = open.benefitPv[b] ?? 0;
      for (let f = 0; f < TRIANGLE_FIELDS; f += 1) {
        benefitTriangle[benefitAt * TRIANGLE_FIELDS + f] = open.benefitTriangle[b * TRIANGLE_FIELDS + f] ?? 0;
      }
      for (let h = 0; h < horizons; h += 1) {
        benefitByHorizon[benefitAt * horizons + h] = open.benefitByHorizon[b * horizons + h] ?? 0;
      }
      benefitAt += 1;
    }
    benefitStart[position + 1] = benefitAt;
  });

  const groupMemberStart = new Int32Array(groupCount + 1);
  groupFirstEpic.forEach((e, g) => {
    groupMemberStart[g + 1] =
      (groupMemberStart[g] ?? 0) + (memberships.start[e + 1] ?? 0) - (memberships.start[e] ?? 0);
  });
  const memberScope = new Int32Array(groupMemberStart[groupCount] ?? 0);
  const memberWeight = new Float64Array(memberScope.length);
  groupFirstEpic.forEach((e, g) => {
    const from = memberships.start[e] ?? 0;
    const at = groupMemberStart[g] ?? 0;
    memberScope.set(memberships.scope.subarray(from, memberships.start[e + 1] ?? 0), at);
    memberWeight.set(memberships.weight.subarray(from, memberships.start[e + 1] ?? 0), at);
  });
  return {
    epicCount: openCount,
    streamIndex,
    successThreshold,
    futureCost,
    futureCostPv,
    costTriangle,
    benefitStart,
    benefitPv,
    benefitTriangle,
    benefitByHorizon,
    horizons,
    groupCount,
    groupStart,
    groupMemberStart,
    memberScope,
    memberWeight,
    scopeTargetHorizon: shape.scopeTargetHorizon,
    settledSums: shape.settledSums,
  };
}
