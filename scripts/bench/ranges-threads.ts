/**
 * Runs a risk-range simulation on several worker threads: the model is compiled once here, each
 * thread draws one block of consecutive draws, and the blocks are joined in draw order. The domain
 * moves the generator on to each block's first draw, so the draws are exactly those of
 * `simulateRangeDraws(input)` in one thread, whatever the number of threads.
 *
 * Threads live here, in the consumer, not in the domain: the domain stays synchronous and pure.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import {
  compileRangeModel,
  drawRangeBlock,
  joinDrawBlocks,
  type DrawBlock,
  type RangeSimulationInput,
  type ScopeDraws,
} from '../../src/domain/ranges';

/** `threads` blocks of as equal a size as whole draws allow, covering 0 .. draws - 1. */
export function drawBlocks(draws: number, threads: number): DrawBlock[] {
  const count = Math.max(1, Math.min(threads, draws));
  return Array.from({ length: count }, (_, index) => {
    const first = Math.floor((index * draws) / count);
    return { first, count: Math.floor(((index + 1) * draws) / count) - first };
  });
}

function drawInThread(workerData: unknown): Promise<ScopeDraws[]> {
  return new Promise((resolve, reject) => {
    // Loader hooks registered by `--import tsx` do not reach a worker's entry file: the worker
    // registers tsx's CommonJS hook itself, then loads the TypeScript file.
    const entry = join(__dirname, 'ranges-draw-thread.ts');
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, {
      eval: true,
      workerData,
    });
    worker.once('message', (draws: ScopeDraws[]) => {
      resolve(draws);
    });
    worker.once('error', reject);
    // After a message this changes nothing (a settled promise stays settled); without one, the
    // thread ended before posting its draws, and waiting for them would wait for ever.
    worker.once('exit', (code) => {
      reject(new Error(`ranges draw thread exited (code ${String(code)}) before posting its draws`));
    });
  });
}

/** Every draw of `input`, drawn on `threads` worker threads (1: in this thread). */
export async function drawRangesInThreads(
  input: RangeSimulationInput,
  threads: number,
): Promise<ScopeDraws[]> {
  const model = compileRangeModel(input);
  const blocks = drawBlocks(input.draws, threads);
  if (blocks.length === 1) return drawRangeBlock(model, { first: 0, count: input.draws });
  return joinDrawBlocks(await Promise.all(blocks.map((block) => drawInThread({ model, block }))));
}
