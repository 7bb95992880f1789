import type {
  ADMIN as AdminKeys,
  AuditPage,
  ImportPreview,
  ImportResult,
  ObjectiveList,
  SettingsView,
} from '../../../../src/contract/admin.contract';
import type { Envelope } from '../../../../src/contract/envelope';
import type { ExportFile } from '../../../../src/contract/gadget.contract';
import type { AppSettings, StoredObjective } from '../../../../src/contract/site-config.schema';
import { callResolver } from '../../shared/resolver-client';

// The keys are repeated here, checked against the contract's type: importing the contract's
// values would bring zod into the browser (about 28 KB gzip).
const ADMIN: typeof AdminKeys = {
  getSettings: 'admin/get-settings',
  saveSettings: 'admin/save-settings',
  listObjectives: 'admin/list-objectives',
  createObjective: 'admin/create-objective',
  updateObjective: 'admin/update-objective',
  setObjectiveStatus: 'admin/set-objective-status',
  deleteObjective: 'admin/delete-objective',
  previewImport: 'admin/import-preview',
  applyImport: 'admin/import-apply',
  exportBackup: 'admin/export-backup',
  getAuditLog: 'admin/get-audit-log',
};

export type AdminApi = ReturnType<typeof createAdminApi>;

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
    listObjectives: () => call<ObjectiveList>(ADMIN.listObjectives),
    createObjective: (objective: StoredObjective) =>
      call<StoredObjective>(ADMIN.createObjective, { objective }),
    updateObjective: (objective: StoredObjective) =>
      call<StoredObjective>(ADMIN.updateObjective, { objective }),
    setObjectiveStatus: (id: string, status: 'active' | 'archived') =>
      call<StoredObjective>(ADMIN.setObjectiveStatus, { id, status }),
    deleteObjective: (id: string) => call<{ deleted: string }>(ADMIN.deleteObjective, { id }),
    previewImport: (document: unknown) => call<ImportPreview>(ADMIN.previewImport, { document }),
    applyImport: (document: unknown) => call<ImportResult>(ADMIN.applyImport, { document }),
    exportBackup: () => call<ExportFile>(ADMIN.exportBackup),
    getAuditLog: (cursor?: string) =>
      call<AuditPage>(ADMIN.getAuditLog, cursor === undefined ? {} : { cursor }),
  };
}
