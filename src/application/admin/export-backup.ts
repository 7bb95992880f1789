import type { ExportFile, ExportPart } from '../../contract/gadget.contract';
import { collectScope } from '../portfolio/collect-scope';
import { portfolioDocumentOf } from '../portfolio/export-scope';
import { exportScopePage } from '../portfolio/export-scope-page';
import { requireJiraAdmin, type AdminContext } from './admin-context';

/** The backup's file name, dated the day it is made. */
export function backupFilenameOf(now: Date): string {
  return `value-layer-backup-${now.toISOString().slice(0, 10)}.json`;
}

/** The whole site's value data as a portfolio v1 file: the format import reads back. */
export async function exportBackup(context: AdminContext): Promise<ExportFile> {
  await requireJiraAdmin(context);
  const collected = await collectScope(context, { kind: 'all' });
  return {
    filename: backupFilenameOf(context.clock.now()),
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

/**
 * One part of the backup (`admin/export-backup-page`), for sites of any size: the parts joined
 * are the file `exportBackup` answers, with the same rules (only epics with a stored record).
 */
export async function exportBackupPage(
  context: AdminContext,
  input: { cursor?: string | undefined },
): Promise<ExportPart> {
  await requireJiraAdmin(context);
  const part = await exportScopePage(context, {
    scope: { kind: 'all' },
    // A backup has no KPIs; a fixed month keeps a cursor valid across a month's end.
    asOf: '1970-01',
    format: 'json',
    storedOnly: true,
    cursor: input.cursor,
  });
  return { ...part, filename: backupFilenameOf(context.clock.now()) };
}
