/**
 * Seeded fault injection for Jira and storage calls: added latency, 429 with `Retry-After`, and
 * 5xx, each on a share of calls. The dice come from a seeded generator, so a failing run replays.
 */
import type { FaultConfig } from '../site-api';
import { Prng } from '../util/prng';
import { sleep } from '../util/sleep';

export type FaultTarget = 'jira' | 'storage';

export type InjectedFault =
  { kind: 'rate-limited'; retryAfterSeconds: number } | { kind: 'server-error'; status: 500 | 502 | 503 };

export class FaultInjector {
  private config: FaultConfig = {};
  private dice = new Prng(1);

  constructor(config: FaultConfig = {}) {
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
  }

  current(): FaultConfig {
    return { ...this.config };
  }

  /** Waits the configured latency, then rolls for a fault; `null` means the call goes through. */
  async before(target: FaultTarget): Promise<InjectedFault | null> {
    const latency = target === 'jira' ? this.config.jiraLatencyMs : this.config.storageLatencyMs;
    if (latency !== undefined && latency > 0) await sleep(latency);
    const rate429 = (target === 'jira' ? this.config.jira429Rate : this.config.storage429Rate) ?? 0;
    const rate5xx = (target === 'jira' ? this.config.jira5xxRate : this.config.storage5xxRate) ?? 0;
    if (rate429 === 0 && rate5xx === 0) return null;
    const roll = this.dice.next();
    if (roll < rate429) return { kind: 'rate-limited', retryAfterSeconds: this.dice.int(1, 5) };
    if (roll < rate429 + rate5xx)
      return { kind: 'server-error', status: this.dice.pick([500, 502, 503] as const) };
    return null;
  }
}
