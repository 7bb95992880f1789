import { DomainInvariantError } from '../assert';
import { benefitSignOf } from '../model/benefit';
import type { Epic } from '../model/epic';
import { roundHalfEven } from '../money/round-half-even';
import { NO_EPIC_RANGES, resolveEpicRanges, type EpicRanges } from '../ranges/estimates';
import { triangularQuantile } from '../ranges/triangular';
import { seededXoshiro128StarStar } from '../ranges/xoshiro128-star-star';
import { monthIndexOf, type YearMonth } from '../time/year-month';
import { budgetModel } from './budget-model';
import { greedyPlan } from './greedy-plan';
import { improvePlan } from './improve-plan';
import { isFeasiblePlan } from './plan-evaluation';
import type { RemainingPlan } from './remaining-plan';
import type { BudgetCutScenario } from './scenario';

/** Draws when a scope is small enough: each epic's keep-probability within about ±3.5 points. */
export const KEEP_PROBABILITY_DRAWS = 200;
/** The fewest draws worth showing (±7 points); a scope too large even for these gets none. */
export const MIN_KEEP_PROBABILITY_DRAWS = 50;

/** Why an epic has no keep-probability. */
export type KeepProbabilityReason = 'NO_DRAW_PLANNED';

export interface EpicKeepProbability {
  readonly key: string;
  /** Share of the planned draws in which the plan continues or delays the epic; null with a reason. */
  readonly keepProbability: number | null;
  /** Share of the planned draws in which it continues (no delay). */
  readonly continueProbability: number | null;
  readonly reason: KeepProbabilityReason | null;
}

export interface KeepProbabilities {
  readonly seed: number;
  readonly draws: number;
  /** Draws in which no plan (the greedy ranking, improved) met every cap and floor: left out. */
  readonly drawsWithoutPlan: number;
  readonly solver: 'greedy-improved';
  readonly epics: readonly EpicKeepProbability[];
}

/**
 * The scenario every draw is planned under: the point scenario's constraints with its caps as
 * money (`amount` or `amount-per-quarter`), so that a draw with higher costs meets the same
 * budget rather than a cut of its own, higher, forecast.
 */
export type DrawScenario = Omit<BudgetCutScenario, 'plans'>;

export interface KeepProbabilityInput {
  /** The in-flight epics of the scenario; their remaining plans are drawn. */
  readonly epics: readonly Epic[];
  readonly rangesByEpic?: ReadonlyMap<string, EpicRanges>;
  readonly scenario: DrawScenario;
  /** 1 to 10,000. */
  readonly draws: number;
  /** Any whole number from 0 to 2^32 - 1. */
  readonly seed: number;
}

function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new DomainInvariantError(message);
}

/** One epic's remaining plan by month after A, before any draw: per benefit (signed) and cost. */
interface EpicPlanSource {
  readonly key: string;
  readonly epic: Epic;
  readonly months: number;
  readonly probability: number;
  /** Benefit b's planned amount in month A+1+t at `b * months + t`. */
  readonly benefit: Float64Array;
  readonly benefitFactors: readonly {
    readonly low: number;
    readonly likely: number;
    readonly high: number;
  }[];
  readonly cost: Float64Array;
  readonly costFactors: { readonly low: number; readonly likely: number; readonly high: number };
}

function planSourceOf(epic: Epic, asOf: YearMonth, ranges: EpicRanges): EpicPlanSource {
  const first = monthIndexOf(asOf) + 1;
  const offsets = [
    ...epic.value.costs.planned.map((entry) => monthIndexOf(entry.month) - first),
    ...epic.value.benefits.flatMap((benefit) =>
      benefit.planned.map((entry) => monthIndexOf(entry.month) - first),
    ),
  ];
  const months = Math.max(0, ...offsets.map((offset) => offset + 1));
  const resolved = resolveEpicRanges({ epic, ranges, asOf });
  const benefit = new Float64Array(epic.value.benefits.length * months);
  epic.value.benefits.forEach((item, b) => {
    const sign = benefitSignOf(item.kind);
    for (const entry of item.planned) {
      const t = monthIndexOf(entry.month) - first;
      if (t >= 0) benefit[b * months + t] = (benefit[b * months + t] ?? 0) + sign * entry.amount;
    }
  });
  const cost = new Float64Array(months);
  for (const entry of epic.value.costs.planned) {
    const t = monthIndexOf(entry.month) - first;
    if (t >= 0) cost[t] = (cost[t] ?? 0) + entry.amount;
  }
  return {
    key: epic.key,
    epic,
    months,
    probability: epic.value.successProbability,
    benefit,
    benefitFactors: resolved.benefits.map((range) => range.factors),
    cost,
    costFactors: resolved.costOverrun.factors,
  };
}

/**
 * One draw of an epic's remaining plan, the point figures replaced by a sampled outcome: success
 * S = [u < p], benefit f_b ~ Tri(range of b), cost g ~ Tri(cost overrun), so that
 * benefit(t) = S × Σ_b f_b × planned_b(t) and cost(t) = g × planned cost(t), each rounded half to
 * even to minor units (the point plan has p × planned benefit instead). Consumes 2 + benefits
 * uniforms, always.
 */
function drawnPlan(source: EpicPlanSource, next: () => number): RemainingPlan {
  const { months } = source;
  const succeeds = next() < source.probability;
  const { low, likely, high } = source.costFactors;
  const costFactor = triangularQuantile(low, likely, high, next());
  const benefit = new Array<number>(months).fill(0);
  source.benefitFactors.forEach((factors, b) => {
    const factor = triangularQuantile(factors.low, factors.likely, factors.high, next());
    if (!succeeds) return;
    for (let t = 0; t < months; t += 1)
      benefit[t] = (benefit[t] ?? 0) + factor * (source.benefit[b * months + t] ?? 0);
  });
  return {
    key: source.key,
    objectives: source.epic.value.objectives,
    benefit: benefit.map((amount) => roundHalfEven(amount)),
    cost: Array.from(source.cost, (amount) => roundHalfEven(costFactor * amount)),
  };
}

/**
 * Each epic's keep-probability under a budget-cut scenario (docs/kpis.md, "Keep-probability"):
 * in each of `draws` seeded draws, every epic's remaining plan is drawn (`drawnPlan`) and the
 * scenario planned again by the greedy ranking improved by single moves (`greedyPlan`,
 * `improvePlan`: the exact solver's starting plan); the keep-probability is the share of the
 * draws with a plan in which the epic continues or is delayed (kept), the continue-probability
 * the share in which it continues. Draws in which no plan meets every cap and floor (or the
 * scenario itself conflicts, e.g. pins over the cap after an overrun) are counted and left out;
 * with none left, every epic's figures are null with `NO_DRAW_PLANNED`.
 *
 * Edge cases: an epic pinned to continue -> 1; pinned to stop -> 0; no spread and p = 1 -> the
 * point plan's greedy decision in every draw (0 or 1). Same input and seed -> identical result.
 */
export function keepProbabilities(input: KeepProbabilityInput): KeepProbabilities {
  invariant(
    Number.isInteger(input.draws) && input.draws >= 1 && input.draws <= 10_000,
    'Expected draws to be a whole number from 1 to 10,000.',
  );
  invariant(
    Number.isInteger(input.seed) && input.seed >= 0 && input.seed <= 0xffff_ffff,
    'Expected the seed to be a whole number from 0 to 4294967295.',
  );
  const { scenario } = input;
  const sources = input.epics.map((epic) =>
    planSourceOf(
      epic,
      scenario.asOf,
      input.rangesByEpic?.get(epic.key) ?? epic.value.ranges ?? NO_EPIC_RANGES,
    ),
  );
  const kept = new Int32Array(sources.length);
  const continued = new Int32Array(sources.length);
  const random = seededXoshiro128StarStar(input.seed);
  const next = () => random.nextUnit();
  let drawsWithoutPlan = 0;
  for (let d = 0; d < input.draws; d += 1) {
    const plans = sources.map((source) => drawnPlan(source, next));
    const outcome = budgetModel({ ...scenario, plans });
    const greedy = outcome.ok ? greedyPlan(outcome.model) : null;
    if (!outcome.ok || greedy === null || greedy.levels === null) {
      drawsWithoutPlan += 1;
      continue;
    }
    const { model } = outcome;
    const improved = improvePlan(model, greedy.levels);
    const levels = isFeasiblePlan(model, improved) ? improved : greedy.levels;
    const position = new Map(model.keys.map((key, e) => [key, e]));
    sources.forEach((source, s) => {
      const level = levels[position.get(source.key) ?? -1] ?? model.levels - 1;
      if (level < model.levels - 1) kept[s] = (kept[s] ?? 0) + 1;
      if (level === 0) continued[s] = (continued[s] ?? 0) + 1;
    });
  }
  const planned = input.draws - drawsWithoutPlan;
  return {
    seed: input.seed,
    draws: input.draws,
    drawsWithoutPlan,
    solver: 'greedy-improved',
    epics: sources.map((source, s) =>
      planned === 0
        ? { key: source.key, keepProbability: null, continueProbability: null, reason: 'NO_DRAW_PLANNED' }
        : {
            key: source.key,
            keepProbability: (kept[s] ?? 0) / planned,
            continueProbability: (continued[s] ?? 0) / planned,
            reason: null,
          },
    ),
  };
}
