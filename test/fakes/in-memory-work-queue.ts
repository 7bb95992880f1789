import type { WorkQueue } from '../../src/application/ports/work-queue';

/** `WorkQueue` that keeps what was pushed, with its delay, for a test to read or run. */
export class InMemoryWorkQueue implements WorkQueue {
  readonly pushed: { body: Record<string, unknown>; delayInSeconds: number }[] = [];

  push(bodies: readonly Record<string, unknown>[], options: { delayInSeconds?: number } = {}): Promise<void> {
    for (const body of bodies)
      this.pushed.push({ body: structuredClone(body), delayInSeconds: options.delayInSeconds ?? 0 });
    return Promise.resolve();
  }
}
