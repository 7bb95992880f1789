import type { MinorUnits } from '../money/minor-units';

/** Archived objectives keep their history but no longer count towards the strategic KPIs. */
export const OBJECTIVE_STATUSES = ['active', 'archived'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

/**
 * What "achieved" means for an objective, as the admin sets it: an amount of attributed benefit
 * (in the site currency) to reach by a date. `measure` names it for people; the KPIs compare the
 * amount with the benefit the linked epics realise for the objective.
 */
export interface ObjectiveTarget<TAmount = MinorUnits> {
  readonly measure: string;
  readonly amount: TAmount;
  /** A calendar date `YYYY-MM-DD`; the KPIs use its month. */
  readonly date: string;
}

/** A strategic objective that epics contribute to. */
export interface Objective<TAmount = MinorUnits> {
  readonly id: string;
  readonly name: string;
  readonly status: ObjectiveStatus;
  /** Relative importance, an integer from 1 to 10. */
  readonly weight: number;
  /** The admin's target; absent or null when none is set. */
  readonly target?: ObjectiveTarget<TAmount> | null;
}
