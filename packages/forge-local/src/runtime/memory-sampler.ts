/**
 * The best in-process measure of an invocation's memory: how far the process's JavaScript heap
 * plus external memory (Buffers, ArrayBuffers) rose above where it stood when the invocation
 * started, sampled every few milliseconds while it runs and once more as it ends (while its
 * result is still held).
 *
 * What it is not: Forge's `memoryMB` caps the whole function container, whereas here the emulator
 * and the app share one process, so the absolute figure would be the emulator's. Growth is the
 * app's share, with two honest blind spots: the garbage collector may free memory mid-invocation
 * (a peak between samples is missed), and concurrent invocations share the heap, so each is
 * charged with what the others allocate meanwhile.
 */
const SAMPLE_EVERY_MS = 5;
const MB = 1024 * 1024;

const active = new Set<MemorySampler>();
let ticker: NodeJS.Timeout | null = null;

function usedBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

function tick(): void {
  for (const sampler of active) sampler.sample();
}

export class MemorySampler {
  private peak: number;

  private readonly baseline: number;

  private constructor(private readonly read: () => number) {
    this.baseline = read();
    this.peak = this.baseline;
  }

  /** `read` gives the bytes in use now; tests pass their own to check the arithmetic. */
  static start(read: () => number = usedBytes): MemorySampler {
    const sampler = new MemorySampler(read);
    active.add(sampler);
    if (ticker === null) {
      ticker = setInterval(tick, SAMPLE_EVERY_MS);
      ticker.unref();
    }
    return sampler;
  }

  sample(): void {
    const used = this.read();
    if (used > this.peak) this.peak = used;
  }

  /** Stops sampling; the peak growth over the baseline, in MB (0 when memory only fell). */
  stop(): number {
    this.sample();
    active.delete(this);
    if (active.size === 0 && ticker !== null) {
      clearInterval(ticker);
      ticker = null;
    }
    return Math.max(0, this.peak - this.baseline) / MB;
  }
}
