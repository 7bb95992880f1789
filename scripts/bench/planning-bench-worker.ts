/**
 * One size of the planning benchmark, in its own process so that its peak memory is its own:
 * builds the scenario (planning-bench-scenario.ts), then times the greedy ranking alone and the
 * whole optimiser (model, greedy baseline, bounds and the exact integer program), in wall time
 * and in CPU time (the machine is shared). Prints its figures as JSON.
 */
import { performance } from 'node:perf_hooks';
import { planBudgetCut } from '../../src/domain';
import { budgetModel } from '../../src/domain/planning/budget-model';
import { greedyPlan } from '../../src/domain/planning/greedy-plan';
import { planningBenchScenario } from './planning-bench-scenario';

export interface PlanningWorkerFigures {
  readonly inFlight: number;
  readonly links: number;
  readonly prepareMs: number;
  readonly greedyMs: number;
  readonly greedyCpuMs: number;
  readonly exactMs: number;
  readonly exactCpuMs: number;
  readonly currentNpv: number;
  readonly exactNpv: number | null;
  readonly greedyNpv: number | null;
  readonly upperBound: number | null;
  readonly proven: boolean | null;
  readonly coreEpics: number | null;
  readonly status: string;
  readonly peakRssMb: number;
  readonly heapUsedMb: number;
}

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

function measure(epics: number, asOf: string, cutPercent: number): PlanningWorkerFigures {
  const start = performance.now();
  const scenario = planningBenchScenario(epics, asOf, cutPercent);
  const prepareMs = performance.now() - start;
  const greedyStart = performance.now();
  const greedyCpu = process.cpuUsage();
  const model = budgetModel(scenario);
  if (model.ok) greedyPlan(model.model);
  const greedyCpuMs = cpuMsSince(greedyCpu);
  const greedyMs = performance.now() - greedyStart;
  const exactStart = performance.now();
  const exactCpu = process.cpuUsage();
  const result = planBudgetCut(scenario);
  const exactCpuMs = cpuMsSince(exactCpu);
  const exactMs = performance.now() - exactStart;
  const planned = result.status === 'planned' ? result : null;
  return {
    inFlight: scenario.plans.length,
    links: scenario.dependencies?.length ?? 0,
    prepareMs,
    greedyMs,
    greedyCpuMs,
    exactMs,
    exactCpuMs,
    currentNpv: planned?.currentNpv ?? 0,
    exactNpv: planned?.exact.retainedNpv ?? null,
    greedyNpv: planned?.greedy?.retainedNpv ?? null,
    upperBound: planned?.exact.quality.upperBound ?? null,
    proven: planned?.exact.quality.proven ?? null,
    coreEpics: planned?.exact.quality.coreEpics ?? null,
    status: result.status === 'planned' ? 'planned' : result.conflicts.map((c) => c.code).join(','),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / (1024 * 1024),
  };
}

const [epics, asOf, cut] = process.argv.slice(2);
if (epics === undefined || asOf === undefined || cut === undefined) {
  process.stderr.write('usage: planning-bench-worker <epics> <asOf> <cutPercent>\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(measure(Number(epics), asOf, Number(cut)))}\n`);
}
