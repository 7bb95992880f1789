import type { Envelope, ResolverError } from '../../../src/contract/envelope';
import type { ExportPart } from '../../../src/contract/gadget.contract';

/** What a paged export has read so far: enough to show progress and to resume after a failure. */
export interface PartsRead {
  parts: string[];
  warnings: string[];
  epics: number;
  /** Where to go on; undefined before the first part. */
  cursor: string | undefined;
  filename: string;
  mimeType: string;
}

export const NOTHING_READ: PartsRead = {
  parts: [],
  warnings: [],
  epics: 0,
  cursor: undefined,
  filename: '',
  mimeType: '',
};

/**
 * Calls for parts from `from` on until the last one (each call stays far inside Forge's time and
 * size limits). On a failure it answers what was read, so that "Try again" resumes there.
 */
export async function readParts(
  fetchPart: (cursor: string | undefined) => Promise<Envelope<ExportPart>>,
  from: PartsRead,
  onProgress: (read: PartsRead) => void,
): Promise<{ ok: true; read: PartsRead } | { ok: false; error: ResolverError; read: PartsRead }> {
  let read = from;
  for (;;) {
    const answer = await fetchPart(read.cursor);
    if (!answer.ok) return { ok: false, error: answer.error, read };
    const part = answer.data;
    read = {
      parts: [...read.parts, part.part],
      warnings: [...read.warnings, ...part.warnings],
      epics: read.epics + part.epics,
      cursor: part.nextCursor ?? undefined,
      filename: read.filename || part.filename,
      mimeType: part.mimeType,
    };
    if (part.nextCursor === null) return { ok: true, read };
    onProgress(read);
  }
}
