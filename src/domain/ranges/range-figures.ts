import { minorUnits, type MinorUnits } from '../money/minor-units';
import type { YearMonth } from '../time/year-month';
import { nearestRankPercentiles } from './percentile';
import { simulateRangeDraws, type RangeSimulationInput, type ScopeDraws } from './range-simulation';

/** P10, P50 and P90 of a simulated amount (nearest rank; see `nearestRankPercentile`). */
export interface RangeFigures {
  readonly p10: MinorUnits;
  readonly p50: MinorUnits;
  readonly p90: MinorUnits;
}

/** The range figures of one scope. */
export interface ScopeRanges {
  readonly scopeId: string;
  readonly npv: RangeFigures;
  readonly benefitByHorizon: RangeFigures;
  readonly totalCost: RangeFigures;
  /** Share of draws with NPV < 0 (after rounding to minor units), in [0, 1]. */
  readonly probabilityNpvBelowZero: number;
  /** Share of draws whose benefit by the target month reaches the target; null without a target. */
  readonly probabilityTargetReached: number | null;
}

/** A simulation's answer, with everything needed to reproduce it. */
export interface RangeSimulation {
  readonly seed: number;
  readonly draws: number;
  readonly correlation: number;
  readonly asOf: YearMonth;
  readonly horizon: YearMonth;
  readonly distribution: 'triangular';
  readonly percentileMethod: 'nearest-rank';
  readonly scopes: readonly ScopeRanges[];
}

/**
 * P10 / P50 / P90 of drawn amounts: the nearest-rank percentiles of the draws, the values a sort
 * would put at those ranks (found by selection, `nearestRankPercentiles`).
 * Example: draws 5, 1, 4, 2, 3, 10, 9, 8, 7, 6 -> P10 1, P50 5, P90 9.
 */
export function rangeFiguresOf(draws: Float64Array, buffer?: Float64Array): RangeFigures {
  const [p10 = 0, p50 = 0, p90 = 0] = nearestRankPercentiles(draws, [10, 50, 90], buffer);
  return { p10: minorUnits(p10), p50: minorUnits(p50), p90: minorUnits(p90) };
}

/** Share of `draws` below `bound`. */
function shareBelow(draws: Float64Array, bound: number): number {
  let count = 0;
  for (const value of draws) if (value < bound) count += 1;
  return count / draws.length;
}

/** Share of `draws` at or above `bound`. */
function shareAtLeast(draws: Float64Array, bound: number): number {
  let count = 0;
  for (const value of draws) if (value >= bound) count += 1;
  return count / draws.length;
}

/**
 * The figures of one scope's draws; `targetAmount` (minor units) when the scope has a target.
 * `buffer`, when given, holds the percentiles' working copy (see `nearestRankPercentiles`).
 */
export function scopeRangesOf(
  draws: ScopeDraws,
  targetAmount: number | null,
  buffer?: Float64Array,
): ScopeRanges {
  const { benefitByTarget } = draws;
  return {
    scopeId: draws.scopeId,
    npv: rangeFiguresOf(draws.npv, buffer),
    benefitByHorizon: rangeFiguresOf(draws.benefitByHorizon, buffer),
    totalCost: rangeFiguresOf(draws.totalCost, buffer),
    probabilityNpvBelowZero: shareBelow(draws.npv, 0),
    probabilityTargetReached:
      benefitByTarget === null || targetAmount === null ? null : shareAtLeast(benefitByTarget, targetAmount),
  };
}

/**
 * Risk ranges of every scope: simulates `input.draws` portfolios (see `simulateRangeDraws`) and
 * summarises each scope. Same input and seed -> identical result.
 */
export function simulateRanges(input: RangeSimulationInput): RangeSimulation {
  return rangeSimulationOf(input, simulateRangeDraws(input));
}

/**
 * The answer of `simulateRanges` from its draws, however they were drawn (in one go, or in blocks
 * on several threads and joined with `joinDrawBlocks`).
 */
export function rangeSimulationOf(
  input: RangeSimulationInput,
  draws: readonly ScopeDraws[],
): RangeSimulation {
  const buffer = new Float64Array(input.draws);
  return rangeSimulationWith(
    input,
    draws.map((scope, index) => scopeRangesOf(scope, input.scopes[index]?.target?.amount ?? null, buffer)),
  );
}

/** The answer of `simulateRanges` from its scopes' figures, however they were computed. */
export function rangeSimulationWith(
  input: RangeSimulationInput,
  scopes: readonly ScopeRanges[],
): RangeSimulation {
  return {
    seed: input.seed,
    draws: input.draws,
    correlation: input.correlation,
    asOf: input.asOf,
    horizon: input.horizon,
    distribution: 'triangular',
    percentileMethod: 'nearest-rank',
    scopes,
  };
}
