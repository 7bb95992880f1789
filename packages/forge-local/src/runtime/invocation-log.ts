/**
 * One record per invocation — wall and CPU time, time limit, peak memory, calls made, outcome — for the benchmarks
 * (`site.invocations()`, `site.onInvocation(listener)`) and for finding slow resolvers.
 */
export type InvocationKind = 'resolver' | 'trigger' | 'scheduledTrigger' | 'consumer' | 'action';

export interface InvocationRecord {
  invocationId: string;
  kind: InvocationKind;
  moduleKey: string;
  /** The manifest function that ran. */
  functionKey: string;
  /** The resolver definition called (`call.functionKey`), for resolvers. */
  resolverKey?: string;
  accountId?: string;
  startedAt: string;
  wallMs: number;
  /**
   * CPU time of the whole process while the invocation ran (Node cannot attribute CPU to one async
   * context, so concurrent invocations share theirs).
   */
  cpuMs: number;
  jiraCalls: number;
  storageCalls: number;
  /**
   * The length of the invocation's chain of Jira and storage calls: the number of waves, where a
   * call starts a new wave when no other call of the invocation is in flight at its start (calls
   * started side by side, as in `Promise.all`, are one wave). Meaningful with injected latency:
   * without it a call may be answered before the next one of the same batch starts.
   */
  sequentialRoundTrips: number;
  /** The time limit the invocation ran under; `null` for the seed's bulk import, which has none. */
  timeoutMs: number | null;
  /** Peak memory: see `MemorySampler` for what it measures. */
  memory: {
    /** How far heap plus external memory rose above its level at the start, in MB. */
    peakGrowthMB: number;
    /** The manifest's `app.runtime.memoryMB`. */
    limitMB: number;
    /** The growth alone exceeded `limitMB`: on Forge the function would have run out of memory. */
    overLimit: boolean;
  };
  outcome: 'ok' | 'error' | 'timeout';
  error?: { errorType: string; errorMessage: string };
}

const KEEP = 1000;

export class InvocationLog {
  private readonly records: InvocationRecord[] = [];
  private readonly listeners = new Set<(record: InvocationRecord) => void>();

  add(record: InvocationRecord): void {
    this.records.push(record);
    if (this.records.length > KEEP) this.records.splice(0, this.records.length - KEEP);
    for (const listener of this.listeners) listener(record);
  }

  /** The most recent invocations (up to 1,000), oldest first. */
  list(): InvocationRecord[] {
    return [...this.records];
  }

  subscribe(listener: (record: InvocationRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.records.length = 0;
  }
}
