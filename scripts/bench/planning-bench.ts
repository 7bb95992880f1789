/**
 * Benchmark section: the budget-cut optimiser (issue 16) on generated portfolios of 500, 5,000
 * and 20,000 epics, exact against greedy, each size in a fresh worker process so that its peak
 * memory is its own. Figures and ratios only: the target (5,000 epics exact < 10 s, < 512 MB)
 * is printed beside them, never enforced.
 */
import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PlanningWorkerFigures } from './planning-bench-worker';

const run = promisify(execFile);

export interface PlanningBenchOptions {
  readonly sizes: readonly number[];
  readonly asOf: string;
  /** The cut per quarter, in percent of the forecast. */
  readonly cutPercent: number;
  readonly target: { readonly epics: number; readonly exactMs: number; readonly peakRssMb: number };
  readonly log: (line: string) => void;
}

export interface PlanningBenchRow extends PlanningWorkerFigures {
  readonly epics: number;
}

export async function runPlanningBench(options: PlanningBenchOptions): Promise<PlanningBenchRow[]> {
  const worker = join(__dirname, 'planning-bench-worker.ts');
  const rows: PlanningBenchRow[] = [];
  for (const epics of options.sizes) {
    options.log(`planning: ${String(epics)} epics, cut ${String(options.cutPercent)}% per quarter ...`);
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', worker, String(epics), options.asOf, String(options.cutPercent)],
      { maxBuffer: 1024 * 1024 },
    );
    rows.push({ epics, ...(JSON.parse(stdout) as PlanningWorkerFigures) });
  }
  return rows;
}

const millions = (amount: number | null): string => (amount === null ? '-' : (amount / 100 / 1e6).toFixed(2));
const percent = (part: number, whole: number): string =>
  whole === 0 ? '-' : ((100 * part) / whole).toFixed(2);

export function formatPlanningBenchTable(
  rows: readonly PlanningBenchRow[],
  options: PlanningBenchOptions,
): string {
  const header = [
    'epics',
    'in flight',
    'links',
    'greedy ms',
    'greedy cpu',
    'exact ms',
    'exact cpu',
    'current M',
    'exact M',
    'greedy M',
    'bound M',
    'proven',
    'gap %',
    'greedy/exact %',
    'core',
    'peak RSS MB',
  ];
  const body = rows.map((row) => {
    const gap =
      row.upperBound === null || row.exactNpv === null
        ? '-'
        : percent(row.upperBound - row.exactNpv, Math.abs(row.upperBound));
    return [
      String(row.epics),
      String(row.inFlight),
      String(row.links),
      row.greedyMs.toFixed(0),
      row.greedyCpuMs.toFixed(0),
      row.exactMs.toFixed(0),
      row.exactCpuMs.toFixed(0),
      millions(row.currentNpv),
      millions(row.exactNpv),
      millions(row.greedyNpv),
      millions(row.upperBound),
      row.proven === null ? row.status : row.proven ? 'yes' : 'no',
      gap,
      row.greedyNpv === null || row.exactNpv === null ? '-' : percent(row.greedyNpv, row.exactNpv),
      String(row.coreEpics ?? '-'),
      row.peakRssMb.toFixed(0),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
  const { target } = options;
  const atTarget = rows.find((row) => row.epics === target.epics);
  return [
    line(header),
    ...body.map(line),
    '',
    `cut ${String(options.cutPercent)}% per quarter of the 12-month window, 1 in 10 epics blocked by the one before, ~1 in 100`,
    '  pinned, a 70% floor on one objective. greedy = model + greedy ranking alone; exact = planBudgetCut',
    '  (model, greedy baseline, links merged into option groups, Lagrangian bound minimised by cutting planes,',
    '  price-ordered fill, reduced-cost fixing, restricted then full yalps searches on the core). ms = wall, cpu = process CPU ms.',
    'M = millions (major units) of remaining risk-adjusted NPV: current plan, retained by exact and greedy;',
    '  bound = proven upper bound on any feasible plan; gap = (bound - exact) / |bound|, 0 when proven;',
    '  core = epics left to the last integer program after fixing (not built above MAX_CORE_EPICS / MAX_CORE_OPTIONS).',
    atTarget === undefined
      ? ''
      : `target ${String(target.epics)} epics exact < ${String(target.exactMs)} ms, < ${String(target.peakRssMb)} MB: ` +
        `wall ratio ${(atTarget.exactMs / target.exactMs).toFixed(2)}, cpu ratio ${(atTarget.exactCpuMs / target.exactMs).toFixed(2)}, ` +
        `memory ratio ${(atTarget.peakRssMb / target.peakRssMb).toFixed(2)}, proven ${atTarget.proven === true ? 'yes' : 'no'}.`,
    `machine: ${String(cpus().length)} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')} (1/5/15 min); single-threaded: compare the cpu columns when the machine is shared.`,
  ].join('\n');
}
