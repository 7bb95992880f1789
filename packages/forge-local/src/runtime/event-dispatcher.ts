/**
 * Holds what Forge delivers asynchronously — Jira product events for `trigger` modules and
 * `Queue.push` events for `consumer` modules — and delivers each in its own invocation.
 *
 * In `manual` mode (tests, benchmarks) nothing runs until `drain()` (the site's
 * `deliverPendingEvents()`), which delivers everything pending, including what the delivered
 * handlers raise or push, ignoring `delayInSeconds`. In `auto` mode (`npm start`) delivery starts
 * on its own right after the event is raised, honouring `delayInSeconds`.
 */
import type { ProductEvent } from '../jira/issue-writer';
import type { AsyncEventPush } from './forge-globals';

export type PendingEvent =
  | { kind: 'product'; event: ProductEvent }
  | { kind: 'async'; push: AsyncEventPush; retryCount: number; notBefore: number; lastError?: string };

export interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
  cancelled: boolean;
}

/** What delivering one event produced: done, or ask to retry it (Forge retries consumer events). */
export type DeliveryOutcome = { retry: false } | { retry: true; reason: string; afterSeconds: number };

/** Forge gives a failing async event this many more attempts. */
export const MAX_ASYNC_RETRIES = 4;
/** A safety valve against handlers that raise events forever. */
const MAX_DELIVERIES_PER_DRAIN = 100_000;

export class EventDispatcher {
  private readonly pending: PendingEvent[] = [];
  private readonly jobs = new Map<string, JobStats>();
  private draining: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = Infinity;
  private closed = false;

  constructor(
    private readonly deliver: (event: PendingEvent) => Promise<DeliveryOutcome>,
    private readonly mode: 'manual' | 'auto',
    private readonly now: () => number = Date.now,
  ) {}

  get pendingCount(): number {
    return this.pending.length;
  }

  productEvent(event: ProductEvent): void {
    this.pending.push({ kind: 'product', event });
    this.scheduleAuto(0);
  }

  asyncEvents(pushes: readonly AsyncEventPush[]): void {
    for (const push of pushes) {
      const job = this.job(push.jobId);
      job.inProgress++;
      this.pending.push({
        kind: 'async',
        push,
        retryCount: 0,
        notBefore: this.now() + push.delayInSeconds * 1000,
      });
      this.scheduleAuto(push.delayInSeconds * 1000);
    }
  }

  jobStats(jobId: string): JobStats | undefined {
    return this.jobs.get(jobId);
  }

  cancelJob(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.cancelled = true;
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const event = this.pending[i];
      if (event?.kind === 'async' && event.push.jobId === jobId) {
        this.pending.splice(i, 1);
        job.inProgress--;
      }
    }
    return true;
  }

  /** Delivers everything pending (and whatever that raises) until nothing is left. */
  async drain(options: { ignoreDelays: boolean } = { ignoreDelays: true }): Promise<void> {
    while (this.draining) await this.draining;
    this.draining = this.run(options.ignoreDelays);
    try {
      await this.draining;
    } finally {
      this.draining = null;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.draining) await this.draining;
  }

  private async run(ignoreDelays: boolean): Promise<void> {
    let deliveries = 0;
    for (;;) {
      const index = this.pending.findIndex(
        (e) => ignoreDelays || e.kind === 'product' || e.notBefore <= this.now(),
      );
      const event = index === -1 ? undefined : this.pending.splice(index, 1)[0];
      if (!event) break;
      if (++deliveries > MAX_DELIVERIES_PER_DRAIN) {
        throw new Error(
          `Delivered ${String(MAX_DELIVERIES_PER_DRAIN)} events in one go; a handler keeps raising new ones.`,
        );
      }
      const outcome = await this.deliver(event);
      if (event.kind === 'async') this.settle(event, outcome);
    }
    if (!ignoreDelays && this.pending.length > 0) {
      const next = Math.min(...this.pending.map((e) => (e.kind === 'async' ? e.notBefore : this.now())));
      this.scheduleAuto(Math.max(0, next - this.now()));
    }
  }

  private settle(event: Extract<PendingEvent, { kind: 'async' }>, outcome: DeliveryOutcome): void {
    const job = this.job(event.push.jobId);
    if (!outcome.retry) {
      job.inProgress--;
      job.success++;
      return;
    }
    if (event.retryCount >= MAX_ASYNC_RETRIES || job.cancelled) {
      job.inProgress--;
      job.failed++;
      return;
    }
    this.pending.push({
      ...event,
      retryCount: event.retryCount + 1,
      lastError: outcome.reason,
      notBefore: this.now() + outcome.afterSeconds * 1000,
    });
    this.scheduleAuto(outcome.afterSeconds * 1000);
  }

  private job(jobId: string): JobStats {
    let job = this.jobs.get(jobId);
    if (!job) {
      job = { success: 0, inProgress: 0, failed: 0, cancelled: false };
      this.jobs.set(jobId, job);
    }
    return job;
  }

  private scheduleAuto(delayMs: number): void {
    if (this.mode !== 'auto' || this.closed) return;
    const due = this.now() + delayMs;
    if (this.timer && this.timerDue <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerDue = Infinity;
      this.drain({ ignoreDelays: false }).catch((error: unknown) => {
        console.error('[local-site] event delivery failed:', error);
      });
    }, delayMs);
    this.timer.unref();
  }
}
