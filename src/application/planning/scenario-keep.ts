import type { KeepProbabilitiesView } from '../../contract/planning.contract';
import type { Epic } from '../../domain/model/epic';
import {
  KEEP_PROBABILITY_DRAWS,
  MIN_KEEP_PROBABILITY_DRAWS,
  keepProbabilities,
  type BudgetCap,
  type BudgetCutScenario,
  type PeriodFigures,
} from '../../domain/planning';

/**
 * The most epic-draws (epics × draws) of keep-probabilities one scenario run computes. Measured
 * on generated portfolios (8 months of cost, 2 benefits over 18 months per epic, a 20% cut) on a
 * shared 2-core machine: a draw (draw the plans, model, greedy ranking, improvement) took 12.5 ms
 * at 200 epics and 27 ms at 1,000, so 60,000 epic-draws take 1.6 s to 3.8 s: 200 draws up to
 * 300 epics, 60 draws at 1,000, none over 1,200 (fewer than `MIN_KEEP_PROBABILITY_DRAWS`).
 */
export const MAX_KEEP_EPIC_DRAWS = 60_000;

/** The draws a scope of `epics` in-flight epics gets: 200, fewer for a large one, 0 when too large. */
export function keepDrawsFor(epics: number, maxEpicDraws = MAX_KEEP_EPIC_DRAWS): number {
  const fitting = Math.min(KEEP_PROBABILITY_DRAWS, Math.floor(maxEpicDraws / Math.max(1, epics)));
  return fitting >= MIN_KEEP_PROBABILITY_DRAWS ? fitting : 0;
}

/**
 * The seed of a scenario: FNV-1a (32 bit) of its input as JSON, so the same scenario shows the
 * same keep-probabilities on every run and to every viewer of the same epics.
 */
export function scenarioSeedOf(input: unknown): number {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(input)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The point plan's caps as money, so every draw is planned under the same budget. */
function moneyCapOf(periods: readonly PeriodFigures[]): BudgetCap {
  const [only] = periods;
  return periods.length === 1 && only !== undefined
    ? { kind: 'amount', amount: only.cap }
    : { kind: 'amount-per-quarter', amounts: periods.map((period) => period.cap) };
}

/**
 * Each epic's keep-probability under the scenario (docs/kpis.md, "Keep-probability"): the point
 * scenario re-planned in `keepDrawsFor(epics)` seeded draws with the point plan's caps as money.
 * A scope too large for the fewest draws gets none, with `SCOPE_TOO_LARGE`.
 */
export function keepProbabilitiesView({
  epics,
  scenario,
  periods,
  seed,
  maxEpicDraws = MAX_KEEP_EPIC_DRAWS,
}: {
  epics: readonly Epic[];
  scenario: Omit<BudgetCutScenario, 'plans' | 'cap'>;
  periods: readonly PeriodFigures[];
  seed: number;
  maxEpicDraws?: number;
}): KeepProbabilitiesView {
  const draws = keepDrawsFor(epics.length, maxEpicDraws);
  if (draws === 0 || epics.length === 0) {
    return {
      seed,
      draws: 0,
      drawsWithoutPlan: 0,
      solver: 'greedy-improved',
      reason: epics.length === 0 ? 'NO_EPICS' : 'SCOPE_TOO_LARGE',
      byEpic: {},
    };
  }
  const result = keepProbabilities({
    epics,
    scenario: { ...scenario, cap: moneyCapOf(periods) },
    draws,
    seed,
  });
  return {
    seed,
    draws,
    drawsWithoutPlan: result.drawsWithoutPlan,
    solver: result.solver,
    reason: null,
    byEpic: Object.fromEntries(
      result.epics.map((epic) => [
        epic.key,
        { keep: epic.keepProbability, continue: epic.continueProbability, reason: epic.reason },
      ]),
    ),
  };
}
