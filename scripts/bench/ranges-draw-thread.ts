/**
 * A worker thread of the ranges bench: draws one block of a compiled simulation and posts the
 * draws back, their buffers transferred rather than copied. See `drawRangesInThreads`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { drawRangeBlock, type DrawBlock, type RangeModel } from '../../src/domain/ranges/range-simulation';

const { model, block } = workerData as { model: RangeModel; block: DrawBlock };
const draws = drawRangeBlock(model, block);
parentPort?.postMessage(
  draws,
  draws.flatMap((scope) =>
    [scope.npv, scope.benefitByHorizon, scope.totalCost, scope.benefitByTarget].flatMap((array) =>
      // The draws' arrays are created by drawRangeBlock over plain ArrayBuffers, never shared ones.
      array === null ? [] : [array.buffer as ArrayBuffer],
    ),
  ),
);
