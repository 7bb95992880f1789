import { drawRangeBlock, type DrawBlock, type RangeModel, type ScopeDraws } from '../../src/domain/ranges';

/** One block's draws, with its place among the blocks. */
export interface DrawnBlock {
  readonly index: number;
  readonly draws: ScopeDraws[];
}

/**
 * Draws blocks of `model` while any is left: each thread running this takes the next block's
 * index from the shared counter `taken` (one atomic add), so no two threads draw the same block
 * and a faster thread takes more of them.
 */
export function drawTakenBlocks(
  model: RangeModel,
  blocks: readonly DrawBlock[],
  taken: Int32Array,
): DrawnBlock[] {
  const drawn: DrawnBlock[] = [];
  for (let index = Atomics.add(taken, 0, 1); index < blocks.length; index = Atomics.add(taken, 0, 1)) {
    const block = blocks[index];
    if (block !== undefined) drawn.push({ index, draws: drawRangeBlock(model, block) });
  }
  return drawn;
}

/** The buffers of `scopes`' draws, to transfer to another thread rather than copy. */
export function drawBuffers(scopes: readonly ScopeDraws[]): ArrayBuffer[] {
  return scopes.flatMap((scope) =>
    [scope.npv, scope.benefitByHorizon, scope.totalCost, scope.benefitByTarget].flatMap((array) =>
      // The draws' arrays are created by drawRangeBlock over plain ArrayBuffers, never shared ones.
      array === null ? [] : [array.buffer as ArrayBuffer],
    ),
  );
}
