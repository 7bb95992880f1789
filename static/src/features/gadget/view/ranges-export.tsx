import { useState } from 'react';
import type { RangesView } from '../../../../../src/contract/ranges.contract';
import { downloadFile } from '../../../shared/download';
import { Button } from '../../../ui/button';
import { rangesCsvFilename, rangesCsvOf } from '../config/ranges-csv';

/**
 * Downloads the risk ranges already on screen as CSV (every scope, with each objective's chance
 * of reaching its target and the seed that reproduces them): no second simulation.
 */
export function RangesExport({ ranges }: { ranges: RangesView }) {
  const [downloaded, setDownloaded] = useState<string | null>(null);
  return (
    <div className="vl-export vl-ranges-export">
      <Button
        onClick={() => {
          const filename = rangesCsvFilename(ranges);
          downloadFile({ filename, mimeType: 'text/csv;charset=utf-8', parts: [rangesCsvOf(ranges)] });
          setDownloaded(filename);
        }}
      >
        Export ranges CSV
      </Button>
      <div aria-live="polite" role="status" className="vl-export-status">
        {downloaded ? <p>Downloaded {downloaded}.</p> : null}
      </div>
    </div>
  );
}
