import { DomainInvariantError } from '../assert';
import type { Epic } from '../model/epic';
import { benefitSignOf } from '../model/benefit';
import type { MinorUnits } from '../money/minor-units';
import { roundHalfEven } from '../money/round-half-even';
import { monthIndexOf, type YearMonth } from '../time/year-month';
import { NO_EPIC_RANGES, resolveEpicRanges, type EpicRanges } from './estimates';
import { triangularQuantile } from './triangular';
import { seededXoshiro128StarStar } from './xoshiro128-star-star';

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

/** The simulated figures of one scope, one value per draw (minor units, whole numbers). */
export interface ScopeDraws {
  readonly scopeId: string;
  readonly npv: Float64Array;
  readonly benefitByHorizon: Float64Array;
  readonly totalCost: Float64Array;
  /** Attributed benefit by the target month, for scopes with a target; otherwise null. */
  readonly benefitByTarget: Float64Array | null;
}

/**
 * Draws `first` .. `first + count - 1` of a simulation (0-based). Blocks that cover 0 .. draws - 1
 * between them give, end to end, exactly the draws of the whole simulation: a simulation can be
 * split across threads or processes without changing a figure.
 */
export interface DrawBlock {
  readonly first: number;
  readonly count: number;
}

export const MAX_RANGE_DRAWS = 1_000_000;

function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new DomainInvariantError(message);
}

/**
 * Everything a draw needs, precomputed once into flat typed arrays (no allocation per draw).
 * Built by `compileRangeModel` and read by `drawRangeBlock` only; exported as the type of a field.
 */
export interface CompiledModel {
  readonly epicCount: number;
  readonly probability: Float64Array;
  /** Present value, as of the as-of month, of the past: realised benefit minus actual cost. */
  readonly pastNpv: Float64Array;
  readonly actualCost: Float64Array;
  /** Planned cost after the as-of month, undiscounted and discounted. */
  readonly futureCost: Float64Array;
  readonly futureCostPv: Float64Array;
  readonly costLow: Float64Array;
  readonly costLikely: Float64Array;
  readonly costHigh: Float64Array;
  /** Benefits of epic e are `benefitStart[e] .. benefitStart[e + 1] - 1`. */
  readonly benefitStart: Int32Array;
  readonly benefitPv: Float64Array;
  readonly benefitLow: Float64Array;
  readonly benefitLikely: Float64Array;
  readonly benefitHigh: Float64Array;
  /** Per horizon h: planned benefit in (as-of, h] (benefit b at `b * horizons + h`). */
  readonly benefitByHorizon: Float64Array;
  /** Per epic e and horizon h: realised benefit up to min(as-of, h) (at `e * horizons + h`). */
  readonly realisedByHorizon: Float64Array;
  readonly horizons: number;
  /** Memberships of epic e are `memberStart[e] .. memberStart[e + 1] - 1`. */
  readonly memberStart: Int32Array;
  readonly memberScope: Int32Array;
  readonly memberWeight: Float64Array;
  /** Horizon index of each scope's target, or -1. */
  readonly scopeTargetHorizon: Int32Array;
  /** 1 for an epic with nothing left to draw (no planned cost or benefit after as-of). */
  readonly settled: Uint8Array;
  /** Per scope and metric: the settled epics' figures, the same in every draw. */
  readonly settledSums: Float64Array;
}

function addAt(array: Float64Array, index: number, amount: number): void {
  array[index] = (array[index] ?? 0) + amount;
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
}

function compileModel(input: RangeSimulationInput): CompiledModel {
  checkInput(input);
  const { epics, scopes } = input;
  const asOf = monthIndexOf(input.asOf);
  const horizonMonths = [monthIndexOf(input.horizon)];
  const scopeTargetHorizon = new Int32Array(scopes.length).fill(-1);
  scopes.forEach((scope, index) => {
    if (scope.target === null) return;
    const month = monthIndexOf(scope.target.month);
    const known = horizonMonths.indexOf(month);
    scopeTargetHorizon[index] = known >= 0 ? known : horizonMonths.push(month) - 1;
  });
  const horizons = horizonMonths.length;
  const growth = 1 + input.discountRate / 12;
  const discount = (month: number) => growth ** (asOf - month);

  const epicCount = epics.length;
  const benefitCount = epics.reduce((sum, epic) => sum + epic.value.benefits.length, 0);
  const model = {
    epicCount,
    probability: new Float64Array(epicCount),
    pastNpv: new Float64Array(epicCount),
    actualCost: new Float64Array(epicCount),
    futureCost: new Float64Array(epicCount),
    futureCostPv: new Float64Array(epicCount),
    costLow: new Float64Array(epicCount),
    costLikely: new Float64Array(epicCount),
    costHigh: new Float64Array(epicCount),
    benefitStart: new Int32Array(epicCount + 1),
    benefitPv: new Float64Array(benefitCount),
    benefitLow: new Float64Array(benefitCount),
    benefitLikely: new Float64Array(benefitCount),
    benefitHigh: new Float64Array(benefitCount),
    benefitByHorizon: new Float64Array(benefitCount * horizons),
    realisedByHorizon: new Float64Array(epicCount * horizons),
    horizons,
    memberStart: new Int32Array(epicCount + 1),
    memberScope: new Int32Array(0),
    memberWeight: new Float64Array(0),
    scopeTargetHorizon,
  };

  const epicIndex = new Map<string, number>();
  let benefit = 0;
  epics.forEach((epic, e) => {
    invariant(!epicIndex.has(epic.key), `Epic ${epic.key} is listed twice.`);
    epicIndex.set(epic.key, e);
    const ranges = resolveEpicRanges({
      epic,
      ranges: input.rangesByEpic.get(epic.key) ?? epic.value.ranges ?? NO_EPIC_RANGES,
      asOf: input.asOf,
    });
    model.probability[e] = epic.value.successProbability;
    model.benefitStart[e] = benefit;
    let pastNpv = 0;
    for (const cost of epic.value.costs.actual) {
      const month = monthIndexOf(cost.month);
      if (month > asOf) continue;
      addAt(model.actualCost, e, cost.amount);
      pastNpv -= cost.amount * discount(month);
    }
    for (const cost of epic.value.costs.planned) {
      const month = monthIndexOf(cost.month);
      if (month <= asOf) continue;
      addAt(model.futureCost, e, cost.amount);
      addAt(model.futureCostPv, e, cost.amount * discount(month));
    }
    model.costLow[e] = ranges.costOverrun.factors.low;
    model.costLikely[e] = ranges.costOverrun.factors.likely;
    model.costHigh[e] = ranges.costOverrun.factors.high;
    epic.value.benefits.forEach((item, position) => {
      // A dis-benefit counts against the benefits, as in the point KPIs; its drawn multiple
      // scales its size, so a dis-benefit drawn larger lowers the NPV.
      const sign = benefitSignOf(item.kind);
      for (const entry of item.realised) {
        const month = monthIndexOf(entry.month);
        if (month > asOf) continue;
        const amount = sign * entry.amount;
        pastNpv += amount * discount(month);
        horizonMonths.forEach((horizon, h) => {
          if (month <= horizon) addAt(model.realisedByHorizon, e * horizons + h, amount);
        });
      }
      for (const entry of item.planned) {
        const month = monthIndexOf(entry.month);
        if (month <= asOf) continue;
        const amount = sign * entry.amount;
        addAt(model.benefitPv, benefit, amount * discount(month));
        horizonMonths.forEach((horizon, h) => {
          if (month <= horizon) addAt(model.benefitByHorizon, benefit * horizons + h, amount);
        });
      }
      const factors = ranges.benefits[position]?.factors ?? { low: 1, likely: 1, high: 1 };
      model.benefitLow[benefit] = factors.low;
      model.benefitLikely[benefit] = factors.likely;
      model.benefitHigh[benefit] = factors.high;
      benefit += 1;
    });
    model.pastNpv[e] = pastNpv;
  });
  model.benefitStart[epicCount] = benefit;
  const memberships = compileMemberships(scopes, epicIndex, epicCount);
  return { ...model, ...memberships, ...settledFigures(model, memberships, scopes.length) };
}

/**
 * Epics with nothing after the as-of month (most done epics) have the same figures in every
 * draw: they are summed per scope once, and the draws skip them.
 */
function settledFigures(
  model: Omit<CompiledModel, 'settled' | 'settledSums' | 'memberStart' | 'memberScope' | 'memberWeight'>,
  memberships: Pick<CompiledModel, 'memberStart' | 'memberScope' | 'memberWeight'>,
  scopeCount: number,
): Pick<CompiledModel, 'settled' | 'settledSums'> {
  const { epicCount, horizons, benefitStart } = model;
  const settled = new Uint8Array(epicCount);
  const settledSums = new Float64Array(scopeCount * METRICS);
  for (let e = 0; e < epicCount; e += 1) {
    if (settled[e] === 1) continue;
    let future = model.futureCost[e] ?? 0;
    for (let b = benefitStart[e] ?? 0; b < (benefitStart[e + 1] ?? 0); b += 1)
      future += model.benefitPv[b] ?? 0;
    if (future !== 0) continue;
    settled[e] = 1;
    for (let m = memberships.memberStart[e] ?? 0; m < (memberships.memberStart[e + 1] ?? 0); m += 1) {
      const s = memberships.memberScope[m] ?? 0;
      const weight = memberships.memberWeight[m] ?? 0;
      const target = model.scopeTargetHorizon[s] ?? -1;
      addAt(settledSums, s * METRICS + NPV, weight * (model.pastNpv[e] ?? 0));
      addAt(settledSums, s * METRICS + BENEFIT, weight * (model.realisedByHorizon[e * horizons] ?? 0));
      addAt(settledSums, s * METRICS + COST, weight * (model.actualCost[e] ?? 0));
      if (target >= 0)
        addAt(
          settledSums,
          s * METRICS + TARGET,
          weight * (model.realisedByHorizon[e * horizons + target] ?? 0),
        );
    }
  }
  return { settled, settledSums };
}

/** Scope memberships grouped by epic (compressed rows), so a draw walks each epic once. */
function compileMemberships(
  scopes: readonly RangeScope[],
  epicIndex: ReadonlyMap<string, number>,
  epicCount: number,
): Pick<CompiledModel, 'memberStart' | 'memberScope' | 'memberWeight'> {
  const perEpic: { scope: number; weight: number }[][] = Array.from({ length: epicCount }, () => []);
  scopes.forEach((scope, s) => {
    for (const member of scope.members) {
      const e = epicIndex.get(member.epicKey);
      invariant(e !== undefined, `Scope ${scope.id} names epic ${member.epicKey}, which is not simulated.`);
      invariant(member.weight > 0 && member.weight <= 1, `Scope ${scope.id}: weights must be in (0, 1].`);
      perEpic[e]?.push({ scope: s, weight: member.weight });
    }
  });
  const memberStart = new Int32Array(epicCount + 1);
  const total = perEpic.reduce((sum, list) => sum + list.length, 0);
  const memberScope = new Int32Array(total);
  const memberWeight = new Float64Array(total);
  let next = 0;
  perEpic.forEach((list, e) => {
    memberStart[e] = next;
    for (const { scope, weight } of list) {
      memberScope[next] = scope;
      memberWeight[next] = weight;
      next += 1;
    }
  });
  memberStart[epicCount] = next;
  return { memberStart, memberScope, memberWeight };
}

// Bound once: a call through the module binding goes through the CommonJS export getter on every
// draw (as tsx and ts-jest compile it), which keeps V8 from inlining the quantile.
const quantileOf = triangularQuantile;

const NPV = 0;
const BENEFIT = 1;
const COST = 2;
const TARGET = 3;
const METRICS = 4;

/**
 * Simulates `draws` portfolios and returns, per scope, each draw's NPV, benefit realised by the
 * horizon, total cost and (with a target) benefit realised by the target month.
 *
 * One draw, for each epic in input order (the order in which the generator is consumed):
 * - with probability √correlation the epic follows the draw's common shock (three uniforms
 *   drawn once per draw: success, cost, benefit), otherwise its own uniforms;
 * - success S = [u_success < successProbability];
 * - cost factor g = Tri(cost range, u_cost); each benefit's factor f = Tri(benefit range, u_benefit),
 *   drawn only when S = 1 (a failed epic delivers no future benefit);
 * - NPV = PV(past realised − past actual cost) + S Σ f × PV(future planned benefit)
 *         − g × PV(future planned cost);
 *   benefit by month h = realised up to min(as-of, h) + S Σ f × planned in (as-of, h];
 *   total cost = actual to date + g × planned cost after as-of.
 * A scope's figure is Σ weight × the epic's figure, rounded half to even to minor units per draw.
 *
 * With a `block`, only those draws, in arrays of `block.count`: the generator is moved on past the
 * earlier draws (`Xoshiro128StarStar.advance`), so block draws equal the whole simulation's.
 */
export function simulateRangeDraws(
  input: RangeSimulationInput,
  block: DrawBlock = { first: 0, count: input.draws },
): ScopeDraws[] {
  return drawRangeBlock(compileRangeModel(input), block);
}

/**
 * A simulation compiled once for any number of blocks: flat typed arrays, numbers and strings
 * only, so that it can be posted to a worker thread (structured clone) as it is.
 */
export interface RangeModel {
  readonly draws: number;
  readonly seed: number;
  readonly correlation: number;
  readonly scopeIds: readonly string[];
  readonly compiled: CompiledModel;
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

/** The draws of `block` (see `simulateRangeDraws`) of a compiled simulation. */
export function drawRangeBlock(rangeModel: RangeModel, block: DrawBlock): ScopeDraws[] {
  const { compiled: model, scopeIds } = rangeModel;
  checkBlock(block, rangeModel.draws);
  const draws = block.count;
  const out = scopeIds.map((scopeId, s) => ({
    scopeId,
    npv: new Float64Array(draws),
    benefitByHorizon: new Float64Array(draws),
    totalCost: new Float64Array(draws),
    benefitByTarget: (model.scopeTargetHorizon[s] ?? -1) >= 0 ? new Float64Array(draws) : null,
  }));
  const sums = Float64Array.from(model.settledSums);
  const epicBenefit = new Float64Array(model.horizons);
  const commonShare = Math.sqrt(rangeModel.correlation);
  // Every draw consumes the same number of uniforms, at fixed places: three common ones, then per
  // epic e (from 3 + 3e + its first benefit index) its coin, success, cost and one per benefit.
  const units = new Float64Array(3 + 3 * model.epicCount + (model.benefitStart[model.epicCount] ?? 0));
  const random = seededXoshiro128StarStar(rangeModel.seed);
  // A later block starts where the draws before it leave the generator.
  random.advance(BigInt(block.first) * BigInt(units.length));
  for (let d = 0; d < draws; d += 1) {
    random.fillUnits(units);
    accumulateDraw(model, units, commonShare, sums, epicBenefit);
    out.forEach((scope, s) => {
      const at = s * METRICS;
      scope.npv[d] = roundHalfEven(sums[at + NPV] ?? 0);
      scope.benefitByHorizon[d] = roundHalfEven(sums[at + BENEFIT] ?? 0);
      scope.totalCost[d] = roundHalfEven(sums[at + COST] ?? 0);
      if (scope.benefitByTarget !== null) scope.benefitByTarget[d] = roundHalfEven(sums[at + TARGET] ?? 0);
    });
    sums.set(model.settledSums);
  }
  return out;
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

function checkBlock(block: DrawBlock, draws: number): void {
  invariant(
    Number.isInteger(block.first) &&
      Number.isInteger(block.count) &&
      block.first >= 0 &&
      block.count >= 1 &&
      block.first + block.count <= draws,
    `Expected a block of whole draws within the ${String(draws)} draws.`,
  );
}

/** Adds one draw's epic figures into `sums` (scope x metric); `units` holds the draw's uniforms. */
function accumulateDraw(
  model: CompiledModel,
  units: Float64Array,
  commonShare: number,
  sums: Float64Array,
  epicBenefit: Float64Array,
): void {
  const {
    epicCount,
    probability,
    pastNpv,
    actualCost,
    futureCost,
    futureCostPv,
    costLow,
    costLikely,
    costHigh,
    benefitStart,
    benefitPv,
    benefitLow,
    benefitLikely,
    benefitHigh,
    benefitByHorizon,
    realisedByHorizon,
    horizons,
    memberStart,
    memberScope,
    memberWeight,
    scopeTargetHorizon,
    settled,
  } = model;
  const commonSuccess = units[0] ?? 0;
  const commonCost = units[1] ?? 0;
  const commonBenefit = units[2] ?? 0;
  for (let e = 0; e < epicCount; e += 1) {
    if (settled[e] === 1) continue;
    const firstBenefit = benefitStart[e] ?? 0;
    const at = 3 + 3 * e + firstBenefit;
    // u < 1 always: with correlation 1 every epic follows the shock, with 0 none does.
    const common = (units[at] ?? 0) < commonShare;
    const uSuccess = common ? commonSuccess : (units[at + 1] ?? 0);
    const uCost = common ? commonCost : (units[at + 2] ?? 0);
    const succeeds = uSuccess < (probability[e] ?? 0);
    const costFactor = quantileOf(costLow[e] ?? 1, costLikely[e] ?? 1, costHigh[e] ?? 1, uCost);
    let npv = (pastNpv[e] ?? 0) - costFactor * (futureCostPv[e] ?? 0);
    const cost = (actualCost[e] ?? 0) + costFactor * (futureCost[e] ?? 0);
    for (let h = 0; h < horizons; h += 1) epicBenefit[h] = realisedByHorizon[e * horizons + h] ?? 0;
    if (succeeds) {
      const last = benefitStart[e + 1] ?? 0;
      for (let b = firstBenefit; b < last; b += 1) {
        const uBenefit = common ? commonBenefit : (units[at + 3 + b - firstBenefit] ?? 0);
        const factor = quantileOf(benefitLow[b] ?? 1, benefitLikely[b] ?? 1, benefitHigh[b] ?? 1, uBenefit);
        npv += factor * (benefitPv[b] ?? 0);
        for (let h = 0; h < horizons; h += 1) {
          epicBenefit[h] = (epicBenefit[h] ?? 0) + factor * (benefitByHorizon[b * horizons + h] ?? 0);
        }
      }
    }
    const lastMember = memberStart[e + 1] ?? 0;
    for (let m = memberStart[e] ?? 0; m < lastMember; m += 1) {
      const s = memberScope[m] ?? 0;
      const weight = memberWeight[m] ?? 0;
      const base = s * METRICS;
      sums[base + NPV] = (sums[base + NPV] ?? 0) + weight * npv;
      sums[base + BENEFIT] = (sums[base + BENEFIT] ?? 0) + weight * (epicBenefit[0] ?? 0);
      sums[base + COST] = (sums[base + COST] ?? 0) + weight * cost;
      const target = scopeTargetHorizon[s] ?? -1;
      if (target >= 0) sums[base + TARGET] = (sums[base + TARGET] ?? 0) + weight * (epicBenefit[target] ?? 0);
    }
  }
}
