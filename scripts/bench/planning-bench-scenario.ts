/**
 * The budget-cut scenario the planning benchmark solves: a generated portfolio's in-flight epics
 * with their remaining plans, about one epic in ten blocked by the one before it in its project,
 * about one in a hundred pinned, a cut per quarter and a 70% floor on the first objective.
 * Shared by the benchmark worker and by the one-off solver comparisons of ADR 0005.
 */
import {
  epicFromRecord,
  remainingPlanOf,
  type BudgetCutScenario,
  type Dependency,
  type Pin,
} from '../../src/domain';
import { generatePortfolio } from '../lib/generate-portfolio';

export function planningBenchScenario(epics: number, asOf: string, cutPercent: number): BudgetCutScenario {
  const document = generatePortfolio({ epics, seed: 7, dataThrough: asOf });
  const inFlight = document.epics
    .filter((epic) => epic.status !== 'done')
    .map((epic) => epicFromRecord({ epic, currencyExponent: 2 }));
  const plans = inFlight.map((epic) => remainingPlanOf({ epic, asOf }));
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
  return {
    asOf,
    discountRate: document.settings.discountRate,
    plans,
    cap: { kind: 'cut-per-quarter', percent: cutPercent },
    pins,
    dependencies,
    floors: [{ objectiveId, kind: 'percent-of-forecast', percent: 70 }],
  };
}
