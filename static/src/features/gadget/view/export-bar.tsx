import { useState } from 'react';
import { downloadText } from '../data/download';
import { exportScope, type ScopeRequest } from '../data/gadget-api';

type Format = 'csv' | 'json';

type ExportState =
  | { state: 'idle' }
  | { state: 'working'; format: Format }
  | { state: 'done'; filename: string; warnings: string[] }
  | { state: 'failed'; message: string };

/** Downloads the current scope as CSV (one row per epic) or as a portfolio v1 JSON file. */
export function ExportBar({ request }: { request: ScopeRequest }) {
  const [status, setStatus] = useState<ExportState>({ state: 'idle' });
  async function run(format: Format) {
    setStatus({ state: 'working', format });
    const result = await exportScope({ ...request, format });
    if (!result.ok) {
      setStatus({ state: 'failed', message: result.error.message });
      return;
    }
    downloadText(result.data);
    setStatus({ state: 'done', filename: result.data.filename, warnings: result.data.warnings });
  }
  const busy = status.state === 'working';
  return (
    <div className="vl-export">
      <div className="vl-export-buttons" role="group" aria-label="Export this scope">
        <button type="button" className="vl-button" disabled={busy} onClick={() => void run('csv')}>
          {busy && status.format === 'csv' ? 'Exporting…' : 'Export CSV'}
        </button>
        <button type="button" className="vl-button" disabled={busy} onClick={() => void run('json')}>
          {busy && status.format === 'json' ? 'Exporting…' : 'Export JSON'}
        </button>
      </div>
      <div aria-live="polite" className="vl-export-status">
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
        {status.state === 'failed' ? (
          <p className="vl-error-text" role="alert">
            The export failed: {status.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
