/** Archived objectives keep their history but no longer count towards the strategic KPIs. */
export const OBJECTIVE_STATUSES = ['active', 'archived'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

/** A strategic objective that epics contribute to. */
export interface Objective {
  readonly id: string;
  readonly name: string;
  readonly status: ObjectiveStatus;
  /** Relative importance, an integer from 1 to 10. */
  readonly weight: number;
}
