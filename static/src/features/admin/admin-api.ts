import type {
  AUDIT_KINDS,
  AuditPage,
  GroupSearch,
  ImportPreview,
  ImportStaged,
  ImportStep,
  ObjectiveList,
  SettingsView,
} from '../../../../src/contract/admin.contract';
import type { Envelope } from '../../../../src/contract/envelope';
import type { ExportPart } from '../../../../src/contract/gadget.contract';
import type { AppSettings, StoredObjective } from '../../../../src/contract/site-config.schema';
import { ADMIN } from '../../../../src/contract/resolver-keys';
import { callResolver } from '../../shared/resolver-client';

export type AdminApi = ReturnType<typeof createAdminApi>;

/** Which audit entries to ask for; absent fields do not filter (admin.contract.ts, auditLogInput). */
export interface AuditFilter {
  kind?: (typeof AUDIT_KINDS)[number];
  by?: string;
  from?: string;
  to?: string;
}

/**
 * The admin resolver's calls. `onForbidden` hears every FORBIDDEN answer, so that the page can
 * switch to its refusal screen whichever call found out first.
 */
export function createAdminApi(onForbidden: (message: string) => void) {
  async function call<T>(key: string, payload: object = {}): Promise<Envelope<T>> {
    const result = await callResolver<T>(key, payload);
    if (!result.ok && result.error.code === 'FORBIDDEN') onForbidden(result.error.message);
    return result;
  }
  return {
    getSettings: () => call<SettingsView>(ADMIN.getSettings),
    saveSettings: (settings: AppSettings) => call<SettingsView>(ADMIN.saveSettings, { settings }),
    /** Jira groups whose name contains `query`, for the verifier and approver pickers. */
    findGroups: (query: string) => call<GroupSearch>(ADMIN.findGroups, { query }),
    listObjectives: () => call<ObjectiveList>(ADMIN.listObjectives),
    createObjective: (objective: StoredObjective) =>
      call<StoredObjective>(ADMIN.createObjective, { objective }),
    updateObjective: (objective: StoredObjective) =>
      call<StoredObjective>(ADMIN.updateObjective, { objective }),
    setObjectiveStatus: (id: string, status: 'active' | 'archived') =>
      call<StoredObjective>(ADMIN.setObjectiveStatus, { id, status }),
    deleteObjective: (id: string) => call<{ deleted: string }>(ADMIN.deleteObjective, { id }),
    /** One part of a file; the first part (without `importId`) starts an upload and gets its id. */
    stageImport: (part: { importId?: string; part: number; parts: number; chunk: string }) =>
      call<ImportStaged>(ADMIN.stageImport, part),
    previewImport: (importId: string) => call<ImportPreview>(ADMIN.previewImport, { importId }),
    /** One bounded step of applying an uploaded file: call again until `done`. */
    applyImportStep: (importId: string) => call<ImportStep>(ADMIN.applyImport, { importId }),
    /** One part of the backup: call with each `nextCursor` until it is null. */
    exportBackupPage: (cursor?: string) =>
      call<ExportPart>(ADMIN.exportBackupPage, cursor === undefined ? {} : { cursor }),
    getAuditLog: (cursor?: string, filter: AuditFilter = {}) =>
      call<AuditPage>(ADMIN.getAuditLog, { ...filter, ...(cursor === undefined ? {} : { cursor }) }),
  };
}
