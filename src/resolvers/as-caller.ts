import { forgeWorkQueue, ROLLUP_QUEUE } from '../adapters/events/forge-work-queue';
import { jiraClient } from '../adapters/jira/jira-client';
import { jiraEpicFields } from '../adapters/jira/jira-epic-fields';
import { jiraGroupDirectory, jiraGroupMembership } from '../adapters/jira/jira-groups';
import { jiraPermissions, jiraSite } from '../adapters/jira/jira-site.adapter';
import { forgeKeyValueStore } from '../adapters/storage/forge-key-value-store';
import type { GadgetContext } from '../application/portfolio/gadget-context';
import type { Clock } from '../application/ports/clock';
import type { EpicFields } from '../application/ports/epic-fields';
import type { GroupDirectory, GroupMembership } from '../application/ports/group-directory';
import type { JiraSite, PermissionChecker } from '../application/ports/jira-site';
import type { KeyValueStore } from '../application/ports/key-value-store';
import type { WorkQueue } from '../application/ports/work-queue';
import { systemClock } from '../platform/system-clock';
import type { TrustedCaller } from './define-resolver';

export interface CallerContext {
  accountId: string;
  jira: JiraSite;
  permissions: PermissionChecker;
  /** Membership asked as the app; group search and lookup as the caller. */
  groups: GroupMembership & GroupDirectory;
  store: KeyValueStore;
  clock: Clock;
  sleep(ms: number): Promise<void>;
  rollupQueue: WorkQueue;
  /** As the app: only the app that owns a custom field may write it. */
  epicFields: EpicFields;
}

/**
 * The adapters a use case runs with, acting as the caller: every Jira call is made `asUser()`,
 * so the caller's own Browse, Edit and Administer permissions apply. The composition root of all
 * three resolvers.
 */
export function asCaller(caller: TrustedCaller): CallerContext {
  const jira = jiraClient('user');
  return {
    accountId: caller.accountId,
    jira: jiraSite(jira),
    permissions: jiraPermissions(jira),
    groups: { ...jiraGroupMembership(jiraClient('app')), ...jiraGroupDirectory(jira) },
    store: forgeKeyValueStore,
    clock: systemClock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    rollupQueue: forgeWorkQueue(ROLLUP_QUEUE),
    epicFields: jiraEpicFields(jiraClient('app')),
  };
}

/**
 * A read-only use case's adapters for the caller as a viewer (the gadget and the planning page):
 * every Jira read is made as them, so an epic they may not browse is never found and reaches no
 * row and no total; the roll-up store merges only the projects Jira says they may browse.
 */
export function asViewer(caller: TrustedCaller): GadgetContext {
  const { jira, store, clock, permissions } = asCaller(caller);
  return {
    jira,
    store,
    clock,
    viewer: { accountId: caller.accountId, browsableProjectKeys: () => permissions.browsableProjectKeys() },
  };
}
