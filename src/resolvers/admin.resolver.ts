import Resolver from '@forge/resolver';
import { jiraClient } from '../adapters/jira/jira-client';
import { jiraPermissions, jiraSite } from '../adapters/jira/jira-site.adapter';
import { forgeKeyValueStore } from '../adapters/storage/forge-key-value-store';
import type { AdminContext } from '../application/admin/admin-context';
import { requireJiraAdmin } from '../application/admin/admin-context';
import { readAudit } from '../application/admin/audit-log';
import { exportBackup } from '../application/admin/export-backup';
import { applyImport, previewImport } from '../application/admin/import-portfolio';
import {
  createObjective,
  deleteObjective,
  listObjectives,
  setObjectiveStatus,
  updateObjective,
} from '../application/admin/objectives';
import { getSettings, saveSettings } from '../application/admin/settings';
import {
  ADMIN,
  auditLogInput,
  deleteObjectiveInput,
  importInput,
  noInput,
  objectiveInput,
  saveSettingsInput,
  setObjectiveStatusInput,
} from '../contract/admin.contract';
import { systemClock } from '../platform/system-clock';
import { defineResolver, type TrustedCaller } from './define-resolver';

/** Every use case below starts with `requireJiraAdmin`: Jira's Administer, checked as the caller. */
function adminContext(caller: TrustedCaller): AdminContext {
  const jira = jiraClient('user');
  return {
    accountId: caller.accountId,
    jira: jiraSite(jira),
    permissions: jiraPermissions(jira),
    store: forgeKeyValueStore,
    clock: systemClock,
  };
}

const resolver = new Resolver();

defineResolver(resolver, ADMIN.getSettings, noInput, (_input, caller) => getSettings(adminContext(caller)));
defineResolver(resolver, ADMIN.saveSettings, saveSettingsInput, (input, caller) =>
  saveSettings(adminContext(caller), input),
);
defineResolver(resolver, ADMIN.listObjectives, noInput, (_input, caller) =>
  listObjectives(adminContext(caller)),
);
defineResolver(resolver, ADMIN.createObjective, objectiveInput, (input, caller) =>
  createObjective(adminContext(caller), input),
);
defineResolver(resolver, ADMIN.updateObjective, objectiveInput, (input, caller) =>
  updateObjective(adminContext(caller), input),
);
defineResolver(resolver, ADMIN.setObjectiveStatus, setObjectiveStatusInput, (input, caller) =>
  setObjectiveStatus(adminContext(caller), input),
);
defineResolver(resolver, ADMIN.deleteObjective, deleteObjectiveInput, (input, caller) =>
  deleteObjective(adminContext(caller), input),
);
defineResolver(resolver, ADMIN.previewImport, importInput, (input, caller) =>
  previewImport(adminContext(caller), input),
);
defineResolver(resolver, ADMIN.applyImport, importInput, (input, caller) =>
  applyImport(adminContext(caller), input),
);
defineResolver(resolver, ADMIN.exportBackup, noInput, (_input, caller) => exportBackup(adminContext(caller)));
defineResolver(resolver, ADMIN.getAuditLog, auditLogInput, async (input, caller) => {
  const context = adminContext(caller);
  await requireJiraAdmin(context);
  return readAudit(context.store, input.cursor);
});

export const adminResolver = resolver.getDefinitions();
