/**
 * Runs a risk-range simulation on several threads: this one and `threads - 1` workers. The
 * workers start first, so that they load while the model compiles here. The draws are cut into
 * blocks of whole chunks, and each thread takes the next block from a shared counter until none
 * is left (on a shared machine one core may run slower than the other); the blocks are then
 * joined in draw order. Blocks joined end to end are exactly the draws of
 * `simulateRangeDraws(input)` in one thread, whatever the number of threads.
 *
 * Threads live here, in the consumer, not in the domain: the domain stays synchronous and pure.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import {
  DRAW_CHUNK,
  compileRangeModel,
  joinDrawBlocks,
  type DrawBlock,
  type RangeSimulationInput,
  type ScopeDraws,
} from '../../src/domain/ranges';
import { drawTakenBlocks, type DrawnBlock } from './ranges-draw-blocks';

/**
 * Blocks covering 0 .. draws - 1 in order, one chunk (DRAW_CHUNK draws) each: a block that began
 * mid-chunk would draw that chunk's start again, and blocks this small let a faster thread take
 * more of them, so that the slower one holds up the end by at most one chunk.
 */
export function drawBlocks(draws: number): DrawBlock[] {
  return Array.from({ length: Math.ceil(draws / DRAW_CHUNK) }, (_, index) => ({
    first: index * DRAW_CHUNK,
    count: Math.min(DRAW_CHUNK, draws - index * DRAW_CHUNK),
  }));
}

/** A worker of `ranges-draw-thread.ts`; it loads while this thread compiles the model. */
function startDrawThread(): { worker: Worker; drawn: Promise<DrawnBlock[]> } {
  // Loader hooks registered by `--import tsx` do not reach a worker's entry file: the worker
  // registers tsx's CommonJS hook itself, then loads the TypeScript file.
  const entry = join(__dirname, 'ranges-draw-thread.ts');
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true });
  const drawn = new Promise<DrawnBlock[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    // After a message this changes nothing (a settled promise stays settled); without one, the
    // thread ended before posting its draws, and waiting for them would wait for ever.
    worker.once('exit', (code) => {
      reject(new Error(`ranges draw thread exited (code ${String(code)}) before posting its draws`));
    });
  });
  return { worker, drawn };
}

/** The draws of a run, and how long its model took to compile (ms, from the start). */
export interface ThreadedDraws {
  readonly draws: ScopeDraws[];
  readonly compileMs: number;
}

/** Every draw of `input`, drawn on `threads` threads: this one and `threads - 1` workers. */
export async function drawRangesInThreads(
  input: RangeSimulationInput,
  threads: number,
): Promise<ThreadedDraws> {
  const start = performance.now();
  const workers = Array.from({ length: Math.max(0, threads - 1) }, startDrawThread);
  try {
    const model = compileRangeModel(input);
    const compileMs = performance.now() - start;
    const blocks = drawBlocks(input.draws);
    const taken = new Int32Array(new SharedArrayBuffer(4));
    for (const { worker } of workers) worker.postMessage({ model, blocks, taken });
    const drawn = drawTakenBlocks(model, blocks, taken);
    for (const block of (await Promise.all(workers.map((thread) => thread.drawn))).flat()) drawn.push(block);
    drawn.sort((a, b) => a.index - b.index);
    return { draws: joinDrawBlocks(drawn.map((block) => block.draws)), compileMs };
  } finally {
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}
