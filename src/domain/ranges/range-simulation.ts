import { DomainInvariantError } from '../assert';
import type { Epic } from '../model/epic';
import { benefitSignOf } from '../model/benefit';
import type { MinorUnits } from '../money/minor-units';
import { monthIndexOf, type YearMonth } from '../time/year-month';
import { NO_EPIC_RANGES, resolveEpicRanges, type EpicRanges } from './estimates';
import { drawRangeBlock } from './range-draws';
import {
  MAX_RANGE_EPICS,
  METRICS,
  NPV,
  BENEFIT,
  COST,
  TARGET,
  TWO_TO_31,
  GROUP_BENEFIT,
  GROUP_COST,
  GROUP_NPV,
  groupSlots,
  type CompiledModel,
  type DrawBlock,
  type RangeModel,
  type ScopeDraws,
} from './range-model';
import type { ThreePoint } from './triangular';

export { drawRangeBlock } from './range-draws';
export type { CompiledModel, DrawBlock, RangeModel, ScopeDraws } from './range-model';

/**
 * A set of epics to report ranges for: the portfolio, a programme, a project (weight 1 each), or
 * an objective (each linked epic weighted by its attribution share).
 */
export interface RangeScope {
  readonly id: string;
  readonly members: readonly { readonly epicKey: string; readonly weight: number }[];
  /** An objective's target: attributed benefit realised by the end of `month` reaches `amount`. */
  readonly target: { readonly amount: MinorUnits; readonly month: YearMonth } | null;
}

export interface RangeSimulationInput {
  readonly epics: readonly Epic[];
  /** Entered ranges by epic key, over the epic's own `value.ranges`; with neither, every default. */
  readonly rangesByEpic: ReadonlyMap<string, EpicRanges>;
  readonly scopes: readonly RangeScope[];
  /** Realised benefits and actual costs up to this month are facts; later months are drawn. */
  readonly asOf: YearMonth;
  /** "Benefit realised by a horizon" counts benefit dated up to this month, inclusive. */
  readonly horizon: YearMonth;
  /** Annual, as a decimal (0.08), applied monthly as in `npv`. */
  readonly discountRate: number;
  /** Number of simulated portfolios, 1 to 1,000,000. */
  readonly draws: number;
  /** Any integer from 0 to 2^32 - 1; part of the result. */
  readonly seed: number;
  /** The common shock, 0 (independent epics) to 1 (every epic at the same quantile). */
  readonly correlation: number;
}

export const MAX_RANGE_DRAWS = 1_000_000;

function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new DomainInvariantError(message);
}

function checkInput(input: RangeSimulationInput): void {
  invariant(
    Number.isInteger(input.draws) && input.draws >= 1 && input.draws <= MAX_RANGE_DRAWS,
    'Expected draws to be a whole number from 1 to 1,000,000.',
  );
  invariant(
    Number.isInteger(input.seed) && input.seed >= 0 && input.seed <= 0xffff_ffff,
    'Expected the seed to be a whole number from 0 to 4294967295.',
  );
  invariant(
    input.correlation >= 0 && input.correlation <= 1,
    'Expected the correlation to be between 0 and 1.',
  );
  invariant(
    input.discountRate >= 0 && input.discountRate <= 1,
    'Expected an annual discount rate between 0 and 1 (0.08 for 8%).',
  );
  invariant(input.epics.length <= MAX_RANGE_EPICS, 'Expected at most 1,000,000 epics.');
}

/**
 * A range packed for the draws (see TRIANGLE_FIELDS); no spread (high <= low) becomes the point
 * `likely`, as `triangularQuantile` answers.
 */
function packTriangle(into: number[], { low, likely, high }: ThreePoint): void {
  const width = high - low;
  if (width <= 0) {
    into.push(likely, likely, 0, 0, 0, 0);
    return;
  }
  const below = likely - low;
  into.push(low, high, width, Math.ceil((below / width) * TWO_TO_31), width * below, width * (high - likely));
}

/** One epic as the draws see it, before it is known whether anything is left to draw. */
interface EpicFigures {
  probability: number;
  pastNpv: number;
  actualCost: number;
  futureCost: number;
  futureCostPv: number;
  cost: ThreePoint;
  /** Benefits with something planned after as-of. */
  benefits: { pv: number; byHorizon: number[]; factors: ThreePoint }[];
  realisedByHorizon: number[];
}

function epicFigures(
  input: RangeSimulationInput,
  epic: Epic,
  horizonMonths: readonly number[],
  asOf: number,
  discount: (month: number) => number,
): EpicFigures {
  const ranges = resolveEpicRanges({
    epic,
    ranges: input.rangesByEpic.get(epic.key) ?? epic.value.ranges ?? NO_EPIC_RANGES,
    asOf: input.asOf,
  });
  const figures: EpicFigures = {
    probability: epic.value.successProbability,
    pastNpv: 0,
    actualCost: 0,
    futureCost: 0,
    futureCostPv: 0,
    cost: ranges.costOverrun.factors,
    benefits: [],
    realisedByHorizon: horizonMonths.map(() => 0),
  };
  for (const cost of epic.value.costs.actual) {
    const month = monthIndexOf(cost.month);
    if (month > asOf) continue;
    figures.actualCost += cost.amount;
    figures.pastNpv -= cost.amount * discount(month);
  }
  for (const cost of epic.value.costs.planned) {
    const month = monthIndexOf(cost.month);
    if (month <= asOf) continue;
    figures.futureCost += cost.amount;
    figures.futureCostPv += cost.amount * discount(month);
  }
  epic.value.benefits.forEach((item, position) => {
    // A dis-benefit counts against the benefits, as in the point KPIs; its drawn multiple
    // scales its size, so a dis-benefit drawn larger lowers the NPV.
    const sign = benefitSignOf(item.kind);
    for (const entry of item.realised) {
      const month = monthIndexOf(entry.month);
      if (month > asOf) continue;
      const amount = sign * entry.amount;
      figures.pastNpv += amount * discount(month);
      horizonMonths.forEach((horizon, h) => {
        if (month <= horizon) figures.realisedByHorizon[h] = (figures.realisedByHorizon[h] ?? 0) + amount;
      });
    }
    const future = { pv: 0, byHorizon: horizonMonths.map(() => 0), planned: false };
    for (const entry of item.planned) {
      const month = monthIndexOf(entry.month);
      if (month <= asOf || entry.amount === 0) continue;
      const amount = sign * entry.amount;
      future.planned = true;
      future.pv += amount * discount(month);
      horizonMonths.forEach((horizon, h) => {
        if (month <= horizon) future.byHorizon[h] = (future.byHorizon[h] ?? 0) + amount;
      });
    }
    // A benefit with nothing planned after as-of is the same in every draw: no multiple to draw.
    if (!future.planned) return;
    const factors = ranges.benefits[position]?.factors ?? { low: 1, likely: 1, high: 1 };
    figures.benefits.push({ pv: future.pv, byHorizon: future.byHorizon, factors });
  });
  return figures;
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

function compileModel(input: RangeSimulationInput): CompiledModel {
  checkInput(input);
  const { epics, scopes } = input;
  const asOf = monthIndexOf(input.asOf);
  const { months: horizonMonths, scopeTargetHorizon } = horizonsOf(input);
  const horizons = horizonMonths.length;
  const slots = groupSlots(horizons);
  const growth = 1 + input.discountRate / 12;
  const discount = (month: number) => growth ** (asOf - month);
  const epicIndex = new Map<string, number>();
  epics.forEach((epic, e) => {
    invariant(!epicIndex.has(epic.key), `Epic ${epic.key} is listed twice.`);
    epicIndex.set(epic.key, e);
  });
  const memberships = membershipsByEpic(scopes, epicIndex, epics.length);
  const settledSums = new Float64Array(scopes.length * METRICS);
  const groupIds = new Map<string, number>();
  const groups: {
    members: { scope: number; weight: number }[];
    epics: { e: number; figures: EpicFigures }[];
  }[] = [];

  epics.forEach((epic, e) => {
    const figures = epicFigures(input, epic, horizonMonths, asOf, discount);
    const members = memberships[e] ?? [];
    if (figures.futureCost === 0 && figures.benefits.length === 0) {
      // Nothing after as-of (most done epics): the same figures in every draw, summed once.
      for (const { scope, weight } of members) {
        const at = scope * METRICS;
        const target = scopeTargetHorizon[scope] ?? -1;
        settledSums[at + NPV] = (settledSums[at + NPV] ?? 0) + weight * figures.pastNpv;
        settledSums[at + BENEFIT] =
          (settledSums[at + BENEFIT] ?? 0) + weight * (figures.realisedByHorizon[0] ?? 0);
        settledSums[at + COST] = (settledSums[at + COST] ?? 0) + weight * figures.actualCost;
        if (target >= 0)
          settledSums[at + TARGET] =
            (settledSums[at + TARGET] ?? 0) + weight * (figures.realisedByHorizon[target] ?? 0);
      }
      return;
    }
    const signature = members.map(({ scope, weight }) => `${String(scope)}:${String(weight)}`).join(' ');
    let g = groupIds.get(signature);
    if (g === undefined) {
      g = groups.push({ members, epics: [] }) - 1;
      groupIds.set(signature, g);
    }
    groups[g]?.epics.push({ e, figures });
  });

  const open = {
    streamIndex: [] as number[],
    successThreshold: [] as number[],
    futureCost: [] as number[],
    futureCostPv: [] as number[],
    costTriangle: [] as number[],
    benefitStart: [0],
    benefitPv: [] as number[],
    benefitTriangle: [] as number[],
    benefitByHorizon: [] as number[],
  };
  const groupStart = [0];
  const groupBase = new Float64Array(groups.length * slots);
  const groupMemberStart = [0];
  const memberScope: number[] = [];
  const memberWeight: number[] = [];
  groups.forEach((group, g) => {
    for (const { e, figures } of group.epics) {
      open.streamIndex.push(e + 1);
      open.successThreshold.push(Math.ceil(figures.probability * TWO_TO_31));
      open.futureCost.push(figures.futureCost);
      open.futureCostPv.push(figures.futureCostPv);
      packTriangle(open.costTriangle, figures.cost);
      for (const benefit of figures.benefits) {
        open.benefitPv.push(benefit.pv);
        open.benefitByHorizon.push(...benefit.byHorizon);
        packTriangle(open.benefitTriangle, benefit.factors);
      }
      open.benefitStart.push(open.benefitPv.length);
      const base = g * slots;
      groupBase[base + GROUP_NPV] = (groupBase[base + GROUP_NPV] ?? 0) + figures.pastNpv;
      groupBase[base + GROUP_COST] = (groupBase[base + GROUP_COST] ?? 0) + figures.actualCost;
      figures.realisedByHorizon.forEach((realised, h) => {
        groupBase[base + GROUP_BENEFIT + h] = (groupBase[base + GROUP_BENEFIT + h] ?? 0) + realised;
      });
    }
    groupStart.push(open.streamIndex.length);
    for (const { scope, weight } of group.members) {
      memberScope.push(scope);
      memberWeight.push(weight);
    }
    groupMemberStart.push(memberScope.length);
  });
  return {
    epicCount: open.streamIndex.length,
    streamIndex: Int32Array.from(open.streamIndex),
    successThreshold: Float64Array.from(open.successThreshold),
    futureCost: Float64Array.from(open.futureCost),
    futureCostPv: Float64Array.from(open.futureCostPv),
    costTriangle: Float64Array.from(open.costTriangle),
    benefitStart: Int32Array.from(open.benefitStart),
    benefitPv: Float64Array.from(open.benefitPv),
    benefitTriangle: Float64Array.from(open.benefitTriangle),
    benefitByHorizon: Float64Array.from(open.benefitByHorizon),
    horizons,
    groupCount: groups.length,
    groupStart: Int32Array.from(groupStart),
    groupBase,
    groupMemberStart: Int32Array.from(groupMemberStart),
    memberScope: Int32Array.from(memberScope),
    memberWeight: Float64Array.from(memberWeight),
    scopeTargetHorizon,
    settledSums,
  };
}

/** Each epic's scope memberships (scope index and weight), in scope order. */
function membershipsByEpic(
  scopes: readonly RangeScope[],
  epicIndex: ReadonlyMap<string, number>,
  epicCount: number,
): { scope: number; weight: number }[][] {
  const perEpic: { scope: number; weight: number }[][] = Array.from({ length: epicCount }, () => []);
  scopes.forEach((scope, s) => {
    for (const member of scope.members) {
      const e = epicIndex.get(member.epicKey);
      invariant(e !== undefined, `Scope ${scope.id} names epic ${member.epicKey}, which is not simulated.`);
      invariant(member.weight > 0 && member.weight <= 1, `Scope ${scope.id}: weights must be in (0, 1].`);
      perEpic[e]?.push({ scope: s, weight: member.weight });
    }
  });
  return perEpic;
}

/**
 * Simulates `draws` portfolios and returns, per scope, each draw's NPV, benefit realised by the
 * horizon, total cost and (with a target) benefit realised by the target month.
 *
 * One draw, for each epic:
 * - with probability √correlation the epic follows the draw's common shock (three uniforms
 *   drawn once per draw: success, cost, benefit), otherwise its own uniforms;
 * - success S = [u_success < successProbability];
 * - cost factor g = Tri(cost range, u_cost); each benefit's factor f = Tri(benefit range, u_benefit),
 *   drawn only when S = 1 (a failed epic delivers no future benefit);
 * - NPV = PV(past realised − past actual cost) + S Σ f × PV(future planned benefit)
 *         − g × PV(future planned cost);
 *   benefit by month h = realised up to min(as-of, h) + S Σ f × planned in (as-of, h];
 *   total cost = actual to date + g × planned cost after as-of.
 * A scope's figure is Σ weight × the epic's figure (epics in input order), rounded half to even
 * to minor units per draw. Where the numbers come from: `drawRangeBlock`.
 *
 * With a `block`, only those draws, in arrays of `block.count`; blocks joined end to end equal
 * the whole simulation.
 */
export function simulateRangeDraws(
  input: RangeSimulationInput,
  block: DrawBlock = { first: 0, count: input.draws },
): ScopeDraws[] {
  return drawRangeBlock(compileRangeModel(input), block);
}

/** Checks and compiles `input` for `drawRangeBlock`; `simulateRangeDraws` does both. */
export function compileRangeModel(input: RangeSimulationInput): RangeModel {
  return {
    draws: input.draws,
    seed: input.seed,
    correlation: input.correlation,
    scopeIds: input.scopes.map((scope) => scope.id),
    compiled: compileModel(input),
  };
}

/** Blocks' draws joined end to end, scope by scope: blocks in draw order, each with every scope. */
export function joinDrawBlocks(blocks: readonly (readonly ScopeDraws[])[]): ScopeDraws[] {
  const [first] = blocks;
  if (first === undefined) return [];
  invariant(
    blocks.every(
      (block) =>
        block.length === first.length && block.every((scope, s) => scope.scopeId === first[s]?.scopeId),
    ),
    'Expected every block to hold the same scopes in the same order.',
  );
  const join = (pick: (scope: ScopeDraws) => Float64Array | null, s: number): Float64Array => {
    const parts = blocks.map((block) => block[s]).map((scope) => (scope === undefined ? null : pick(scope)));
    const joined = new Float64Array(parts.reduce((sum, part) => sum + (part?.length ?? 0), 0));
    let at = 0;
    for (const part of parts) {
      if (part === null) continue;
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  };
  return first.map((scope, s) => ({
    scopeId: scope.scopeId,
    npv: join((block) => block.npv, s),
    benefitByHorizon: join((block) => block.benefitByHorizon, s),
    totalCost: join((block) => block.totalCost, s),
    benefitByTarget: scope.benefitByTarget === null ? null : join((block) => block.benefitByTarget, s),
  }));
}
