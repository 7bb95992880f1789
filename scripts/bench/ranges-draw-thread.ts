/**
 * A worker thread of the ranges bench: takes a compiled simulation, draws blocks from the shared
 * counter until none is left, and posts their draws back, the buffers transferred rather than
 * copied. See `drawRangesInThreads`.
 */
import { parentPort } from 'node:worker_threads';
import type { DrawBlock, RangeModel } from '../../src/domain/ranges';
import { drawTakenBlocks } from './ranges-draw-blocks';

parentPort?.once('message', (message: { model: RangeModel; blocks: DrawBlock[]; taken: Int32Array }) => {
  const drawn = drawTakenBlocks(message.model, message.blocks, message.taken);
  parentPort?.postMessage(
    drawn,
    drawn.flatMap(({ draws }) =>
      draws.flatMap((scope) =>
        [scope.npv, scope.benefitByHorizon, scope.totalCost, scope.benefitByTarget].flatMap((array) =>
          // The draws' arrays are created by drawRangeBlock over plain ArrayBuffers, never shared ones.
          array === null ? [] : [array.buffer as ArrayBuffer],
        ),
      ),
    ),
  );
});
