/**
 * `npm run bench`: runs the benchmark sections in turn and prints a table for each. Sections are
 * functions in scripts/bench/; add new ones to SECTIONS.
 */
import { formatEngineBenchTable, runEngineBench, type EngineBenchOptions } from './bench/engine-bench';
import { formatRollupBenchTable, runRollupBench, type RollupBenchOptions } from './bench/rollup-bench';

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

const SECTIONS: readonly { readonly title: string; readonly run: () => Promise<string> }[] = [
  {
    title: 'Value engine: report on generated portfolios (24 months of data)',
    run: async () => formatEngineBenchTable(await runEngineBench(ENGINE_OPTIONS), ENGINE_OPTIONS),
  },
  {
    title: 'Roll-up store: gadget KPI load vs naive JQL paging, and the full reconcile',
    run: async () => formatRollupBenchTable(await runRollupBench(ROLLUP_OPTIONS), ROLLUP_OPTIONS),
  },
];

async function main(): Promise<void> {
  for (const section of SECTIONS) {
    const table = await section.run();
    process.stdout.write(`\n## ${section.title}\n\n${table}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
