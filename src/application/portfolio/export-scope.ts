import type { ExportFile, Scope } from '../../contract/gadget.contract';
import { PORTFOLIO_FORMAT, PORTFOLIO_VERSION } from '../../contract/value-vocabulary';
import { toCsv } from '../csv';
import { csvHeaderOf, csvRowsOf } from '../export/epic-csv';
import { monthOf } from '../ports/clock';
import { collectScope, type CollectedScope } from './collect-scope';
import type { GadgetContext } from './gadget-context';

/** The scope as a portfolio v1 document: the same format as the admin's backup and import. */
export function portfolioDocumentOf(collected: Pick<CollectedScope, 'settings' | 'objectives' | 'epics'>) {
  const { settings, objectives, epics } = collected;
  return {
    format: PORTFOLIO_FORMAT,
    version: PORTFOLIO_VERSION,
    settings: { currency: settings.currency, discountRate: settings.discountRate },
    objectives: objectives.map(({ id, name, status, weight, target }) => ({
      id,
      name,
      status,
      weight,
      target,
    })),
    epics,
  };
}

/** The epics CSV, built for people (export/epic-csv.ts); the JSON export is the complete one. */
function csvOf(collected: CollectedScope, asOf: string): string {
  const { epics, settings, objectives } = collected;
  return toCsv([csvHeaderOf(settings.currency), ...csvRowsOf(epics, settings, asOf, objectives)]);
}

/** The file names of a scope's export. */
export function exportFilenameOf(format: 'json' | 'csv', asOf: string): string {
  return format === 'json' ? `value-layer-portfolio-${asOf}.json` : `value-layer-epics-${asOf}.csv`;
}

/** The scope as a file to download: CSV (one row per epic with its KPIs) or portfolio v1 JSON. */
export async function exportScope(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined; format: 'json' | 'csv' },
): Promise<ExportFile> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const collected = await collectScope(context, input.scope);
  const warnings = collected.unreadable.map((epic) => `${epic.key} was left out: ${epic.reason}`);
  return input.format === 'json'
    ? {
        filename: exportFilenameOf('json', asOf),
        mimeType: 'application/json',
        content: JSON.stringify(portfolioDocumentOf(collected)),
        warnings,
      }
    : {
        filename: exportFilenameOf('csv', asOf),
        mimeType: 'text/csv',
        content: csvOf(collected, asOf),
        warnings,
      };
}
