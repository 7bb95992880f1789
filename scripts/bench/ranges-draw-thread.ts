/**
 * A worker thread of the ranges bench: takes a compiled simulation, draws blocks from the shared
 * counter until none is left and posts their draws back (the buffers transferred rather than
 * copied), then summarises the scopes it is given. See `simulateRangesInThreads`.
 */
import { parentPort } from 'node:worker_threads';
import { scopeRangesOf, type DrawBlock, type RangeModel, type ScopeDraws } from '../../src/domain/ranges';
import { drawBuffers, drawTakenBlocks } from './ranges-draw-blocks';

parentPort?.once('message', (message: { model: RangeModel; blocks: DrawBlock[]; taken: Int32Array }) => {
  const drawn = drawTakenBlocks(message.model, message.blocks, message.taken);
  parentPort?.postMessage(
    drawn,
    drawn.flatMap(({ draws }) => drawBuffers(draws)),
  );
  parentPort?.once('message', ({ scopes, targets }: { scopes: ScopeDraws[]; targets: (number | null)[] }) => {
    const buffer = new Float64Array(message.model.draws);
    parentPort?.postMessage(
      scopes.map((scope, index) => scopeRangesOf(scope, targets[index] ?? null, buffer)),
    );
  });
});
