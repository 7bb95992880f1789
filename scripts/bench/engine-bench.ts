/**
 * Benchmark section: the value engine on generated portfolios. For each size the portfolio is
 * generated here (timed separately), written to a temporary file, and a fresh worker process
 * reads, parses, validates and reports it, so that each size's peak memory is its own.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { generatePortfolio } from '../lib/generate-portfolio';
import type { WorkerFigures } from './engine-bench-worker';

const run = promisify(execFile);

export interface EngineBenchOptions {
  /** Epic counts to measure, e.g. [1000, 10000, 100000]. */
  readonly sizes: readonly number[];
  /** Months of data in each generated portfolio. */
  readonly months: number;
  readonly seed: number;
  /** The as-of month of the reports. */
  readonly asOf: string;
  /** Target for the largest size: report time and peak memory. */
  readonly target: { readonly epics: number; readonly reportMs: number; readonly peakRssMb: number };
  readonly log: (line: string) => void;
}

export interface EngineBenchRow extends WorkerFigures {
  readonly epics: number;
  /** Dated entries (planned/realised benefits, planned/actual costs) in the portfolio. */
  readonly entries: number;
  readonly fileMb: number;
  readonly generateMs: number;
  /** Whether this size is the target size and met the target; null for other sizes. */
  readonly meetsTarget: boolean | null;
}

function countEntries(document: ReturnType<typeof generatePortfolio>): number {
  let entries = 0;
  for (const epic of document.epics) {
    const { benefits, costs } = epic.value;
    entries += costs.planned.length + costs.actual.length;
    for (const benefit of benefits) {
      entries += benefit.planned.length + benefit.realised.length;
    }
  }
  return entries;
}

async function measureSize(
  options: EngineBenchOptions,
  epics: number,
  directory: string,
): Promise<EngineBenchRow> {
  const start = performance.now();
  const document = generatePortfolio({ epics, months: options.months, seed: options.seed });
  const generateMs = performance.now() - start;
  const entries = countEntries(document);
  const text = JSON.stringify(document);
  const file = join(directory, `portfolio-${String(epics)}.json`);
  await writeFile(file, text);
  const worker = join(__dirname, 'engine-bench-worker.ts');
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', worker, file, options.asOf],
    {
      maxBuffer: 1024 * 1024,
    },
  );
  const figures = JSON.parse(stdout) as WorkerFigures;
  const { target } = options;
  return {
    epics,
    entries,
    fileMb: Buffer.byteLength(text) / (1024 * 1024),
    generateMs,
    ...figures,
    meetsTarget:
      epics === target.epics
        ? figures.reportColdMs < target.reportMs && figures.peakRssMb < target.peakRssMb
        : null,
  };
}

/** Runs the engine benchmark and returns one row per size. */
export async function runEngineBench(options: EngineBenchOptions): Promise<EngineBenchRow[]> {
  const directory = await mkdtemp(join(tmpdir(), 'value-layer-bench-'));
  try {
    const rows: EngineBenchRow[] = [];
    for (const epics of options.sizes) {
      options.log(`engine: ${String(epics)} epics x ${String(options.months)} months ...`);
      rows.push(await measureSize(options, epics, directory));
    }
    return rows;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** A plain-text table of the rows, with the target verdict. */
export function formatEngineBenchTable(rows: readonly EngineBenchRow[], options: EngineBenchOptions): string {
  const header = [
    'epics',
    'entries',
    'file MB',
    'generate ms',
    'JSON.parse ms',
    'validate ms',
    'report ms (cold)',
    'cpu ms (cold)',
    'report ms (warm)',
    'peak RSS MB',
    'report +RSS MB',
    'target',
  ];
  const fixed = (value: number, digits = 0) => value.toFixed(digits);
  const body = rows.map((row) => [
    String(row.epics),
    String(row.entries),
    fixed(row.fileMb, 1),
    fixed(row.generateMs),
    fixed(row.parseMs),
    fixed(row.validateMs),
    fixed(row.reportColdMs),
    fixed(row.reportColdCpuMs),
    fixed(row.reportWarmMs),
    fixed(row.peakRssMb),
    fixed(row.reportPeakRssMb),
    row.meetsTarget === null ? '' : row.meetsTarget ? 'met' : 'MISSED',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
  const { target } = options;
  return [
    line(header),
    ...body.map(line),
    '',
    `report = validated document -> all KPIs (portfolio, programmes, projects, objectives) -> JSON text;`,
    `  cold = first run in a fresh process (what one CLI call pays), warm = best of two more runs.`,
    `peak RSS = process.resourceUsage().maxRSS of a fresh worker process per size: file text, parsed JSON,`,
    `  validated copy and report together. report +RSS = how much the report phase raised that peak.`,
    `target: ${String(target.epics)} epics, cold report < ${String(target.reportMs)} ms and peak RSS < ${String(target.peakRssMb)} MB.`,
    `machine: ${String(cpus().length)} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')} (1/5/15 min)`,
    `  at the end of the run; other work on the machine inflates wall times (compare the cpu column).`,
  ].join('\n');
}
