/**
 * Runs a risk-range simulation on several threads: this one and `threads - 1` workers. The
 * workers start first, so that they load while the model compiles here. The draws are cut into
 * blocks of whole chunks, and each thread takes the next block from a shared counter until none
 * is left (on a shared machine one core may run slower than the other); the blocks are then
 * joined in draw order, and each thread summarises a share of the scopes. Blocks joined end to
 * end are exactly the draws of `simulateRangeDraws(input)` in one thread, so the answer is that
 * of `simulateRanges(input)`, whatever the number of threads.
 *
 * Threads live here, in the consumer, not in the domain: the domain stays synchronous and pure.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { join } from 'node:path';
import {
  DRAW_CHUNK,
  compileRangeModel,
  joinDrawBlocks,
  rangeSimulationWith,
  scopeRangesOf,
  type DrawBlock,
  type RangeSimulation,
  type RangeSimulationInput,
  type ScopeRanges,
} from '../../src/domain/ranges';
import { drawBuffers, drawTakenBlocks, type DrawnBlock } from './ranges-draw-blocks';

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

/** What a worker posts: its blocks' draws, then the figures of the scopes it was given. */
type WorkerMessage = DrawnBlock[] | ScopeRanges[];

/** A worker of `ranges-draw-thread.ts`; it loads while this thread compiles the model. */
class DrawThread {
  private readonly worker: Worker;
  private readonly messages: WorkerMessage[] = [];
  private waiting: { resolve: (message: WorkerMessage) => void; reject: (error: Error) => void } | null =
    null;
  private failure: Error | null = null;

  /** `bundle`: ranges-draw-thread.ts built to one JavaScript file; without, the TypeScript itself. */
  constructor(bundle: string | null) {
    // Loader hooks registered by `--import tsx` do not reach a worker's entry file: the worker
    // registers tsx's CommonJS hook itself, then loads the TypeScript file.
    const entry = join(__dirname, 'ranges-draw-thread.ts');
    this.worker =
      bundle === null
        ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true })
        : new Worker(bundle);
    this.worker.on('message', (message: WorkerMessage) => {
      if (this.waiting === null) this.messages.push(message);
      else this.waiting.resolve(message);
      this.waiting = null;
    });
    this.worker.on('error', (error) => {
      this.fail(error);
    });
    // A thread that ends while it is still owed a message would leave the run waiting for ever.
    this.worker.on('exit', (code) => {
      this.fail(new Error(`ranges draw thread exited (code ${String(code)}) before posting its work`));
    });
  }

  post(message: unknown, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /** The thread's next message, in the order posted. */
  next<T extends WorkerMessage>(): Promise<T> {
    const message = this.messages.shift();
    if (message !== undefined) return Promise.resolve(message as T);
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.waiting = { resolve: resolve as (message: WorkerMessage) => void, reject };
    });
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(error);
    this.waiting = null;
  }
}

/** A run's answer, and how long its model took to compile and its draws to draw (ms). */
export interface ThreadedSimulation {
  readonly result: RangeSimulation;
  readonly compileMs: number;
  readonly drawMs: number;
}

/**
 * ranges-draw-thread.ts and what it imports bundled into one JavaScript file in `directory`, as
 * `forge deploy` bundles a function: a worker then starts in tens of milliseconds, where
 * transpiling the TypeScript as it loads would take hundreds.
 */
export async function bundleDrawThread(directory: string): Promise<string> {
  const outfile = join(directory, 'ranges-draw-thread.js');
  await build({
    entryPoints: [join(__dirname, 'ranges-draw-thread.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * `simulateRanges(input)` on `threads` threads: this one and `threads - 1` workers, started from
 * `bundle` (see `bundleDrawThread`) or, without one, from the TypeScript. The threads draw blocks
 * from a shared counter, then each summarises a share of the scopes.
 */
export async function simulateRangesInThreads(
  input: RangeSimulationInput,
  threads: number,
  bundle: string | null = null,
): Promise<ThreadedSimulation> {
  const start = performance.now();
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => new DrawThread(bundle));
  try {
    const model = compileRangeModel(input);
    const compileMs = performance.now() - start;
    const blocks = drawBlocks(input.draws);
    const taken = new Int32Array(new SharedArrayBuffer(4));
    for (const worker of workers) worker.post({ model, blocks, taken });
    const drawn = drawTakenBlocks(model, blocks, taken);
    for (const block of (await Promise.all(workers.map((worker) => worker.next<DrawnBlock[]>()))).flat()) {
      drawn.push(block);
    }
    drawn.sort((a, b) => a.index - b.index);
    const draws = joinDrawBlocks(drawn.map((block) => block.draws));
    const drawMs = performance.now() - start - compileMs;
    // The draws are in the order of input.scopes; cut into one share per thread, the first kept here.
    const shareStart = (t: number) => Math.floor((t * draws.length) / threads);
    const targets = input.scopes.map((scope) => scope.target?.amount ?? null);
    workers.forEach((worker, w) => {
      const share = draws.slice(shareStart(w + 1), shareStart(w + 2));
      worker.post(
        { scopes: share, targets: targets.slice(shareStart(w + 1), shareStart(w + 2)) },
        drawBuffers(share),
      );
    });
    const buffer = new Float64Array(input.draws);
    const own = draws
      .slice(0, shareStart(1))
      .map((scope, index) => scopeRangesOf(scope, targets[index] ?? null, buffer));
    const theirs = await Promise.all(workers.map((worker) => worker.next<ScopeRanges[]>()));
    return { result: rangeSimulationWith(input, [...own, ...theirs.flat()]), compileMs, drawMs };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}
