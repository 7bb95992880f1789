import { useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../../../src/contract/envelope';
import { useAdminApi } from '../admin-context';
import { formatBytes } from '../import/read-file';
import { plural } from '../text';
import { SectionMessage } from '../ui/section-message';
import { Spinner } from '../ui/skeleton';
import { saveFile } from './download';

interface Saved {
  filename: string;
  url: string;
  bytes: number;
  objectives: number | null;
  epics: number | null;
  warnings: string[];
}

function countsOf(content: string): { objectives: number | null; epics: number | null } {
  try {
    const document = JSON.parse(content) as { objectives?: unknown; epics?: unknown };
    return {
      objectives: Array.isArray(document.objectives) ? document.objectives.length : null,
      epics: Array.isArray(document.epics) ? document.epics.length : null,
    };
  } catch {
    return { objectives: null, epics: null };
  }
}

/** Downloads the whole site's value data as a portfolio v1 file, the format Import reads back. */
export function BackupSection() {
  const api = useAdminApi();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const url = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (url.current !== null) URL.revokeObjectURL(url.current);
    },
    [],
  );

  async function download(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await api.exportBackup();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const file = result.data;
    if (url.current !== null) URL.revokeObjectURL(url.current);
    url.current = saveFile(file.content, file.filename, file.mimeType);
    setSaved({
      filename: file.filename,
      url: url.current,
      bytes: new Blob([file.content]).size,
      ...countsOf(file.content),
      warnings: file.warnings,
    });
  }

  return (
    <section aria-labelledby="backup-title">
      <div className="vl-section-header">
        <div>
          <h2 id="backup-title">Backup</h2>
          <p className="vl-subtle">
            Download this site&rsquo;s settings, objectives and every epic&rsquo;s value record as one
            portfolio v1 JSON file. Import reads it back, so a backup restores the value data as it is now.
          </p>
        </div>
      </div>
      <div className="vl-form-actions">
        <button
          type="button"
          className="vl-button vl-button--primary"
          onClick={() => void download()}
          disabled={busy}
          aria-busy={busy}
        >
          {busy && <Spinner />}
          {busy ? 'Preparing the backup…' : 'Download backup'}
        </button>
        {busy && (
          <span className="vl-subtle">Reading every epic; this takes a few seconds on a large site.</span>
        )}
      </div>
      {error !== null && (
        <SectionMessage appearance="error" title="The backup could not be made">
          <p>{error.message}</p>
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
