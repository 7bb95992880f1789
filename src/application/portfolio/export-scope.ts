import type { ExportFile, Scope } from '../../contract/gadget.contract';
import type { KpiFigures } from '../../contract/kpi-figures';
import type { AppSettings } from '../../contract/site-config.schema';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { PORTFOLIO_FORMAT, PORTFOLIO_VERSION } from '../../contract/value-vocabulary';
import { toCsv, type CsvCell } from '../csv';
import { kpisOfEpic } from '../epic-value/epic-value-view';
import { monthOf } from '../ports/clock';
import { collectScope, type CollectedScope } from './collect-scope';
import type { GadgetContext } from './gadget-context';

const KPI_COLUMNS: readonly (keyof KpiFigures)[] = [
  'plannedBenefit',
  'plannedBenefitToDate',
  'realisedBenefit',
  'realisationRate',
  'costBudget',
  'actualCost',
  'forecastCost',
  'riskAdjustedBenefit',
  'roi',
  'expectedRoi',
  'valueForMoney',
  'npv',
  'paybackMonth',
  'discountedPaybackMonth',
  'irr',
  'mirr',
  'costAvoidanceRealised',
  'costSavingRealised',
  'verifiedShare',
  'npsAtCompletion',
];

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

export const CSV_HEADER: readonly CsvCell[] = [
  'key',
  'summary',
  'project',
  'programme',
  'status',
  'objectives',
  ...KPI_COLUMNS,
];

/** One CSV row per epic, with its KPIs as of `asOf`. */
export function csvRowsOf(epics: readonly EpicRecord[], settings: AppSettings, asOf: string): CsvCell[][] {
  return epics.map((epic): CsvCell[] => {
    const kpis = kpisOfEpic({ epic, settings, asOf });
    return [
      epic.key,
      epic.summary,
      epic.project,
      epic.programme,
      epic.status,
      epic.value.objectives.map((link) => `${link.id}:${String(link.share)}`).join(' '),
      ...KPI_COLUMNS.map((column) => kpis[column]),
    ];
  });
}

function csvOf(collected: CollectedScope, asOf: string): string {
  return toCsv([CSV_HEADER, ...csvRowsOf(collected.epics, collected.settings, asOf)]);
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
