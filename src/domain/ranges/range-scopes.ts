import { NO_PROGRAMME } from '../report/portfolio-totals';
import type { Epic } from '../model/epic';
import type { MinorUnits } from '../money/minor-units';
import type { YearMonth } from '../time/year-month';
import type { RangeScope } from './range-simulation';

/** An objective as the ranges need it: its id and, when it has one, its target. */
export interface RangeObjective {
  readonly id: string;
  /** Target amount (minor units) and the month of the target date (`2026-12-31` -> `2026-12`). */
  readonly target: { readonly amount: MinorUnits; readonly month: YearMonth } | null;
}

/**
 * The report's scopes: `portfolio`, `programme:<key>` (epics without a parent under
 * `programme:(none)`), `project:<key>`, and `objective:<id>` (linked epics weighted by their
 * share, with the objective's target). Groups in ascending key order; objectives in the given
 * order. `programmes: false` leaves programmes out: at 8 x 4 x draws bytes a scope, thousands of
 * programmes are better simulated one at a time.
 */
export function portfolioRangeScopes({
  epics,
  objectives,
  programmes = true,
}: {
  epics: readonly Epic[];
  objectives: readonly RangeObjective[];
  programmes?: boolean;
}): RangeScope[] {
  const group = (prefix: string, keyOf: (epic: Epic) => string): RangeScope[] => {
    const members = new Map<string, string[]>();
    for (const epic of epics) {
      const key = keyOf(epic);
      const keys = members.get(key);
      if (keys === undefined) members.set(key, [epic.key]);
      else keys.push(epic.key);
    }
    return [...members.keys()].sort().map((key) => ({
      id: `${prefix}:${key}`,
      members: (members.get(key) ?? []).map((epicKey) => ({ epicKey, weight: 1 })),
      target: null,
    }));
  };
  return [
    { id: 'portfolio', members: epics.map((epic) => ({ epicKey: epic.key, weight: 1 })), target: null },
    ...(programmes ? group('programme', (epic) => epic.programme ?? NO_PROGRAMME) : []),
    ...group('project', (epic) => epic.project),
    ...objectives.map((objective) => ({
      id: `objective:${objective.id}`,
      members: epics.flatMap((epic) =>
        epic.value.objectives
          .filter((link) => link.id === objective.id)
          .map((link) => ({ epicKey: epic.key, weight: link.share })),
      ),
      target: objective.target,
    })),
  ];
}
