import type { Clock } from '../ports/clock';
import type { EpicFields } from '../ports/epic-fields';
import type { GroupMembership } from '../ports/group-directory';
import type { JiraSite, PermissionChecker } from '../ports/jira-site';
import type { KeyValueStore } from '../ports/key-value-store';
import type { WorkQueue } from '../ports/work-queue';
import { SiteConfig } from '../site-config';

/** Everything the epic-panel use cases need, wired by the panel resolver (or a test). */
export interface PanelContext {
  accountId: string;
  /** Jira as the invoking user. */
  jira: JiraSite;
  permissions: PermissionChecker;
  /** Jira group membership, asked as the app: who may verify realised benefit and approve baselines. */
  groups: GroupMembership;
  store: KeyValueStore;
  clock: Clock;
  /** Where a save queues the refresh of its roll-up entry (rollup/refresh-epic.ts). */
  rollupQueue: WorkQueue;
  /** The epics' Jira fields, written as the app (only the app that owns them may). */
  epicFields?: EpicFields;
  /** Waits, e.g. for a concurrent save to land; tests pass one that does not really wait. */
  sleep(ms: number): Promise<void>;
}

export function siteConfigOf(context: { store: KeyValueStore }): SiteConfig {
  return new SiteConfig(context.store);
}
