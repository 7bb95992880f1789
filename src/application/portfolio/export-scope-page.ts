import type { ExportPart, Scope } from '../../contract/gadget.contract';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { badRequest } from '../app-error';
import { toCsv } from '../csv';
import { monthOf } from '../ports/clock';
import { openScope, readScopePages, type OpenedScope } from './collect-scope';
import { csvHeaderOf, csvRowsOf } from '../export/epic-csv';
import { exportFilenameOf, portfolioDocumentOf } from './export-scope';
import type { GadgetContext } from './gadget-context';

/** Search pages (of 100 epics) one part reads: a few seconds, far inside the 25 s and 5 MB limits. */
export const EXPORT_PAGES_PER_PART = 5;

export interface ExportPageRequest {
  scope: Scope;
  asOf: string;
  format: 'json' | 'csv';
  /** Leave out epics without a stored value record (the backup: restoring creates no empty records). */
  storedOnly: boolean;
  cursor?: string | undefined;
}

interface Cursor {
  /** Epics written by the parts before (the next JSON epic needs a comma when there are any). */
  written: number;
  pageToken: string;
}

/** FNV-1a: a short fingerprint of the export asked for, so a cursor cannot continue another one. */
function fingerprintOf(request: ExportPageRequest): string {
  const text = JSON.stringify([request.scope, request.asOf, request.format, request.storedOnly]);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const encodeCursor = (request: ExportPageRequest, cursor: Cursor) =>
  `v1.${String(cursor.written)}.${fingerprintOf(request)}.${cursor.pageToken}`;

function decodeCursor(request: ExportPageRequest, text: string): Cursor {
  const match = /^v1\.(\d{1,9})\.([0-9a-z]{1,8})\.([\x21-\x7e]+)$/.exec(text);
  const refuse = (message: string) => badRequest(message, [{ path: 'cursor', message }]);
  if (match === null) throw refuse('The cursor is not one this export answered. Start the export again.');
  const [, written = '', fingerprint, pageToken = ''] = match;
  if (fingerprint !== fingerprintOf(request)) {
    throw refuse(
      'The cursor belongs to another export (a different scope, month or format). Start the export again.',
    );
  }
  return { written: Number(written), pageToken };
}

/** The portfolio v1 document up to its epics array's `[`: JSON.stringify of it without the `]}`. */
function jsonOpening({ settings, objectives }: OpenedScope): string {
  const empty = JSON.stringify(portfolioDocumentOf({ settings, objectives, epics: [] }));
  return empty.slice(0, -']}'.length);
}

/**
 * One part of a scope's export file, reading at most EXPORT_PAGES_PER_PART search pages. The
 * parts joined in order are exactly the one-shot export: the first JSON part opens the document,
 * epics follow comma-separated and the last part closes it; the first CSV part carries the header.
 */
export async function exportScopePage(
  context: GadgetContext,
  request: ExportPageRequest,
): Promise<ExportPart> {
  const cursor = request.cursor === undefined ? null : decodeCursor(request, request.cursor);
  const opened = await openScope(context, request.scope);
  const epics: EpicRecord[] = [];
  const warnings: string[] = [];
  const nextPageToken = await readScopePages(context, opened, {
    pageToken: cursor?.pageToken,
    maxPages: EXPORT_PAGES_PER_PART,
    onPage: (records) => {
      epics.push(
        ...(request.storedOnly
          ? records.epics.filter((epic) => records.keysWithRecord.has(epic.key))
          : records.epics),
      );
      warnings.push(...records.unreadable.map((epic) => `${epic.key} was left out: ${epic.reason}`));
    },
  });
  const written = cursor?.written ?? 0;
  let part: string;
  if (request.format === 'json') {
    const opening = cursor === null ? jsonOpening(opened) : '';
    const body = epics.map((epic) => JSON.stringify(epic)).join(',');
    const separator = written > 0 && epics.length > 0 ? ',' : '';
    part = opening + separator + body + (nextPageToken === undefined ? ']}' : '');
  } else {
    const rows = csvRowsOf(epics, opened.settings, request.asOf, opened.objectives);
    const lines = cursor === null ? [csvHeaderOf(opened.settings.currency), ...rows] : rows;
    part = lines.length === 0 ? '' : toCsv(lines);
  }
  return {
    part,
    nextCursor:
      nextPageToken === undefined
        ? null
        : encodeCursor(request, { written: written + epics.length, pageToken: nextPageToken }),
    epics: epics.length,
    warnings,
    filename: exportFilenameOf(request.format, request.asOf),
    mimeType: request.format === 'json' ? 'application/json' : 'text/csv',
  };
}

/** One part of the gadget's export (`gadget/export-page`), with the viewer's permissions. */
export function exportPage(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined; format: 'json' | 'csv'; cursor?: string | undefined },
): Promise<ExportPart> {
  return exportScopePage(context, {
    scope: input.scope,
    asOf: input.asOf ?? monthOf(context.clock.now()),
    format: input.format,
    storedOnly: false,
    cursor: input.cursor,
  });
}
