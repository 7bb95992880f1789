/**
 * One measurement of the risk-range simulation, run in a fresh process by `ranges-bench.ts` so
 * that its peak memory is its own: generate a portfolio, convert it to the engine's model, then
 * simulate portfolio, project and objective ranges, the draws split over THREADS worker threads
 * (the same draws as in one thread: see `ranges-threads.ts`). Prints one JSON line of figures.
 *
 * Usage: node --expose-gc --import tsx scripts/bench/ranges-bench-worker.ts EPICS DRAWS AS_OF THREADS
 */
import { performance } from 'node:perf_hooks';
import { epicFromRecord, minorUnits } from '../../src/domain';
import { portfolioRangeScopes, rangeSimulationOf, type RangeSimulationInput } from '../../src/domain/ranges';
import { drawRangesInThreads } from './ranges-threads';
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
  /** Peak RSS of the whole process: generated document, engine model and draws. */
  readonly peakRssMb: number;
  /** How much the simulation raised that peak. */
  readonly simulatePeakRssMb: number;
  readonly portfolioNpvP10: number;
  readonly portfolioNpvP50: number;
  readonly portfolioNpvP90: number;
}

const MB = 1024 * 1024;
const maxRssMb = () => (process.resourceUsage().maxRSS * 1024) / MB;

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

async function measure(
  epicCount: number,
  draws: number,
  asOf: string,
  threads: number,
): Promise<RangesWorkerFigures> {
  const { epics, objectives } = generatedEpics(epicCount);
  const scopes = portfolioRangeScopes({ epics, objectives, programmes: false });
  if (typeof global.gc === 'function') global.gc();
  const peakBefore = maxRssMb();
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
  const { draws: drawn, compileMs } = await drawRangesInThreads(input, threads);
  const drawnAt = performance.now();
  const result = rangeSimulationOf(input, drawn);
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
    drawMs: drawnAt - start - compileMs,
    percentilesMs: end - drawnAt,
    simulateCpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: maxRssMb(),
    simulatePeakRssMb: maxRssMb() - peakBefore,
    portfolioNpvP10: portfolio?.npv.p10 ?? 0,
    portfolioNpvP50: portfolio?.npv.p50 ?? 0,
    portfolioNpvP90: portfolio?.npv.p90 ?? 0,
  };
}

const [epics, draws, asOf, threads] = process.argv.slice(2);
measure(Number(epics), Number(draws), asOf ?? '2026-11', Number(threads ?? 1))
  .then((figures) => {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
