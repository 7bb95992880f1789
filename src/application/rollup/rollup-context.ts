import type { Clock } from '../ports/clock';
import type { EpicFields } from '../ports/epic-fields';
import type { AppSettings } from '../../contract/site-config.schema';
import type { EpicIssue, JiraSite } from '../ports/jira-site';
import type { KeyValueStore } from '../ports/key-value-store';
import type { WorkQueue } from '../ports/work-queue';

/** What keeping the aggregates fresh needs: Jira as the app (no user behind triggers), storage, time. */
export interface RollupContext {
  /** Jira as the app: it sees every epic, which the aggregates must all count. */
  jira: JiraSite;
  store: KeyValueStore;
  clock: Clock;
  /** The epics' Jira fields, written as the app; absent where a caller does not keep them. */
  epicFields?: EpicFields;
  /**
   * Called with the epics read from Jira, by an event's refresh and by every page of the sweep
   * (benefit reviews schedule Done epics here); absent where nothing else needs them.
   */
  onEpicsSeen?(epics: readonly EpicIssue[], settings: AppSettings): Promise<void>;
}

export interface ReconcileContext extends RollupContext {
  /** Every project key of the site (as the app). */
  listProjects(): Promise<string[]>;
  queue: WorkQueue;
}
