/**
 * One measurement of the report pipeline, run in a fresh process by `engine-bench.ts` so that its
 * peak memory belongs to this report alone: read the file, JSON.parse, validate, compute the
 * report. Prints one JSON line of figures on stdout.
 *
 * Usage: node --expose-gc --import tsx scripts/bench/engine-bench-worker.ts FILE AS_OF
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { currencyExponentOf, parsePortfolioV1, type PortfolioDocument } from '../../src/contract';
import { portfolioReport, toPlainReport } from '../../src/domain';

export interface WorkerFigures {
  readonly parseMs: number;
  readonly validateMs: number;
  /** The first report in the process: what one `npm run report` pays. */
  readonly reportColdMs: number;
  /** CPU time of that first report (user + system): less sensitive than wall time to other load. */
  readonly reportColdCpuMs: number;
  /** The fastest of two further reports, once the code is optimised by the JIT. */
  readonly reportWarmMs: number;
  /** Peak resident set size of the whole process (file text, parsed JSON, validated copy, report). */
  readonly peakRssMb: number;
  /** How much the report phase raised that peak (0 when an earlier phase set it). */
  readonly reportPeakRssMb: number;
}

const MB = 1024 * 1024;
const maxRssMb = () => (process.resourceUsage().maxRSS * 1024) / MB;

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

function collectGarbage(): void {
  if (typeof global.gc === 'function') {
    global.gc();
  }
}

function measure(file: string, asOf: string): WorkerFigures {
  // The file text and the parsed JSON are dropped as soon as the next stage has its own copy, so
  // that the peak memory is what a report needs, not the sum of every stage.
  let text: string | undefined = readFileSync(file, 'utf8');
  const parsed = timed((): unknown => JSON.parse(text ?? ''));
  const parseMs = parsed[1];
  text = undefined;
  let json: unknown = parsed[0];
  parsed[0] = undefined;
  const [validation, validateMs] = timed(() => parsePortfolioV1(json));
  json = undefined;
  if (!validation.success) {
    throw new Error(`generated portfolio is invalid: ${JSON.stringify(validation.issues.slice(0, 3))}`);
  }
  const portfolio: PortfolioDocument = validation.data;
  collectGarbage();
  const peakBeforeReport = maxRssMb();
  const currencyExponent = currencyExponentOf(portfolio.settings.currency) ?? 2;
  // The report includes serialising its JSON output, as the CLI does.
  const report = () =>
    JSON.stringify(toPlainReport({ report: portfolioReport({ portfolio, currencyExponent, asOf }) }));
  const cpuBefore = process.cpuUsage();
  const [, reportColdMs] = timed(report);
  const cpu = process.cpuUsage(cpuBefore);
  const reportPeakRssMb = maxRssMb() - peakBeforeReport;
  const warm = [timed(report)[1], timed(report)[1]];
  return {
    parseMs,
    validateMs,
    reportColdMs,
    reportColdCpuMs: (cpu.user + cpu.system) / 1000,
    reportWarmMs: Math.min(...warm),
    peakRssMb: maxRssMb(),
    reportPeakRssMb,
  };
}

const [file, asOf] = process.argv.slice(2);
if (file === undefined || asOf === undefined) {
  process.stderr.write('usage: engine-bench-worker FILE AS_OF\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(measure(file, asOf))}\n`);
}
