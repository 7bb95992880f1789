/**
 * Counts the calls the app makes, by endpoint template (`POST /rest/api/3/search/jql`,
 * `kvs /api/v1/get`), and the faults injected into them, by target and kind (`storage 503`).
 */
import type { CallStats } from '../site-api';

export class CallCounter {
  private jira = 0;
  private storage = 0;
  private byEndpoint = new Map<string, number>();
  private faults = new Map<string, number>();

  count(kind: 'jira' | 'storage' | 'other', endpoint: string): void {
    if (kind === 'jira') this.jira++;
    else if (kind === 'storage') this.storage++;
    this.byEndpoint.set(endpoint, (this.byEndpoint.get(endpoint) ?? 0) + 1);
  }

  countFault(name: string): void {
    this.faults.set(name, (this.faults.get(name) ?? 0) + 1);
  }

  snapshot(): CallStats {
    return {
      jiraCalls: this.jira,
      storageCalls: this.storage,
      byEndpoint: sortedRecord(this.byEndpoint),
      ...(this.faults.size === 0 ? {} : { faultsInjected: sortedRecord(this.faults) }),
    };
  }

  reset(): void {
    this.jira = 0;
    this.storage = 0;
    this.byEndpoint = new Map();
    this.faults = new Map();
  }
}

function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}
