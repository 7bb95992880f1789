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
  const used = usedBytes();
  for (const sampler of active) sampler.observe(used);
}

export class MemorySampler {
  private peak: number;

  private constructor(private readonly baseline: number) {
    this.peak = baseline;
  }

  static start(): MemorySampler {
    const sampler = new MemorySampler(usedBytes());
    active.add(sampler);
    if (ticker === null) {
      ticker = setInterval(tick, SAMPLE_EVERY_MS);
      ticker.unref();
    }
    return sampler;
  }

  observe(used: number): void {
    if (used > this.peak) this.peak = used;
  }

  /** Stops sampling; the peak growth over the baseline, in MB (0 when memory only fell). */
  stop(): number {
    this.observe(usedBytes());
    active.delete(this);
    if (active.size === 0 && ticker !== null) {
      clearInterval(ticker);
      ticker = null;
    }
    return Math.max(0, this.peak - this.baseline) / MB;
  }
}
