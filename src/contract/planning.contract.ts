import { z } from 'zod';
import { scopeSchema } from './gadget.contract';
import { issueKeySchema, yearMonthSchema } from './primitives.schema';
import { scenarioNameSchema, valueDecisionChoiceSchema } from './value-decision.schema';
import type { EPIC_STATUSES, VALUE_DECISION_CHOICES } from './value-vocabulary';

export { PLANNING } from './resolver-keys';

/** The ranking of a scope: the same scopes as the gadget's; only epics the viewer may browse count. */
export const rankingInput = z.strictObject({
  scope: scopeSchema,
  /** Defaults to the current month. */
  asOf: yearMonthSchema.optional(),
});

export const listObjectivesInput = z.strictObject({});

/** The most epics one application of a scenario records a decision on. */
export const MAX_APPLIED_DECISIONS = 1000;

/**
 * A scenario to apply: its name and, per epic, the decision and the revision of the epic's value
 * record the user was shown (0 for an epic without one). Each epic at most once.
 */
export const applyScenarioInput = z.strictObject({
  scenario: scenarioNameSchema,
  decisions: z
    .array(
      z.strictObject({
        issueKey: issueKeySchema,
        choice: valueDecisionChoiceSchema,
        baseRevision: z.number().int().nonnegative(),
      }),
    )
    .min(1, 'must name at least one epic')
    .max(MAX_APPLIED_DECISIONS, `must name at most ${String(MAX_APPLIED_DECISIONS)} epics`)
    .superRefine((decisions, ctx) => {
      const seen = new Set<string>();
      decisions.forEach((decision, index) => {
        if (seen.has(decision.issueKey))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'issueKey'],
            message: `names ${decision.issueKey} a second time`,
          });
        seen.add(decision.issueKey);
      });
    }),
});
export type ApplyScenarioInput = z.infer<typeof applyScenarioInput>;

/** What applying a scenario recorded: every epic, at its new revision. */
export interface AppliedScenarioView {
  scenario: string;
  appliedAt: string;
  appliedBy: string;
  epics: { issueKey: string; choice: (typeof VALUE_DECISION_CHOICES)[number]; revision: number }[];
  /** Epics per choice, for the confirmation message. */
  counts: Partial<Record<(typeof VALUE_DECISION_CHOICES)[number], number>>;
}

/** An objective as the scope picker offers it. */
export interface ObjectiveChoice {
  id: string;
  name: string;
  status: 'active' | 'archived';
}

/** The stop/continue signal (src/domain/planning/finishing-signal.ts). */
export type FinishingVerdictView = 'worth_finishing' | 'not_worth_finishing' | 'nothing_to_fund';

/**
 * One in-flight epic of the ranking. Money is in the site currency's major units (like every
 * view); `cd3` too, per month of delay per month of work.
 */
export interface RankingRow {
  /** 1 for the highest CD3; epics without a CD3 come last. */
  rank: number;
  key: string;
  summary: string;
  project: string;
  programme: string | null;
  status: (typeof EPIC_STATUSES)[number];
  remainingNpv: number;
  remainingCost: number;
  /** Σ p × planned benefit after the as-of month, undiscounted: what the signal weighs. */
  remainingBenefit: number;
  costOfDelay: number;
  remainingMonths: number;
  /** Null when no cost remains: `cd3Reason` says so. */
  cd3: number | null;
  cd3Reason?: 'NO_REMAINING_WORK';
  signal: { verdict: FinishingVerdictView; margin: number };
}

export interface RankingTotals {
  /** In-flight epics ranked (all of them, even when `truncated` lists fewer rows). */
  epics: number;
  remainingNpv: number;
  remainingCost: number;
  costOfDelay: number;
  notWorthFinishing: number;
  /** What stopping every epic not worth finishing would still save: Σ of their remaining cost. */
  notWorthFinishingCost: number;
}

export interface RankingView {
  asOf: string;
  currency: string;
  /** Annual, as a decimal (0.08). */
  discountRate: number;
  rows: RankingRow[];
  /** Over every in-flight epic of the scope the viewer may browse. */
  totals: RankingTotals;
  /** Done epics of the scope, left out of the ranking (nothing of them is still to decide). */
  doneEpics: number;
  /** Epics left out because their stored record cannot be read (at most 50 are named). */
  unreadable: { key: string; reason: string }[];
  /** Present when the ranking has more rows than are sent: the first `shown` of `total`. */
  truncated?: { shown: number; total: number };
}
