import { forgeWorkQueue, ROLLUP_QUEUE } from '../adapters/events/forge-work-queue';
import { jiraClient } from '../adapters/jira/jira-client';
import { jiraEpicFields } from '../adapters/jira/jira-epic-fields';
import { jiraGroupDirectory, jiraGroupMembership } from '../adapters/jira/jira-groups';
import { jiraPermissions, jiraSite } from '../adapters/jira/jira-site.adapter';
import { forgeKeyValueStore } from '../adapters/storage/forge-key-value-store';
import type { AdminContext } from '../application/admin/admin-context';
import type { PanelContext } from '../application/epic-value/panel-context';
import type { GadgetContext } from '../application/portfolio/gadget-context';
import type { EpicFields } from '../application/ports/epic-fields';
import type { GroupDirectory, GroupMembership } from '../application/ports/group-directory';
import { systemClock } from '../platform/system-clock';
import type { TrustedCaller } from './define-resolver';

/**
 * The adapters the resolvers hand a use case: all that an admin or a panel use case needs, so
 * either takes them whole; the others take a part (`asViewer`, `planningJobContext`).
 */
export interface CallerContext extends AdminContext, PanelContext {
  /** Membership asked as the app; group search and lookup as the caller. */
  groups: GroupMembership & GroupDirectory;
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
