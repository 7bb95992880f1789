import { toCsv, type CsvCell } from '../../../../../src/contract/csv';
import type {
  ObjectiveRangesView,
  RangesView,
  ScopeRangesView,
} from '../../../../../src/contract/ranges.contract';

const FIGURES = ['npv', 'benefitByHorizon', 'totalCost'] as const;

export const RANGES_CSV_HEADER: readonly string[] = [
  'scope',
  'key',
  'name',
  'epics',
  ...FIGURES.flatMap((figure) => [`${figure}P10`, `${figure}P50`, `${figure}P90`]),
  'probabilityNpvBelowZero',
  'targetAmount',
  'targetDate',
  'probabilityTargetReached',
  'noProbabilityReason',
  'asOf',
  'horizon',
  'seed',
  'draws',
  'correlation',
  'currency',
];

/**
 * The risk ranges as CSV (docs/kpis.md, "Risk ranges in the gadget and the report"): one row per
 * scope (portfolio, programmes, projects, objectives), amounts in the site currency unformatted,
 * probabilities 0 to 1, an objective without a chance with its reason instead, and on every row
 * what reproduces the figures (as-of, horizon, seed, draws, correlation).
 */
export function rangesCsvOf(ranges: RangesView): string {
  const reproduce: CsvCell[] = [
    ranges.asOf,
    ranges.horizon,
    ranges.seed,
    ranges.draws,
    ranges.correlation,
    ranges.currency,
  ];
  const row = (
    scope: string,
    key: string,
    figures: ScopeRangesView,
    objective: ObjectiveRangesView | null,
  ): CsvCell[] => [
    scope,
    key,
    objective?.name ?? '',
    figures.epics,
    ...FIGURES.flatMap((figure) => [figures[figure].p10, figures[figure].p50, figures[figure].p90]),
    figures.probabilityNpvBelowZero,
    objective?.target?.amount ?? null,
    objective?.target?.date ?? null,
    objective?.probabilityTargetReached ?? null,
    objective?.probabilityReason ?? null,
    ...reproduce,
  ];
  const group = (scope: string, figures: Record<string, ScopeRangesView>) =>
    Object.entries(figures).map(([key, scopeFigures]) => row(scope, key, scopeFigures, null));
  return toCsv([
    RANGES_CSV_HEADER,
    row('portfolio', '', ranges.portfolio, null),
    ...group('programme', ranges.byProgramme),
    ...group('project', ranges.byProject),
    ...Object.entries(ranges.byObjective).map(([key, objective]) =>
      row('objective', key, objective, objective),
    ),
  ]);
}

/** The export's file name: the as-of month and seed, so two exports are told apart. */
export function rangesCsvFilename(ranges: Pick<RangesView, 'asOf' | 'seed'>): string {
  return `value-layer-ranges-${ranges.asOf}-seed-${String(ranges.seed)}.csv`;
}
