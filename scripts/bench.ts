/**
 * `npm run bench`: runs the benchmark sections in turn and prints a table for each. Sections are
 * functions in scripts/bench/; add new ones to SECTIONS.
 */
import { formatEngineBenchTable, runEngineBench, type EngineBenchOptions } from './bench/engine-bench';

const log = (line: string) => process.stderr.write(`${line}\n`);

const ENGINE_OPTIONS: EngineBenchOptions = {
  sizes: [1_000, 10_000, 100_000],
  months: 24,
  seed: 42,
  asOf: '2026-11',
  target: { epics: 100_000, reportMs: 1_000, peakRssMb: 1_024 },
  log,
};

const SECTIONS: readonly { readonly title: string; readonly run: () => Promise<string> }[] = [
  {
    title: 'Value engine: report on generated portfolios (24 months of data)',
    run: async () => formatEngineBenchTable(await runEngineBench(ENGINE_OPTIONS), ENGINE_OPTIONS),
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
