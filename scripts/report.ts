/**
 * `npm run --silent report -- --as-of YYYY-MM [--format json|csv|md] [--window-months N] FILE`
 *
 * Reads a portfolio export (format v1), validates it, and prints every KPI as of the given month
 * for the portfolio, each programme, each project and each objective (`--window-months`: the
 * trailing window of "strategic goals advanced", 3 by default). Invalid input prints
 * nothing on stdout and one `path: problem` line per issue on stderr.
 *
 * Exit codes: 0 report printed; 1 the file is unreadable, not JSON or not a valid portfolio;
 * 2 wrong command-line usage.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { currencyExponentOf, formatIssues, parsePortfolioV1, type ValidationIssue } from '../src/contract';
import {
  isYearMonth,
  portfolioReport,
  toPlainReport,
  type PlainPortfolioReport,
  type PlainValueKpis,
} from '../src/domain';

export interface ReportIo {
  readonly writeStdout: (text: string) => void;
  readonly writeStderr: (text: string) => void;
  readonly readTextFile: (path: string) => Promise<string>;
}

const FORMATS = ['json', 'csv', 'md'] as const;
type OutputFormat = (typeof FORMATS)[number];

const USAGE = 'usage: report --as-of YYYY-MM [--format json|csv|md] [--window-months N] FILE';

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

type Invocation = { asOf: string; format: OutputFormat; file: string; windowMonths: number | undefined };

function parseInvocation(args: readonly string[]): Invocation | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        'as-of': { type: 'string' },
        format: { type: 'string', default: 'json' },
        'window-months': { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const { values, positionals } = parsed;
  const asOf = values['as-of'];
  const format = FORMATS.find((name) => name === values.format);
  const [file, ...extra] = positionals;
  if (asOf === undefined || !isYearMonth(asOf)) {
    return '--as-of YYYY-MM is required (e.g. --as-of 2026-11)';
  }
  if (format === undefined) {
    return `--format must be one of ${FORMATS.join(', ')}`;
  }
  const window = values['window-months'];
  if (window !== undefined && !/^[1-9]\d{0,3}$/.test(window)) {
    return '--window-months must be a whole number of months from 1 to 9999';
  }
  if (file === undefined || extra.length > 0) {
    return 'exactly one FILE is required';
  }
  return { asOf, format, file, windowMonths: window === undefined ? undefined : Number(window) };
}

/** Reads and validates the document; the issues name the file for problems of the file itself. */
async function loadPortfolio(file: string, io: ReportIo) {
  let text: string;
  try {
    text = await io.readTextFile(file);
  } catch (error) {
    return { issues: [{ path: file, message: `cannot be read (${describe(error)})` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { issues: [{ path: '(root)', message: `is not valid JSON (${describe(error)})` }] };
  }
  const result = parsePortfolioV1(json);
  return result.success ? { portfolio: result.data } : { issues: result.issues };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the report with injected I/O (the tests' entry point) and returns the exit code. Never
 * writes to stdout unless the whole report succeeded.
 */
export async function runReport({ args, io }: { args: readonly string[]; io: ReportIo }): Promise<number> {
  const invocation = parseInvocation(args);
  if (typeof invocation === 'string') {
    io.writeStderr(`${invocation}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadPortfolio(invocation.file, io);
  if (loaded.portfolio === undefined) {
    return fail(io, loaded.issues);
  }
  const { portfolio } = loaded;
  // Validation has accepted the currency, so its exponent is known.
  const currencyExponent = currencyExponentOf(portfolio.settings.currency) ?? 2;
  let report: PlainPortfolioReport;
  try {
    report = toPlainReport({
      report: portfolioReport({
        portfolio,
        currencyExponent,
        asOf: invocation.asOf,
        advancedWindowMonths: invocation.windowMonths,
      }),
    });
  } catch (error) {
    return fail(io, [{ path: '(root)', message: describe(error) }]);
  }
  io.writeStdout(render(report, invocation.format, currencyExponent));
  return EXIT_OK;
}

function fail(io: ReportIo, issues: readonly ValidationIssue[]): number {
  io.writeStderr(`${formatIssues(issues)}\n`);
  return EXIT_INVALID_INPUT;
}

function render(report: PlainPortfolioReport, format: OutputFormat, currencyExponent: number): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return renderCsv(report);
    case 'md':
      return renderMarkdown(report, currencyExponent);
  }
}

type ValueKind = 'count' | 'money' | 'percent' | 'ratio' | 'score' | 'month';

/** The KPI columns, in report order, with a label and how a person reads each value. */
const KPI_COLUMNS: readonly { key: keyof PlainValueKpis; label: string; kind: ValueKind }[] = [
  { key: 'epics', label: 'Epics', kind: 'count' },
  { key: 'plannedBenefit', label: 'Planned benefit', kind: 'money' },
  { key: 'plannedBenefitToDate', label: 'Planned to date', kind: 'money' },
  { key: 'realisedBenefit', label: 'Realised benefit', kind: 'money' },
  { key: 'disBenefitRealised', label: 'Dis-benefit realised', kind: 'money' },
  { key: 'realisationRate', label: 'Realisation rate', kind: 'percent' },
  { key: 'baselineRealisationRate', label: 'Realisation against baseline', kind: 'percent' },
  { key: 'forecastDrift', label: 'Forecast drift', kind: 'percent' },
  { key: 'costBudget', label: 'Cost budget', kind: 'money' },
  { key: 'actualCost', label: 'Actual cost', kind: 'money' },
  { key: 'forecastCost', label: 'Forecast cost', kind: 'money' },
  { key: 'riskAdjustedBenefit', label: 'Risk-adjusted benefit', kind: 'money' },
  { key: 'roi', label: 'ROI', kind: 'percent' },
  { key: 'expectedRoi', label: 'Expected ROI', kind: 'percent' },
  { key: 'valueForMoney', label: 'Value for money', kind: 'ratio' },
  { key: 'npv', label: 'NPV', kind: 'money' },
  { key: 'paybackMonth', label: 'Payback month', kind: 'month' },
  { key: 'discountedPaybackMonth', label: 'Discounted payback month', kind: 'month' },
  { key: 'irr', label: 'IRR', kind: 'percent' },
  { key: 'mirr', label: 'MIRR', kind: 'percent' },
  { key: 'costAvoidanceRealised', label: 'Cost avoidance realised', kind: 'money' },
  { key: 'costSavingRealised', label: 'Cost saving realised', kind: 'money' },
  { key: 'verifiedShare', label: 'Verified share', kind: 'percent' },
  { key: 'npsAtCompletion', label: 'NPS at completion', kind: 'score' },
];

type Scope = { scope: string; key: string; kpis: PlainValueKpis };

function scopesOf(report: PlainPortfolioReport): Scope[] {
  return [
    { scope: 'portfolio', key: '', kpis: report.portfolio },
    ...Object.entries(report.byProgramme).map(([key, kpis]) => ({ scope: 'programme', key, kpis })),
    ...Object.entries(report.byProject).map(([key, kpis]) => ({ scope: 'project', key, kpis })),
  ];
}

function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(cells: readonly (string | number | boolean | null)[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/**
 * Three tables separated by a blank line: the report's facts (metric,value), the KPIs with one
 * row per scope (portfolio, programmes, projects) and one column per KPI under its JSON name,
 * and the objectives. Values are unformatted (money as decimals, ratios as fractions, empty when
 * not computable) so that a spreadsheet can compute with them.
 */
function renderCsv(report: PlainPortfolioReport): string {
  const facts =
    csvRow(['metric', 'value']) +
    csvRow(['asOf', report.asOf]) +
    csvRow(['currency', report.currency]) +
    csvRow(['advancedWindowMonths', report.advancedWindowMonths]) +
    csvRow(['strategicGoalsAdvancedPct', report.strategicGoalsAdvancedPct]) +
    csvRow(['objectivesOnTrackPct', report.objectivesOnTrackPct]) +
    csvRow(['strategicAlignmentPct', report.strategicAlignmentPct]);
  const kpis =
    csvRow(['scope', 'key', ...KPI_COLUMNS.map((column) => column.key)]) +
    scopesOf(report)
      .map(({ scope, key, kpis: values }) =>
        csvRow([scope, key, ...KPI_COLUMNS.map((column) => values[column.key])]),
      )
      .join('');
  const objectives =
    csvRow([
      'objective',
      'status',
      'attributedPlanned',
      'attributedRealised',
      'realisedInWindow',
      'advanced',
      'targetMeasure',
      'targetAmount',
      'targetDate',
      'progress',
      'forecastAtTargetDate',
      'onTrack',
    ]) +
    Object.entries(report.byObjective)
      .map(([id, objective]) =>
        csvRow([
          id,
          objective.status,
          objective.attributedPlanned,
          objective.attributedRealised,
          objective.realisedInWindow,
          objective.advanced,
          objective.target?.measure ?? null,
          objective.target?.amount ?? null,
          objective.target?.date ?? null,
          objective.progress,
          objective.forecastAtTargetDate,
          objective.onTrack,
        ]),
      )
      .join('');
  return `${facts}\n${kpis}\n${objectives}`;
}

function formatValue(value: string | number | null, kind: ValueKind, currencyExponent: number): string {
  if (value === null) {
    return 'n/a';
  }
  if (typeof value === 'string') {
    return value;
  }
  switch (kind) {
    case 'money':
      return value.toLocaleString('en-US', {
        minimumFractionDigits: currencyExponent,
        maximumFractionDigits: currencyExponent,
      });
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'ratio':
      return value.toFixed(2);
    case 'score':
      return value.toFixed(1);
    case 'count':
    case 'month':
      return String(value);
  }
}

function markdownTable(
  header: readonly string[],
  alignRight: readonly boolean[],
  rows: readonly string[][],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  return line(header) + line(alignRight.map((right) => (right ? '---:' : '---'))) + rows.map(line).join('');
}

/** Headed Markdown tables with formatted values (thousands separators, percentages, n/a). */
function renderMarkdown(report: PlainPortfolioReport, currencyExponent: number): string {
  const percent = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(1)}%`);
  const scopeLabel = ({ scope, key }: Scope) =>
    scope === 'portfolio' ? '**Portfolio**' : `${scope === 'programme' ? 'Programme' : 'Project'} ${key}`;
  const kpiTable = markdownTable(
    ['Scope', ...KPI_COLUMNS.map((column) => column.label)],
    [false, ...KPI_COLUMNS.map((column) => column.kind !== 'month')],
    scopesOf(report).map((scope) => [
      scopeLabel(scope),
      ...KPI_COLUMNS.map((column) => formatValue(scope.kpis[column.key], column.kind, currencyExponent)),
    ]),
  );
  const money = (value: number | null) => formatValue(value, 'money', currencyExponent);
  const objectiveTable = markdownTable(
    [
      'Objective',
      'Status',
      'Attributed planned',
      'Attributed realised',
      `Advanced (last ${String(report.advancedWindowMonths)} months)`,
      'Target',
      'Progress',
      'Forecast at target date',
      'On track',
    ],
    [false, false, true, true, false, false, true, true, false],
    Object.entries(report.byObjective).map(([id, objective]) => [
      id,
      objective.status,
      money(objective.attributedPlanned),
      money(objective.attributedRealised),
      objective.advanced ? 'yes' : 'no',
      objective.target === null ? 'n/a' : `${money(objective.target.amount)} by ${objective.target.date}`,
      formatValue(objective.progress, 'percent', currencyExponent),
      money(objective.forecastAtTargetDate),
      objective.onTrack === null ? 'n/a' : objective.onTrack ? 'yes' : 'no',
    ]),
  );
  return [
    `# Value report as of ${report.asOf} (${report.currency})\n`,
    `- Strategic goals advanced (last ${String(report.advancedWindowMonths)} months): ${percent(report.strategicGoalsAdvancedPct)}`,
    `- Objectives on track: ${percent(report.objectivesOnTrackPct)}`,
    `- Strategic alignment: ${percent(report.strategicAlignmentPct)}\n`,
    '## KPIs by scope\n',
    kpiTable,
    '## Objectives\n',
    objectiveTable,
  ].join('\n');
}

const nodeIo: ReportIo = {
  writeStdout: (text) => process.stdout.write(text),
  writeStderr: (text) => process.stderr.write(text),
  readTextFile: (path) => readFile(path, 'utf8'),
};

// Run only when executed (`tsx scripts/report.ts`), not when a test imports `runReport`.
if (require.main === module) {
  runReport({ args: process.argv.slice(2), io: nodeIo }).then(
    (exitCode) => {
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`${describe(error)}\n`);
      process.exitCode = EXIT_INVALID_INPUT;
    },
  );
}
