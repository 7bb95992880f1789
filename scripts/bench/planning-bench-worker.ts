/**
 * One size of the planning benchmark, in its own process so that its peak memory is its own:
 * generates a portfolio, derives the in-flight epics' remaining plans, adds links, pins and a
 * floor, and times the greedy ranking and the exact plan. Prints its figures as JSON.
 */
import { performance } from 'node:perf_hooks';
import {
  epicFromRecord,
  planBudgetCut,
  remainingPlanOf,
  type BudgetCutScenario,
  type Dependency,
  type Pin,
} from '../../src/domain';
import { budgetModel } from '../../src/domain/planning/budget-model';
import { greedyPlan } from '../../src/domain/planning/greedy-plan';
import { generatePortfolio } from '../lib/generate-portfolio';

export interface PlanningWorkerFigures {
  readonly inFlight: number;
  readonly links: number;
  readonly prepareMs: number;
  readonly greedyMs: number;
  readonly exactMs: number;
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

function measure(epics: number, asOf: string, cutPercent: number): PlanningWorkerFigures {
  const start = performance.now();
  const document = generatePortfolio({ epics, seed: 7, dataThrough: asOf });
  const inFlight = document.epics
    .filter((epic) => epic.status !== 'done')
    .map((epic) => epicFromRecord({ epic, currencyExponent: 2 }));
  const plans = inFlight.map((epic) => remainingPlanOf({ epic, asOf }));
  // Links: about one epic in ten is blocked by the epic before it in the same project.
  const dependencies: Dependency[] = [];
  const pins: { key: string; pin: Pin }[] = [];
  inFlight.forEach((epic, position) => {
    const previous = inFlight[position - 1];
    if (previous !== undefined && previous.project === epic.project && position % 10 === 3) {
      dependencies.push({ blocker: previous.key, blocked: epic.key });
    } else if (position % 97 === 5) {
      pins.push({ key: epic.key, pin: position % 2 === 0 ? 'continue' : 'stop' });
    }
  });
  const objectiveId = document.objectives[0]?.id ?? '';
  const scenario: BudgetCutScenario = {
    asOf,
    discountRate: document.settings.discountRate,
    plans,
    cap: { kind: 'cut-per-quarter', percent: cutPercent },
    pins,
    dependencies,
    floors: [{ objectiveId, kind: 'percent-of-forecast', percent: 70 }],
  };
  const prepareMs = performance.now() - start;
  const greedyStart = performance.now();
  const model = budgetModel(scenario);
  if (model.ok) greedyPlan(model.model);
  const greedyMs = performance.now() - greedyStart;
  const exactStart = performance.now();
  const result = planBudgetCut(scenario);
  const exactMs = performance.now() - exactStart;
  const planned = result.status === 'planned' ? result : null;
  return {
    inFlight: plans.length,
    links: dependencies.length,
    prepareMs,
    greedyMs,
    exactMs,
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
