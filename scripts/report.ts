/**
 * `npm run --silent report -- --as-of YYYY-MM [--format json|csv|md] [--window-months N]
 *   [--ranges [--draws N] [--seed S]] FILE`
 *
 * Reads a portfolio export (format v1), validates it, and prints every KPI as of the given month
 * for the portfolio, each programme, each project and each objective (`--window-months`: the
 * trailing window of "strategic goals advanced", 3 by default). `--ranges` adds the risk ranges
 * (docs/kpis.md, "Risk ranges"): P10 / P50 / P90 per scope, seeded (`--seed`, by default the
 * gadget's seed for "All projects"; printed with the figures), `--draws` 2,000 by default. Invalid input prints
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
import { defaultSeedOf, rangesViewOf } from '../src/application/ranges/get-scope-ranges';
import type { RangesView, ScopeRangesView } from '../src/contract/ranges.contract';

type ReportRanges = Omit<RangesView, 'unreadable'>;

export interface ReportIo {
  readonly writeStdout: (text: string) => void;
  readonly writeStderr: (text: string) => void;
  readonly readTextFile: (path: string) => Promise<string>;
}

const FORMATS = ['json', 'csv', 'md'] as const;
type OutputFormat = (typeof FORMATS)[number];

const USAGE =
  'usage: report --as-of YYYY-MM [--format json|csv|md] [--window-months N] [--ranges [--draws N] [--seed S]] FILE';

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

type Invocation = {
  asOf: string;
  format: OutputFormat;
  file: string;
  windowMonths: number | undefined;
  ranges: { draws: number; seed: number } | null;
};

function parseInvocation(args: readonly string[]): Invocation | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        'as-of': { type: 'string' },
        format: { type: 'string', default: 'json' },
        'window-months': { type: 'string' },
        ranges: { type: 'boolean', default: false },
        draws: { type: 'string' },
        seed: { type: 'string' },
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
  const { draws, seed } = values;
  if (!values.ranges && (draws !== undefined || seed !== undefined)) {
    return '--draws and --seed go with --ranges';
  }
  if (draws !== undefined && !(/^\d{1,7}$/.test(draws) && Number(draws) >= 1 && Number(draws) <= 1_000_000)) {
    return '--draws must be a whole number from 1 to 1000000';
  }
  if (seed !== undefined && !(/^\d{1,10}$/.test(seed) && Number(seed) <= 0xffff_ffff)) {
    return '--seed must be a whole number from 0 to 4294967295';
  }
  return {
    asOf,
    format,
    file,
    windowMonths: window === undefined ? undefined : Number(window),
    ranges: values.ranges
      ? {
          draws: draws === undefined ? 2000 : Number(draws),
          seed: seed === undefined ? defaultSeedOf({ kind: 'all' }) : Number(seed),
        }
      : null,
  };
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
  let ranges: ReportRanges | null = null;
  try {
    if (invocation.ranges !== null) {
      ranges = rangesViewOf({
        settings: portfolio.settings,
        objectives: portfolio.objectives,
        epics: portfolio.epics,
        asOf: invocation.asOf,
        draws: invocation.ranges.draws,
        seed: invocation.ranges.seed,
      });
    }
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
  io.writeStdout(render(report, invocation.format, currencyExponent, ranges));
  return EXIT_OK;
}

function fail(io: ReportIo, issues: readonly ValidationIssue[]): number {
  io.writeStderr(`${formatIssues(issues)}\n`);
  return EXIT_INVALID_INPUT;
}

function render(
  report: PlainPortfolioReport,
  format: OutputFormat,
  currencyExponent: number,
  ranges: ReportRanges | null,
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(ranges === null ? report : { ...report, ranges }, null, 2)}\n`;
    case 'csv':
      return renderCsv(report) + (ranges === null ? '' : `\n${rangesCsv(ranges)}`);
    case 'md':
      return (
        renderMarkdown(report, currencyExponent) +
        (ranges === null ? '' : `\n${rangesMarkdown(ranges, currencyExponent)}`)
      );
  }
}

/** Every scope of the ranges with its label: portfolio, programmes, projects, objectives. */
function rangeScopesOf(
  ranges: ReportRanges,
): { scope: string; key: string; figures: ScopeRangesView; probabilityTargetReached: number | null }[] {
  const of = (scope: string, group: Record<string, ScopeRangesView>) =>
    Object.entries(group).map(([key, figures]) => ({ scope, key, figures, probabilityTargetReached: null }));
  return [
    { scope: 'portfolio', key: '', figures: ranges.portfolio, probabilityTargetReached: null },
    ...of('programme', ranges.byProgramme),
    ...of('project', ranges.byProject),
    ...Object.entries(ranges.byObjective).map(([key, figures]) => ({
      scope: 'objective',
      key,
      figures,
      probabilityTargetReached: figures.probabilityTargetReached,
    })),
  ];
}

const RANGE_FIGURES = ['npv', 'benefitByHorizon', 'totalCost'] as const;

/** The ranges as one CSV table (figures unformatted), after a line naming seed, draws and horizon. */
function rangesCsv(ranges: ReportRanges): string {
  return (
    csvRow([
      'seed',
      ranges.seed,
      'draws',
      ranges.draws,
      'horizon',
      ranges.horizon,
      'correlation',
      ranges.correlation,
    ]) +
    csvRow([
      'scope',
      'key',
      ...RANGE_FIGURES.flatMap((figure) => [`${figure}P10`, `${figure}P50`, `${figure}P90`]),
      'probabilityNpvBelowZero',
      'probabilityTargetReached',
    ]) +
    rangeScopesOf(ranges)
      .map(({ scope, key, figures, probabilityTargetReached }) =>
        csvRow([
          scope,
          key,
          ...RANGE_FIGURES.flatMap((figure) => [
            figures[figure].p10,
            figures[figure].p50,
            figures[figure].p90,
          ]),
          figures.probabilityNpvBelowZero,
          probabilityTargetReached,
        ]),
      )
      .join('')
  );
}

/** The ranges as a Markdown table, P10 / P50 / P90 in each cell, with how to reproduce them. */
function rangesMarkdown(ranges: ReportRanges, currencyExponent: number): string {
  const money = (value: number) => formatValue(value, 'money', currencyExponent);
  const triple = (figures: ScopeRangesView['npv']) =>
    `${money(figures.p10)} / ${money(figures.p50)} / ${money(figures.p90)}`;
  const percent = (value: number | null) => formatValue(value, 'percent', currencyExponent);
  return [
    '## Risk ranges (P10 / P50 / P90)\n',
    `Seed ${String(ranges.seed)} · ${ranges.draws.toLocaleString('en-US')} draws · correlation ${String(ranges.correlation)} · benefit by ${ranges.horizon} · ${ranges.distribution} estimates, ${ranges.percentileMethod} percentiles\n`,
    markdownTable(
      [
        'Scope',
        'NPV range',
        'Benefit by horizon range',
        'Total cost range',
        'Chance NPV below zero',
        'Chance target reached',
      ],
      [false, true, true, true, true, true],
      rangeScopesOf(ranges).map(({ scope, key, figures, probabilityTargetReached }) => [
        scope === 'portfolio' ? '**Portfolio**' : `${scope.charAt(0).toUpperCase()}${scope.slice(1)} ${key}`,
        triple(figures.npv),
        triple(figures.benefitByHorizon),
        triple(figures.totalCost),
        percent(figures.probabilityNpvBelowZero),
        percent(probabilityTargetReached),
      ]),
    ),
  ].join('\n');
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
