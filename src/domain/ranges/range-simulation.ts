import { DomainInvariantError } from '../assert';
import type { Epic } from '../model/epic';
import type { MinorUnits } from '../money/minor-units';
import type { YearMonth } from '../time/year-month';
import { compileModel } from './compile-range-model';
import type { EpicRanges } from './estimates';
import { drawRangeBlock } from './range-draws';
import { MAX_RANGE_EPICS, type DrawBlock, type RangeModel, type ScopeDraws } from './range-model';

export { drawRangeBlock } from './range-draws';
export { DRAW_CHUNK } from './range-model';
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
  checkInput(input);
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
