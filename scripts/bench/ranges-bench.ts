/**
 * Benchmark section: the risk-range simulation (docs/kpis.md, "Risk ranges") on generated
 * portfolios, each size in a fresh worker process so that its peak memory is its own.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RangesWorkerFigures } from './ranges-bench-worker';
import { bundleDrawThread } from './ranges-threads';

const run = promisify(execFile);

export interface RangesBenchOptions {
  /** Epic counts with their time target: [{ epics: 5000, targetMs: 1000 }, ...]. */
  readonly sizes: readonly { readonly epics: number; readonly targetMs: number }[];
  readonly draws: number;
  /** Worker threads the draws are split over (the figures are the same for any number). */
  readonly threads: number;
  readonly asOf: string;
  readonly peakRssTargetMb: number;
  readonly log: (line: string) => void;
}

export interface RangesBenchRow extends RangesWorkerFigures {
  readonly epics: number;
  readonly targetMs: number;
}

export async function runRangesBench(options: RangesBenchOptions): Promise<RangesBenchRow[]> {
  const worker = join(__dirname, 'ranges-bench-worker.ts');
  const directory = await mkdtemp(join(tmpdir(), 'ranges-bench-'));
  try {
    const bundle = await bundleDrawThread(directory);
    return await measureSizes(options, worker, bundle);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function measureSizes(
  options: RangesBenchOptions,
  worker: string,
  bundle: string,
): Promise<RangesBenchRow[]> {
  const rows: RangesBenchRow[] = [];
  for (const { epics, targetMs } of options.sizes) {
    options.log(`ranges: ${String(epics)} epics x ${String(options.draws)} draws ...`);
    const { stdout } = await run(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        worker,
        String(epics),
        String(options.draws),
        options.asOf,
        String(options.threads),
        bundle,
      ],
      { maxBuffer: 1024 * 1024 },
    );
    rows.push({ epics, targetMs, ...(JSON.parse(stdout) as RangesWorkerFigures) });
  }
  return rows;
}

export function formatRangesBenchTable(rows: readonly RangesBenchRow[], options: RangesBenchOptions): string {
  const header = [
    'epics',
    'benefits',
    'scopes',
    'draws',
    'threads',
    'simulate ms',
    'compile',
    'draw',
    'pct',
    'cpu ms',
    'target ms',
    'ratio',
    'peak RSS MB',
    'sim +RSS MB',
    'verdict',
  ];
  const body = rows.map((row) => {
    const met = row.simulateMs < row.targetMs && row.simulatePeakRssMb < options.peakRssTargetMb;
    return [
      String(row.epics),
      String(row.benefits),
      String(row.scopes),
      String(options.draws),
      String(row.threads),
      row.simulateMs.toFixed(0),
      row.compileMs.toFixed(0),
      row.drawMs.toFixed(0),
      row.percentilesMs.toFixed(0),
      row.simulateCpuMs.toFixed(0),
      String(row.targetMs),
      (row.simulateMs / row.targetMs).toFixed(2),
      row.peakRssMb.toFixed(0),
      row.simulatePeakRssMb.toFixed(0),
      met ? 'met' : 'MISSED',
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
  return [
    line(header),
    ...body.map(line),
    '',
    'simulate = compile (the model; the threads start meanwhile) + draw (every draw, in blocks handed to',
    '  the worker threads, the same draws as in one) + pct (the percentiles), for the portfolio, each',
    '  project and each objective (half with a target);',
    '  correlation 0.3, evidence defaults, triangular ranges. cpu = CPU time of every thread.',
    'ratio = simulate ms / target ms (< 1 meets it). peak RSS = the whole process at its peak during',
    '  the simulation (the epics it starts from included: about 4 KB each as objects); sim +RSS = what',
    `  the simulation added to the RSS it started at (Linux VmHWM), judged against ${String(options.peakRssTargetMb)} MB.`,
    `machine: ${String(cpus().length)} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')} (1/5/15 min);`,
    '  on a shared machine compare the cpu column, and cpu / threads with the target.',
  ].join('\n');
}
