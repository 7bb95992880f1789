import { forbidden } from '../app-error';
import type { Clock } from '../ports/clock';
import type { EpicFields } from '../ports/epic-fields';
import type { GroupDirectory, GroupMembership } from '../ports/group-directory';
import type { JiraSite, PermissionChecker } from '../ports/jira-site';
import type { KeyValueStore } from '../ports/key-value-store';
import type { WorkQueue } from '../ports/work-queue';

/** What the admin use cases need, wired by the admin resolver (or a test). */
export interface AdminContext {
  accountId: string;
  /** Jira as the admin. */
  jira: JiraSite;
  permissions: PermissionChecker;
  /** Membership as the app (an import's verified grades and baselines); the group pickers as the admin. */
  groups: GroupMembership & GroupDirectory;
  store: KeyValueStore;
  clock: Clock;
  /** Where a save queues the refresh of its roll-up entry (rollup/refresh-epic.ts). */
  rollupQueue: WorkQueue;
  /** The epics' Jira fields, written as the app: an import's saves and a rollback keep them right. */
  epicFields?: EpicFields;
}

/**
 * Every admin call checks Jira's global Administer permission on the server. The module a call
 * came from, and anything else the browser sends, proves nothing (forge-platform.md §6).
 */
export async function requireJiraAdmin(context: AdminContext): Promise<void> {
  if (!(await context.permissions.isJiraAdmin())) {
    throw forbidden('Only Jira administrators can manage Value Layer settings and objectives.');
  }
}
