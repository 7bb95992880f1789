/**
 * `npm run bench`: runs the benchmark sections in turn and prints a table for each. Sections are
 * functions in scripts/bench/; add new ones to SECTIONS. `npm run bench -- bundle` runs only the
 * sections named (by key).
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { formatEngineBenchTable, runEngineBench, type EngineBenchOptions } from './bench/engine-bench';
import { formatRollupBenchTable, runRollupBench, type RollupBenchOptions } from './bench/rollup-bench';
import {
  formatForgeBundleTable,
  runForgeBundleBench,
  type ForgeBundleBenchOptions,
} from './bench/forge-bundle-bench';
import { formatRangesBenchTable, runRangesBench, type RangesBenchOptions } from './bench/ranges-bench';
import {
  formatPlanningBenchTable,
  runPlanningBench,
  type PlanningBenchOptions,
} from './bench/planning-bench';

const log = (line: string) => process.stderr.write(`${line}\n`);

const ENGINE_OPTIONS: EngineBenchOptions = {
  sizes: [1_000, 10_000, 100_000],
  months: 24,
  seed: 42,
  asOf: '2026-11',
  target: { epics: 100_000, reportMs: 1_000, peakRssMb: 1_024 },
  log,
};

const ROLLUP_OPTIONS: RollupBenchOptions = {
  sizes: (process.env.ROLLUP_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number),
  projects: 200,
  jiraLatencyMs: 150,
  storageLatencyMs: 30,
  asOf: '2026-11',
  log,
};

const BUNDLE_OPTIONS: ForgeBundleBenchOptions = {
  appDirectory: resolve(__dirname, '..'),
  budgetZippedKb: 500,
  log,
};

const RANGES_OPTIONS: RangesBenchOptions = {
  sizes: [
    { epics: 5_000, targetMs: 1_000 },
    { epics: 50_000, targetMs: 10_000 },
  ],
  draws: 10_000,
  threads: cpus().length,
  asOf: '2026-11',
  peakRssTargetMb: 256,
  log,
};

const PLANNING_OPTIONS: PlanningBenchOptions = {
  sizes: [500, 5_000, 20_000],
  asOf: '2026-11',
  cutPercent: 20,
  target: { epics: 5_000, exactMs: 10_000, peakRssMb: 512 },
  log,
};

const SECTIONS: readonly {
  readonly key: string;
  readonly title: string;
  readonly run: () => Promise<string>;
}[] = [
  {
    key: 'engine',
    title: 'Value engine: report on generated portfolios (24 months of data)',
    run: async () => formatEngineBenchTable(await runEngineBench(ENGINE_OPTIONS), ENGINE_OPTIONS),
  },
  {
    key: 'rollup',
    title: 'Roll-up store: gadget KPI load vs naive JQL paging, and the full reconcile',
    run: async () => formatRollupBenchTable(await runRollupBench(ROLLUP_OPTIONS), ROLLUP_OPTIONS),
  },
  {
    key: 'bundle',
    title: 'Back-end bundle: what forge deploy uploads (budget 500 KB zipped)',
    run: async () => formatForgeBundleTable(await runForgeBundleBench(BUNDLE_OPTIONS), BUNDLE_OPTIONS),
  },
  {
    key: 'ranges',
    title: 'Risk ranges: Monte-Carlo P10/P50/P90 (targets 5k epics < 1 s, 50k < 10 s, 256 MB)',
    run: async () => formatRangesBenchTable(await runRangesBench(RANGES_OPTIONS), RANGES_OPTIONS),
  },
  {
    key: 'planning',
    title:
      'Value planning: budget-cut optimiser, exact (yalps) vs greedy (target 5k epics exact < 10 s, 512 MB)',
    run: async () => formatPlanningBenchTable(await runPlanningBench(PLANNING_OPTIONS), PLANNING_OPTIONS),
  },
];

/** The sections named on the command line, or all of them; an unknown name is an error. */
function chosenSections(names: readonly string[]): typeof SECTIONS {
  const unknown = names.filter((name) => !SECTIONS.some((section) => section.key === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown bench section ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.key).join(', ')}`,
    );
  }
  return names.length === 0 ? SECTIONS : SECTIONS.filter((section) => names.includes(section.key));
}

async function main(): Promise<void> {
  for (const section of chosenSections(process.argv.slice(2))) {
    const table = await section.run();
    process.stdout.write(`\n## ${section.title}\n\n${table}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
