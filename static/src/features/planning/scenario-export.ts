import type { CsvCell } from '../../../../src/contract/csv';
import { toCsv } from '../../../../src/contract/csv';
import { KPI_NAMES, SCENARIO_COLUMN_NAMES } from '../../../../src/contract/value-vocabulary';
import { downloadFile } from '../../shared/download';
import { decisionName, type PlannedScenario } from './scenario-decisions';

/** A file name from the scenario's name: letters, digits and dashes only, never empty. */
export function scenarioFileName(name: string, extension: 'csv' | 'json'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `value-scenario-${slug === '' ? 'unnamed' : slug}.${extension}`;
}

/**
 * The scenario's decisions as CSV, one row per epic, columns named as on screen. Through the one
 * CSV writer (src/contract/csv.ts), so a summary or a reason starting with `=` is text, not a formula.
 */
export function scenarioCsv(name: string, view: PlannedScenario): string {
  const header: CsvCell[] = [
    SCENARIO_COLUMN_NAMES.scenario,
    SCENARIO_COLUMN_NAMES.asOf,
    SCENARIO_COLUMN_NAMES.currency,
    SCENARIO_COLUMN_NAMES.epic,
    SCENARIO_COLUMN_NAMES.summary,
    SCENARIO_COLUMN_NAMES.project,
    SCENARIO_COLUMN_NAMES.decision,
    SCENARIO_COLUMN_NAMES.why,
    KPI_NAMES.remainingNpv,
    KPI_NAMES.npvRetained,
    SCENARIO_COLUMN_NAMES.yearSpend,
  ];
  const rows = view.exact.decisions.map((decision): CsvCell[] => [
    name,
    view.asOf,
    view.currency,
    decision.key,
    decision.summary,
    decision.project,
    decisionName(decision),
    decision.why.text,
    decision.remainingNpv,
    decision.npvRetained,
    decision.yearSpend,
  ]);
  return toCsv([header, ...rows]);
}

/** The whole answer as JSON: the plan, cash freed per period, value lost per objective, the greedy baseline. */
export function scenarioJson(name: string, view: PlannedScenario): string {
  return `${JSON.stringify({ format: 'value-layer.scenario', version: 1, scenario: name, ...view }, null, 2)}\n`;
}

export function downloadScenario(name: string, view: PlannedScenario, format: 'csv' | 'json'): string {
  const filename = scenarioFileName(name, format);
  downloadFile({
    filename,
    mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8',
    parts: [format === 'csv' ? scenarioCsv(name, view) : scenarioJson(name, view)],
  });
  return filename;
}
