import { useState } from 'react';
import type { ResolverError } from '../../../../../src/contract/envelope';
import { downloadFile } from '../../../shared/download';
import { exportPage, type ScopeRequest } from '../data/gadget-api';
import { NOTHING_READ, readParts, type PartsRead } from '../../../shared/read-parts';
import { Button } from '../../../ui/button';

type Format = 'csv' | 'json';

type ExportState =
  | { state: 'idle' }
  | { state: 'working'; format: Format; read: PartsRead }
  | { state: 'done'; filename: string; warnings: string[] }
  | { state: 'failed'; format: Format; error: ResolverError; read: PartsRead };

/**
 * Downloads the current scope as CSV (one row per epic) or as a portfolio v1 JSON file. The server
 * answers it in parts, so a scope of any size can be exported; they are joined here into one file.
 */
export function ExportBar({ request }: { request: ScopeRequest }) {
  const [status, setStatus] = useState<ExportState>({ state: 'idle' });
  async function run(format: Format, from: PartsRead) {
    setStatus({ state: 'working', format, read: from });
    const result = await readParts(
      (cursor) => exportPage({ ...request, format, cursor }),
      from,
      (read) => {
        setStatus({ state: 'working', format, read });
      },
    );
    if (!result.ok) {
      setStatus({ state: 'failed', format, error: result.error, read: result.read });
      return;
    }
    const { read } = result;
    downloadFile({ filename: read.filename, mimeType: `${read.mimeType};charset=utf-8`, parts: read.parts });
    setStatus({ state: 'done', filename: read.filename, warnings: read.warnings });
  }
  const busy = status.state === 'working';
  return (
    <div className="vl-export">
      <div className="vl-export-buttons" role="group" aria-label="Export this scope">
        <Button disabled={busy} onClick={() => void run('csv', NOTHING_READ)}>
          {busy && status.format === 'csv' ? 'Exporting…' : 'Export CSV'}
        </Button>
        <Button disabled={busy} onClick={() => void run('json', NOTHING_READ)}>
          {busy && status.format === 'json' ? 'Exporting…' : 'Export JSON'}
        </Button>
      </div>
      {status.state === 'working' ? (
        <progress className="vl-progress" aria-label={`Exporting ${status.format.toUpperCase()}`} />
      ) : null}
      <div aria-live="polite" role="status" className="vl-export-status">
        {status.state === 'working' ? (
          <p>
            {status.read.epics === 0
              ? 'Reading the first epics…'
              : `Exported ${status.read.epics.toLocaleString('en')} epics…`}
          </p>
        ) : null}
        {status.state === 'done' ? (
          <p>
            Downloaded {status.filename}.
            {status.warnings.length > 0 ? ` ${String(status.warnings.length)} epics were left out:` : null}
          </p>
        ) : null}
        {status.state === 'done' && status.warnings.length > 0 ? (
          <ul className="vl-warnings">
            {status.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {status.state === 'failed' ? (
        <div role="alert" className="vl-export-failed">
          <p className="vl-error-text">
            The export failed: {status.error.message}
            {status.read.epics > 0
              ? ` ${status.read.epics.toLocaleString('en')} epics were read; Try again goes on from there.`
              : null}
          </p>
          <Button onClick={() => void run(status.format, status.read)}>Try again</Button>
        </div>
      ) : null}
    </div>
  );
}
