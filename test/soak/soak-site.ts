/**
 * The site a soak runs on: the demo site persisted in a temporary data folder, so that a crash
 * can be followed by a restart from what reached the disk. Every resolver call runs with the
 * faults of its operation; the inspection reads in between run with none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalSite, type LocalSiteRuntime } from '../../local-site';
import type { FaultConfig } from '../../local-site';
import { ADMIN, call, type Envelope } from '../integration/local-site';

/** What the caller of one resolver call saw. */
export type CallOutcome =
  | { kind: 'answer'; envelope: Envelope }
  /** `invoke()` rejected (a timeout, a crash of the handler): no answer. */
  | { kind: 'no-answer'; message: string }
  /** The site crashed during the call: whatever came back never reached the caller. */
  | { kind: 'killed' };

export interface EpicState {
  id: string;
  key: string;
  project: string;
  /** The value property as Jira holds it, as JSON text; null when the epic has none. */
  property: string | null;
}

interface SearchPage {
  issues: {
    id: string;
    key: string;
    fields: { project: { key: string } };
    properties?: Record<string, unknown>;
  }[];
  nextPageToken?: string;
}

const VALUE_PROPERTY = 'value-layer';
/** Claims and locks of a crashed call free themselves after a minute (their TTL); the user waits that long. */
const WAIT_AFTER_CRASH_MS = 61_000;

export class SoakSite {
  private faultTotals = new Map<string, number>();

  private constructor(
    private readonly dataDir: string,
    private current: LocalSiteRuntime,
    readonly projectKeys: readonly string[],
  ) {}

  static async open(): Promise<SoakSite> {
    const dataDir = mkdtempSync(join(tmpdir(), 'fault-soak-'));
    const site = await openLocalSite({ dataDir, seed: 'demo', log: () => undefined });
    if (site.valueImport !== 'imported')
      throw new Error(`the demo value import failed: ${JSON.stringify(site.valueImport)}`);
    await site.deliverPendingEvents();
    const projects = await site.requestJira({
      accountId: ADMIN,
      method: 'GET',
      path: '/rest/api/3/project/search?maxResults=100',
    });
    const keys = (JSON.parse(projects.body) as { values: { key: string }[] }).values.map((p) => p.key);
    return new SoakSite(dataDir, site, keys);
  }

  get site(): LocalSiteRuntime {
    return this.current;
  }

  /** Faults injected so far over the whole soak, by target and kind. */
  faultsInjected(): Record<string, number> {
    return Object.fromEntries([...this.faultTotals].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** One resolver call as `accountId`, under `faults` (with `crashAfterCalls`, the site may die during it). */
  async call(
    accountId: string,
    functionKey: string,
    payload: unknown,
    faults: FaultConfig,
  ): Promise<CallOutcome> {
    this.current.resetCallStats();
    this.current.setFaults(faults);
    let outcome: CallOutcome;
    try {
      outcome = { kind: 'answer', envelope: await call(this.current, accountId, functionKey, payload) };
    } catch (error) {
      outcome = { kind: 'no-answer', message: error instanceof Error ? error.message : String(error) };
    }
    this.current.setFaults({});
    const stats = this.current.callStats();
    for (const [name, count] of Object.entries(stats.faultsInjected ?? {}))
      this.faultTotals.set(name, (this.faultTotals.get(name) ?? 0) + count);
    const crashed = Object.keys(stats.faultsInjected ?? {}).some((name) => name.endsWith(' crash'));
    return crashed ? { kind: 'killed' } : outcome;
  }

  /** Runs the daily reconcile under `faults`, its queue steps too; true when the site crashed during it. */
  async reconcile(faults: FaultConfig): Promise<boolean> {
    this.current.setFaults({});
    await this.current.deliverPendingEvents();
    this.current.resetCallStats();
    this.current.setFaults(faults);
    try {
      await this.current.runScheduledTrigger('value-reconcile-schedule');
    } catch {
      // A failed scheduled run is logged by Forge and tried again the next day; it answers no one.
    } finally {
      this.current.setFaults({});
    }
    const injected = this.current.callStats().faultsInjected ?? {};
    for (const [name, count] of Object.entries(injected))
      this.faultTotals.set(name, (this.faultTotals.get(name) ?? 0) + count);
    return Object.keys(injected).some((name) => name.endsWith(' crash'));
  }

  /**
   * The site comes back after its process died (or was stopped): the claims and locks a dead call
   * left run out (their TTL, 30 s) before the events held for it arrive (a save's roll-up refresh
   * is delayed 60 s; Forge delivers triggers up to minutes late), then the site reopens from its
   * data folder, and after a crash the user waits a minute before trying again.
   */
  async restart({ afterCrash }: { afterCrash: boolean }): Promise<void> {
    this.current.setFaults({});
    if (afterCrash) this.waitAMinute();
    await this.current.deliverPendingEvents();
    await this.current.close();
    this.current = await openLocalSite({ dataDir: this.dataDir, seed: 'demo', log: () => undefined });
    if (afterCrash) this.waitAMinute();
  }

  /** The user waits a minute before trying again: claims and locks left behind run out (their TTL). */
  waitAMinute(): void {
    this.current.storage.expireWithin(WAIT_AFTER_CRASH_MS);
  }

  /**
   * Drains the events held: a save's roll-up refresh is delayed 60 s, so by the time it arrives the
   * claims a dead or failed call left (30 s TTL) have run out; the local runtime delivers at once,
   * so that minute is let pass first.
   */
  async deliverEvents(): Promise<void> {
    this.current.setFaults({});
    this.waitAMinute();
    await this.current.deliverPendingEvents();
  }

  /** Every epic with its value property, read as the admin with no faults. */
  async epics(): Promise<EpicState[]> {
    const epics: EpicState[] = [];
    let nextPageToken: string | undefined;
    do {
      const answer = await this.current.requestJira({
        accountId: ADMIN,
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: JSON.stringify({
          jql: `project in (${this.projectKeys.join(', ')}) AND issuetype = Epic ORDER BY key`,
          fields: ['project'],
          properties: [VALUE_PROPERTY],
          maxResults: 100,
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        }),
      });
      if (answer.status !== 200)
        throw new Error(`the epic search failed: ${String(answer.status)} ${answer.body}`);
      const page = JSON.parse(answer.body) as SearchPage;
      for (const issue of page.issues) {
        const property = issue.properties?.[VALUE_PROPERTY];
        epics.push({
          id: issue.id,
          key: issue.key,
          project: issue.fields.project.key,
          property: property === undefined ? null : JSON.stringify(property),
        });
      }
      nextPageToken = page.nextPageToken;
    } while (nextPageToken !== undefined);
    return epics;
  }

  /** A storage entry as JSON text (null when absent), read directly. */
  stored(key: string): string | null {
    const value = this.current.storage.get(key);
    return value === undefined ? null : JSON.stringify(value);
  }

  storedKeys(prefix: string): string[] {
    return this.current.storage.keys(prefix);
  }

  async close(): Promise<void> {
    await this.current.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
