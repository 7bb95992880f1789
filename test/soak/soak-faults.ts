/** The faults one soak operation runs under, drawn from the soak's seeded dice. */
import type { FaultConfig } from '../../local-site';
import type { Prng } from 'forge-local';

/** At most this many Jira and storage calls go through before a crash. */
const LATEST_CRASH_CALL = 40;

export function drawFaults(dice: Prng, { crashable }: { crashable: boolean }): FaultConfig {
  // Retry-After 0 or 1 s keeps an operation short; the 429 path is the same whatever it asks.
  const config: FaultConfig = {
    seed: dice.int(1, 2 ** 31 - 1),
    retryAfterMaxSeconds: dice.pick([0, 0, 0, 1]),
  };
  const profile = dice.weighted(['calm', 'flaky', 'stormy'] as const, [3, 5, 2]);
  if (profile === 'flaky') {
    Object.assign(config, {
      jira429Rate: 0.03,
      jira5xxRate: 0.03,
      storage429Rate: 0.05,
      storage5xxRate: 0.05,
      jiraLatencyMs: dice.int(0, 3),
      storageLatencyMs: dice.int(0, 2),
    });
  } else if (profile === 'stormy') {
    Object.assign(config, {
      jira429Rate: 0.08,
      jira5xxRate: 0.08,
      storage429Rate: 0.15,
      storage5xxRate: 0.15,
    });
  }
  if (crashable && dice.chance(0.2)) config.crashAfterCalls = dice.int(0, LATEST_CRASH_CALL);
  return config;
}

/** `storage429=0.05 storage5xx=0.05 crash@12`, for the operation log. */
export function describeFaults(config: FaultConfig): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(config)) {
    if (name === 'seed' || name === 'crashAfterCalls' || name === 'retryAfterMaxSeconds' || value === 0)
      continue;
    parts.push(`${name.replace(/Rate$/, '')}=${String(value)}`);
  }
  if (config.crashAfterCalls !== undefined) parts.push(`crash@${String(config.crashAfterCalls)}`);
  return parts.length === 0 ? 'calm' : `${parts.join(' ')} seed=${String(config.seed)}`;
}
