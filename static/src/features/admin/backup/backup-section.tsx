import { useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../../../src/contract/envelope';
import { useAdminApi } from '../admin-context';
import { formatBytes } from '../import/read-file';
import { plural } from '../text';
import { SectionMessage } from '../../../ui/section-message';
import { downloadFile } from '../../../shared/download';
import { NOTHING_READ, readParts, type PartsRead } from '../../../shared/read-parts';
import { Button } from '../../../ui/button';
import { SectionHeader } from '../section-header';

interface Saved {
  filename: string;
  url: string;
  bytes: number;
  objectives: number | null;
  epics: number | null;
  warnings: string[];
}

/** The objectives of a backup, from its first part: the document up to its epics array. */
function objectivesIn(firstPart: string | undefined): number | null {
  const end = firstPart?.indexOf(',"epics":[') ?? -1;
  if (firstPart === undefined || end < 0) return null;
  try {
    const opening = JSON.parse(`${firstPart.slice(0, end)}}`) as { objectives?: unknown };
    return Array.isArray(opening.objectives) ? opening.objectives.length : null;
  } catch {
    return null;
  }
}

type Run =
  | { state: 'idle' }
  | { state: 'reading'; read: PartsRead }
  | { state: 'failed'; error: ResolverError; read: PartsRead };

/**
 * Downloads the whole site's value data as a portfolio v1 file, the format Import reads back. The
 * server answers it in parts (a site of any size); they are joined here into one file.
 */
export function BackupSection() {
  const api = useAdminApi();
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [saved, setSaved] = useState<Saved | null>(null);
  const url = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (url.current !== null) URL.revokeObjectURL(url.current);
    },
    [],
  );

  async function download(from: PartsRead): Promise<void> {
    setSaved(null);
    setRun({ state: 'reading', read: from });
    const result = await readParts(api.exportBackupPage, from, (read) => {
      setRun({ state: 'reading', read });
    });
    if (!result.ok) {
      setRun({ state: 'failed', error: result.error, read: result.read });
      return;
    }
    const { read } = result;
    if (url.current !== null) URL.revokeObjectURL(url.current);
    const file = downloadFile({
      filename: read.filename,
      mimeType: read.mimeType,
      parts: read.parts,
      keepUrl: true,
    });
    url.current = file.url;
    setRun({ state: 'idle' });
    setSaved({
      filename: read.filename,
      url: url.current,
      bytes: file.bytes,
      objectives: objectivesIn(read.parts[0]),
      epics: read.epics,
      warnings: read.warnings,
    });
  }

  const busy = run.state === 'reading';
  return (
    <section aria-labelledby="backup-title">
      <SectionHeader id="backup-title" title="Backup">
        Download this site&rsquo;s settings, objectives and every epic&rsquo;s value record as one portfolio
        v1 JSON file. Import reads it back, so a backup restores the value data as it is now.
      </SectionHeader>
      <div className="vl-form-actions">
        <Button
          appearance="primary"
          onClick={() => void download(NOTHING_READ)}

          busy={busy}
        >
          {busy ? 'Preparing the backup…' : 'Download backup'}
        </Button>
      </div>
      {run.state === 'reading' && (
        <div className="vl-backup-progress">
          <progress className="vl-backup-bar" aria-label="Backup progress" />
          <p role="status" className="vl-subtle">
            {run.read.epics === 0
              ? 'Reading the first epics…'
              : `Exported ${plural(run.read.epics, 'epic')}…`}
          </p>
        </div>
      )}
      {run.state === 'failed' && (
        <SectionMessage
          appearance="error"
          title="The backup could not be made"
          actions={<Button onClick={() => void download(run.read)}>Try again</Button>}
        >
          <p>{run.error.message}</p>
          {run.read.epics > 0 && (
            <p>{`${plural(run.read.epics, 'epic')} read before it stopped; Try again goes on from there.`}</p>
          )}
        </SectionMessage>
      )}
      {saved !== null && (
        <SectionMessage
          appearance={saved.warnings.length > 0 ? 'warning' : 'success'}
          title={
            saved.warnings.length > 0
              ? `Downloaded ${saved.filename}, with gaps`
              : `Downloaded ${saved.filename}`
          }
        >
          <p>
            {formatBytes(saved.bytes)}
            {saved.objectives !== null && saved.epics !== null
              ? `: ${plural(saved.objectives, 'objective')} and the value records of ${plural(saved.epics, 'epic')}.`
              : '.'}{' '}
            Nothing downloaded?{' '}
            <a href={saved.url} download={saved.filename}>
              Save it again
            </a>
            .
          </p>
          {saved.warnings.length > 0 && (
            <>
              <p>These epics are not in the backup, because their stored record could not be read:</p>
              <ul>
                {saved.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </>
          )}
        </SectionMessage>
      )}
    </section>
  );
}
