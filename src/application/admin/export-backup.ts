import type { ExportFile } from '../../contract/gadget.contract';
import { collectScope } from '../portfolio/collect-scope';
import { portfolioDocumentOf } from '../portfolio/export-scope';
import { requireJiraAdmin, type AdminContext } from './admin-context';

/** The whole site's value data as a portfolio v1 file: the format import reads back. */
export async function exportBackup(context: AdminContext): Promise<ExportFile> {
  await requireJiraAdmin(context);
  const collected = await collectScope(context, { kind: 'all' });
  return {
    filename: `value-layer-backup-${context.clock.now().toISOString().slice(0, 10)}.json`,
    mimeType: 'application/json',
    // Epics without a record are left out, so restoring a backup creates no empty records.
    content: JSON.stringify(
      portfolioDocumentOf({
        ...collected,
        epics: collected.epics.filter((epic) => collected.keysWithRecord.has(epic.key)),
      }),
    ),
    // A backup that silently drops records is worse than none: say which ones are missing.
    warnings: collected.unreadable.map((epic) => `${epic.key} was left out: ${epic.reason}`),
  };
}
