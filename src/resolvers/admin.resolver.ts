import Resolver from '@forge/resolver';
import { requireJiraAdmin } from '../application/admin/admin-context';
import { readAudit } from '../application/admin/audit-log';
import { exportBackup, exportBackupPage } from '../application/admin/export-backup';
import { applyImportStep, previewStagedImport, stageImportChunk } from '../application/admin/staged-import';
import {
  createObjective,
  deleteObjective,
  listObjectives,
  setObjectiveStatus,
  updateObjective,
} from '../application/admin/objectives';
import { findGroups, getSettings, saveSettings } from '../application/admin/settings';
import {
  ADMIN,
  auditLogInput,
  deleteObjectiveInput,
  exportBackupPageInput,
  findGroupsInput,
  importInput,
  importStageInput,
  noInput,
  objectiveInput,
  saveSettingsInput,
  setObjectiveStatusInput,
} from '../contract/admin.contract';
import { asCaller } from './as-caller';
import { defineResolver } from './define-resolver';

// Every use case below starts with `requireJiraAdmin`: Jira's Administer, checked as the caller.
const resolver = new Resolver();

defineResolver(resolver, ADMIN.getSettings, noInput, (_input, caller) => getSettings(asCaller(caller)));
defineResolver(resolver, ADMIN.saveSettings, saveSettingsInput, (input, caller) =>
  saveSettings(asCaller(caller), input),
);
defineResolver(resolver, ADMIN.findGroups, findGroupsInput, (input, caller) =>
  findGroups(asCaller(caller), input),
);
defineResolver(resolver, ADMIN.listObjectives, noInput, (_input, caller) => listObjectives(asCaller(caller)));
defineResolver(resolver, ADMIN.createObjective, objectiveInput, (input, caller) =>
  createObjective(asCaller(caller), input),
);
defineResolver(resolver, ADMIN.updateObjective, objectiveInput, (input, caller) =>
  updateObjective(asCaller(caller), input),
);
defineResolver(resolver, ADMIN.setObjectiveStatus, setObjectiveStatusInput, (input, caller) =>
  setObjectiveStatus(asCaller(caller), input),
);
defineResolver(resolver, ADMIN.deleteObjective, deleteObjectiveInput, (input, caller) =>
  deleteObjective(asCaller(caller), input),
);
defineResolver(resolver, ADMIN.stageImport, importStageInput, (input, caller) =>
  stageImportChunk(asCaller(caller), input),
);
// One import path, the admin page's: upload in parts, preview by id, apply in bounded steps.
defineResolver(resolver, ADMIN.previewImport, importInput, (input, caller) =>
  previewStagedImport(asCaller(caller), input),
);
defineResolver(resolver, ADMIN.applyImport, importInput, (input, caller) =>
  applyImportStep(asCaller(caller), input),
);
defineResolver(resolver, ADMIN.exportBackup, noInput, (_input, caller) => exportBackup(asCaller(caller)));
defineResolver(resolver, ADMIN.exportBackupPage, exportBackupPageInput, (input, caller) =>
  exportBackupPage(asCaller(caller), input),
);
defineResolver(resolver, ADMIN.getAuditLog, auditLogInput, async (input, caller) => {
  const context = asCaller(caller);
  await requireJiraAdmin(context);
  const { cursor, ...filter } = input;
  return readAudit(context.store, cursor, filter);
});

export const adminResolver = resolver.getDefinitions();
