/**
 * Seeded fault injection for Jira and storage calls: added latency, 429 with `Retry-After`, and
 * 5xx, each on a share of calls; and a crash of the site's process after a number of calls. The
 * dice come from a seeded generator, so a failing run replays.
 */
import type { FaultConfig } from '../site-api';
import { Prng } from '../util/prng';
import { sleep } from '../util/sleep';

export type FaultTarget = 'jira' | 'storage';

export type InjectedFault =
  { kind: 'rate-limited'; retryAfterSeconds: number } | { kind: 'server-error'; status: 500 | 502 | 503 };

/** Rejects every call made after a crash: the process that made it is gone. */
export class SiteCrashedError extends Error {
  constructor() {
    super('The local site crashed (FaultConfig.crashAfterCalls): this call never reached Jira or storage.');
    this.name = 'SiteCrashedError';
  }
}

export class FaultInjector {
  private config: FaultConfig = {};
  private dice = new Prng(1);
  /** Calls that may still go through before the crash; null when no crash is armed. */
  private callsBeforeCrash: number | null = null;
  /** The crash has happened: every call fails until the faults are configured again. */
  private down = false;

  constructor(
    config: FaultConfig = {},
    /** Told of every fault injected, e.g. `storage 429`, `jira 503`, `jira crash`. */
    private readonly onFault: (name: string) => void = () => undefined,
  ) {
    this.configure(config);
  }

  configure(config: FaultConfig): void {
    for (const [name, value] of Object.entries(config)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new Error(`FaultConfig.${name} must be a non-negative number; got ${String(value)}`);
      }
      if (name.endsWith('Rate') && value > 1)
        throw new Error(`FaultConfig.${name} is a share of calls, 0..1; got ${String(value)}`);
    }
    this.config = { ...config };
    this.dice = new Prng(config.seed ?? 1);
    this.callsBeforeCrash = config.crashAfterCalls ?? null;
    this.down = false;
  }

  current(): FaultConfig {
    return { ...this.config };
  }

  /**
   * Waits the configured latency, then rolls for a fault; `null` means the call goes through.
   * After a crash it rejects with `SiteCrashedError`, also for calls whose latency was still running.
   */
  async before(target: FaultTarget): Promise<InjectedFault | null> {
    if (this.callsBeforeCrash !== null) {
      if (this.callsBeforeCrash <= 0) this.down = true;
      if (this.down) throw this.crash(target);
      this.callsBeforeCrash--;
    }
    const latency = target === 'jira' ? this.config.jiraLatencyMs : this.config.storageLatencyMs;
    if (latency !== undefined && latency > 0) await sleep(latency);
    if (this.down) throw this.crash(target);
    const rate429 = (target === 'jira' ? this.config.jira429Rate : this.config.storage429Rate) ?? 0;
    const rate5xx = (target === 'jira' ? this.config.jira5xxRate : this.config.storage5xxRate) ?? 0;
    if (rate429 === 0 && rate5xx === 0) return null;
    const roll = this.dice.next();
    if (roll < rate429) {
      const longest = this.config.retryAfterMaxSeconds ?? 5;
      this.onFault(`${target} 429`);
      return { kind: 'rate-limited', retryAfterSeconds: this.dice.int(Math.min(1, longest), longest) };
    }
    if (roll < rate429 + rate5xx) {
      const status = this.dice.pick([500, 502, 503] as const);
      this.onFault(`${target} ${String(status)}`);
      return { kind: 'server-error', status };
    }
    return null;
  }

  private crash(target: FaultTarget): SiteCrashedError {
    this.onFault(`${target} crash`);
    return new SiteCrashedError();
  }
}
