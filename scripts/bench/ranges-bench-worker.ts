/**
 * One measurement of the risk-range simulation, run in a fresh process by `ranges-bench.ts` so
 * that its peak memory is its own: generate a portfolio, convert it to the engine's model, then
 * simulate portfolio, project and objective ranges, the draws split over THREADS worker threads
 * (the same draws as in one thread: see `ranges-threads.ts`). Prints one JSON line of figures.
 *
 * Usage: node --expose-gc --import tsx scripts/bench/ranges-bench-worker.ts EPICS DRAWS AS_OF THREADS
 *   [THREAD_BUNDLE] (the draw thread built by `bundleDrawThread`; without, its TypeScript)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { epicFromRecord, minorUnits } from '../../src/domain';
import { portfolioRangeScopes, type RangeSimulationInput } from '../../src/domain/ranges';
import { simulateRangesInThreads } from './ranges-threads';
import { generatePortfolio } from '../lib/generate-portfolio';

export interface RangesWorkerFigures {
  readonly scopes: number;
  readonly benefits: number;
  readonly threads: number;
  readonly simulateMs: number;
  /** Parts of simulateMs: compiling the model, drawing (threads), and the percentiles. */
  readonly compileMs: number;
  readonly drawMs: number;
  readonly percentilesMs: number;
  /** CPU time of every thread of the process. */
  readonly simulateCpuMs: number;
  /** Peak RSS of the whole process during the simulation: the epics it starts from, model, draws. */
  readonly peakRssMb: number;
  /** What the simulation itself added: that peak less the RSS just before it started. */
  readonly simulatePeakRssMb: number;
  readonly portfolioNpvP10: number;
  readonly portfolioNpvP50: number;
  readonly portfolioNpvP90: number;
}

const MB = 1024 * 1024;

/** A line of /proc/self/status in MB (`VmRSS` now, `VmHWM` its peak), or null off Linux. */
function procStatusMb(field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((text) => text.startsWith(`${field}:`));
    return line === undefined ? null : Number.parseInt(line.slice(field.length + 1), 10) / 1024;
  } catch {
    return null;
  }
}

/**
 * Starts a new peak-RSS window: Linux resets VmHWM to the current RSS when "5" is written to
 * /proc/self/clear_refs (proc(5)), so the peak read after the simulation is the simulation's own,
 * not that of generating the portfolio before it. Returns the RSS at the start, or null off Linux
 * (the figures then fall back to the process's lifetime peak).
 */
function startPeakWindow(): number | null {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return procStatusMb('VmRSS');
  } catch {
    return null;
  }
}

const lifetimePeakMb = () => (process.resourceUsage().maxRSS * 1024) / MB;

/**
 * The epics and objectives of a generated portfolio. The document itself (most of the memory at
 * 50,000 epics) is left behind: the simulation starts from epics, as a consumer does.
 */
function generatedEpics(epicCount: number) {
  const document = generatePortfolio({ epics: epicCount, seed: 42 });
  return {
    epics: document.epics.map((epic) => epicFromRecord({ epic, currencyExponent: 2 })),
    objectives: document.objectives.map((objective, index) => ({
      id: objective.id,
      target: index % 2 === 0 ? { amount: minorUnits(epicCount * 50_000_00), month: '2026-12' } : null,
    })),
  };
}

function peakMemory(
  rssBefore: number | null,
  lifetimePeakBefore: number,
): Pick<RangesWorkerFigures, 'peakRssMb' | 'simulatePeakRssMb'> {
  const peak = procStatusMb('VmHWM');
  if (rssBefore === null || peak === null) {
    return { peakRssMb: lifetimePeakMb(), simulatePeakRssMb: lifetimePeakMb() - lifetimePeakBefore };
  }
  return { peakRssMb: peak, simulatePeakRssMb: peak - rssBefore };
}

async function measure(
  epicCount: number,
  draws: number,
  asOf: string,
  threads: number,
  bundle: string | null,
): Promise<RangesWorkerFigures> {
  const { epics, objectives } = generatedEpics(epicCount);
  const scopes = portfolioRangeScopes({ epics, objectives, programmes: false });
  if (typeof global.gc === 'function') global.gc();
  const rssBefore = startPeakWindow();
  const lifetimePeakBefore = lifetimePeakMb();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const input: RangeSimulationInput = {
    epics,
    rangesByEpic: new Map(),
    scopes,
    asOf,
    horizon: '2027-06',
    discountRate: 0.08,
    draws,
    seed: 2026,
    correlation: 0.3,
  };
  const { result, compileMs, drawMs } = await simulateRangesInThreads(input, threads, bundle);
  const end = performance.now();
  const simulateMs = end - start;
  const cpu = process.cpuUsage(cpuBefore);
  const portfolio = result.scopes[0];
  return {
    scopes: scopes.length,
    threads,
    benefits: epics.reduce((sum, epic) => sum + epic.value.benefits.length, 0),
    simulateMs,
    compileMs,
    drawMs,
    percentilesMs: simulateMs - compileMs - drawMs,
    simulateCpuMs: (cpu.user + cpu.system) / 1000,
    ...peakMemory(rssBefore, lifetimePeakBefore),
    portfolioNpvP10: portfolio?.npv.p10 ?? 0,
    portfolioNpvP50: portfolio?.npv.p50 ?? 0,
    portfolioNpvP90: portfolio?.npv.p90 ?? 0,
  };
}

const [epics, draws, asOf, threads, bundle] = process.argv.slice(2);
measure(Number(epics), Number(draws), asOf ?? '2026-11', Number(threads ?? 1), bundle ?? null)
  .then((figures) => {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
