import type { AdminApi } from '../admin-api';
import {
  previewed,
  readProgress,
  startedRun,
  uploadProgress,
  type ImportRun,
  type Problem,
  type StageId,
  type StageState,
} from './import-run';
import { formatBytes, READ_LIMIT_BYTES, readText, splitForUpload } from './read-file';

/**
 * Takes a chosen file as far as the preview: reads it, parses it, uploads it in parts and asks the
 * server what it would change. `show` hears each step's run; once `current` says a newer file was
 * chosen, nothing more is shown.
 */
export async function uploadForPreview(
  api: Pick<AdminApi, 'stageImport' | 'previewImport'>,
  file: File,
  { show, current }: { show: (run: ImportRun) => void; current: () => boolean },
): Promise<void> {
  let snapshot = startedRun(file);
  const put = (change: Partial<ImportRun>, stages?: Partial<Record<StageId, StageState>>) => {
    if (!current()) return;
    snapshot = { ...snapshot, ...change, stages: { ...snapshot.stages, ...stages } };
    show(snapshot);
  };
  const fail = (stage: StageId, problem: Problem) => {
    put({ problem }, { [stage]: 'failed' });
  };
  show(snapshot);

  if (file.size > READ_LIMIT_BYTES) {
    fail('read', {
      title: 'This file is too large to import',
      text: `It is ${formatBytes(file.size)}; Value Layer imports files of at most ${formatBytes(READ_LIMIT_BYTES)}. Split it by project and import the parts one after another.`,
    });
    return;
  }
  let text: string;
  try {
    text = await readText(file, (fraction) => {
      put({ progress: { read: readProgress(fraction) } });
    });
  } catch (error) {
    fail('read', {
      title: 'The file could not be read',
      text: `${error instanceof Error ? error.message : String(error)}. Choose the file again.`,
    });
    return;
  }
  put({ progress: {} }, { read: 'done', parse: 'running' });

  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch (error) {
    fail('parse', {
      title: 'This file is not JSON',
      text: `${error instanceof Error ? error.message : String(error)}. Choose a portfolio v1 file (.json), such as a Value Layer backup.`,
    });
    return;
  }
  // Spacing is left out: the server reads the same document from fewer bytes.
  const compact = JSON.stringify(document);
  const parts = splitForUpload(compact);
  put(
    { bytes: new Blob([compact]).size, progress: { upload: uploadProgress(0, parts.length) } },
    { parse: 'done', upload: 'running' },
  );

  let importId: string | undefined;
  for (const [part, chunk] of parts.entries()) {
    const staged = await api.stageImport({
      ...(importId === undefined ? {} : { importId }),
      part,
      parts: parts.length,
      chunk,
    });
    if (!current()) return;
    if (!staged.ok) {
      fail('upload', {
        title: 'The file could not be uploaded',
        text: `${staged.error.message} Nothing was imported; choose the file again.`,
      });
      return;
    }
    importId = staged.data.importId;
    put({ progress: { upload: uploadProgress(part + 1, parts.length) } });
  }
  if (importId === undefined) return;
  put({ importId, progress: {} }, { upload: 'done', validate: 'running' });

  const result = await api.previewImport(importId);
  if (!current()) return;
  if (!result.ok) {
    fail('validate', { title: 'The file could not be checked', text: result.error.message });
    return;
  }
  snapshot = previewed(snapshot, result.data);
  show(snapshot);
}
