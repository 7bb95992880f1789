import { currencyExponentOf } from '../../contract/currencies';
import type { CsvCell } from '../../contract/csv';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import { EPIC_STATUS_NAMES, KPI_NAMES } from '../../contract/value-vocabulary';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import type { PlainValueKpis } from '../../domain/report/plain-report';
import { kpisOfEpic } from '../epic-value/epic-value-view';

/*
 * The epics CSV, for people: headers in the KPI vocabulary with their unit, objective names
 * beside their ids, amounts in major units rounded to the currency's decimals, ratios as
 * percentages, statuses in words. Numbers stay numbers, so that a spreadsheet can sum them. The
 * JSON export (portfolio v1) is the complete, machine-readable one.
 */

type Unit = 'money' | 'percent' | 'multiple' | 'month' | 'score';

/** A KPI of an epic that the vocabulary names. */
type CsvKpi = keyof PlainValueKpis & keyof typeof KPI_NAMES;

const KPI_COLUMNS: readonly { kpi: CsvKpi; unit: Unit }[] = [
  { kpi: 'plannedBenefit', unit: 'money' },
  { kpi: 'plannedBenefitToDate', unit: 'money' },
  { kpi: 'realisedBenefit', unit: 'money' },
  { kpi: 'disBenefitRealised', unit: 'money' },
  { kpi: 'realisationRate', unit: 'percent' },
  { kpi: 'baselineRealisationRate', unit: 'percent' },
  { kpi: 'forecastDrift', unit: 'percent' },
  { kpi: 'costBudget', unit: 'money' },
  { kpi: 'actualCost', unit: 'money' },
  { kpi: 'forecastCost', unit: 'money' },
  { kpi: 'riskAdjustedBenefit', unit: 'money' },
  { kpi: 'roi', unit: 'percent' },
  { kpi: 'expectedRoi', unit: 'percent' },
  { kpi: 'valueForMoney', unit: 'multiple' },
  { kpi: 'npv', unit: 'money' },
  { kpi: 'paybackMonth', unit: 'month' },
  { kpi: 'discountedPaybackMonth', unit: 'month' },
  { kpi: 'irr', unit: 'percent' },
  { kpi: 'mirr', unit: 'percent' },
  { kpi: 'costAvoidanceRealised', unit: 'money' },
  { kpi: 'costSavingRealised', unit: 'money' },
  { kpi: 'verifiedShare', unit: 'percent' },
  { kpi: 'npsAtCompletion', unit: 'score' },
];

function headerOf(kpi: CsvKpi, unit: Unit, currency: string): string {
  const name = KPI_NAMES[kpi];
  switch (unit) {
    case 'money':
      return `${name} (${currency})`;
    case 'percent':
      return `${name} (%)`;
    case 'multiple':
      return `${name} (× cost)`;
    case 'month':
      return `${name} (YYYY-MM)`;
    case 'score':
      return `${name} (−100 to 100)`;
  }
}

/** The header row: readable names, each with its unit. */
export function csvHeaderOf(currency: string): CsvCell[] {
  return [
    'Epic',
    'Summary',
    'Project',
    'Programme',
    'Status',
    'Objectives (share)',
    ...KPI_COLUMNS.map(({ kpi, unit }) => headerOf(kpi, unit, currency)),
  ];
}

/** `value` rounded to `decimals`, as a number (never -0). */
function rounded(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const result = Math.round(value * scale) / scale;
  return result === 0 ? 0 : result;
}

function cellOf(value: PlainValueKpis[CsvKpi], unit: Unit, currencyDecimals: number): CsvCell {
  if (value === null || typeof value === 'string') return value;
  switch (unit) {
    case 'money':
      return rounded(value, currencyDecimals);
    case 'percent':
      return rounded(value * 100, 1);
    case 'multiple':
      return rounded(value, 2);
    case 'score':
      return rounded(value, 1);
    case 'month':
      return String(value);
  }
}

const percentText = (share: number) => `${String(rounded(share * 100, 2))}%`;

/** One row per epic, with its KPIs as of `asOf`. Objective names come from `objectives`. */
export function csvRowsOf(
  epics: readonly EpicRecord[],
  settings: AppSettings,
  asOf: string,
  objectives: readonly Pick<StoredObjective, 'id' | 'name'>[] = [],
): CsvCell[][] {
  const names = new Map(objectives.map((objective) => [objective.id, objective.name]));
  const decimals = currencyExponentOf(settings.currency) ?? 2;
  return epics.map((epic): CsvCell[] => {
    const kpis = kpisOfEpic({ epic, settings, asOf });
    return [
      epic.key,
      epic.summary,
      epic.project,
      epic.programme,
      EPIC_STATUS_NAMES[epic.status],
      epic.value.objectives
        .map((link) => {
          const name = names.get(link.id);
          return `${link.id}${name === undefined ? '' : ` ${name}`} (${percentText(link.share)})`;
        })
        .join('; '),
      ...KPI_COLUMNS.map(({ kpi, unit }) => cellOf(kpis[kpi], unit, decimals)),
    ];
  });
}
