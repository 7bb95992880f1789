import { z } from 'zod';
import { scopeSchema } from './gadget.contract';
import { identifierSchema, issueKeySchema, MAX_AMOUNT, yearMonthSchema } from './primitives.schema';
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

/** An amount of the site currency in major units, as every form takes it. */
const amountSchema = z
  .number({ error: 'must be an amount' })
  .min(0, { error: 'must not be negative' })
  .max(MAX_AMOUNT, { error: `must be at most ${MAX_AMOUNT.toLocaleString('en')}` });

/**
 * The cap on remaining spend over the year after the as-of month: an amount, or a cut of a
 * percentage from the forecast (what the current plan spends). `perQuarter`: the cap holds in
 * each quarter of the year on its own (the amount is then each quarter's; the cut is taken
 * from each quarter's forecast).
 */
export const budgetCapSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), amount: amountSchema, perQuarter: z.boolean().default(false) }),
  z.strictObject({
    kind: z.literal('percent-cut'),
    percent: z
      .number({ error: 'must be a percentage' })
      .min(0, { error: 'must not be negative' })
      .max(100, { error: 'cannot cut more than 100% of the forecast' }),
    perQuarter: z.boolean().default(false),
  }),
]);

/** The most epics a scenario may pin (the ranking lists at most 1,000 rows). */
export const MAX_PINS = 1000;
/** The most objective floors in one scenario. */
export const MAX_FLOORS = 50;

/** A budget-cut scenario over a scope: only epics the viewer may browse take part. */
export const runScenarioInput = z.strictObject({
  scope: scopeSchema,
  /** Defaults to the current month. */
  asOf: yearMonthSchema.optional(),
  cap: budgetCapSchema,
  pins: z
    .array(z.strictObject({ key: issueKeySchema, pin: z.enum(['continue', 'stop']) }))
    .max(MAX_PINS, { error: `at most ${MAX_PINS.toLocaleString('en')} pins` })
    .default([]),
  /** The least each objective must keep of its share of spend in the year (major units). */
  floors: z
    .array(z.strictObject({ objectiveId: identifierSchema, amount: amountSchema }))
    .max(MAX_FLOORS, { error: `at most ${MAX_FLOORS} objective floors` })
    .default([]),
});

export type RunScenarioInput = z.infer<typeof runScenarioInput>;

/** Why the optimiser chose what it did for one epic, in words and by kind. */
export type DecisionWhyKind =
  'pin' | 'dependency' | 'objective-floor' | 'not-worth-finishing' | 'no-cut-needed' | 'ratio';

/** One epic's decision. Money in major units. */
export interface ScenarioDecision {
  key: string;
  summary: string;
  project: string;
  choice: 'continue' | 'delay' | 'stop';
  /** Months of delay, when delayed. */
  delayMonths?: number;
  /** Remaining NPV the epic keeps under the decision. */
  npvRetained: number;
  /** Its remaining NPV under the current plan (continue). */
  remainingNpv: number;
  /** What it still spends inside the year under the decision. */
  yearSpend: number;
  why: { kind: DecisionWhyKind; text: string };
  /** The revision of the epic's value record the plan was computed from (0 without one): applying names it. */
  revision: number;
}

/** One cap period (the year, or one of its quarters). */
export interface ScenarioPeriod {
  from: string;
  to: string;
  forecast: number;
  cap: number;
  planned: number;
  cashFreed: number;
}

export interface ScenarioPlan {
  decisions: ScenarioDecision[];
  npvRetained: number;
  periods: ScenarioPeriod[];
  cashFreed: number;
}

/** The remaining NPV an objective loses under the plan: Σ share × (current − retained). */
export interface ObjectiveValueLost {
  /** Null: the part of the epics' value aligned with no objective. */
  objectiveId: string | null;
  name: string;
  valueLost: number;
}

/** A constraint that cannot hold together with the others, named for the manager. */
export interface ScenarioConflict {
  code: string;
  message: string;
  constraints: string[];
}

/**
 * Each epic's keep-probability (docs/kpis.md, "Keep-probability"): the share of seeded draws, each
 * epic's remaining plan drawn from its ranges, in which the re-planned scenario keeps the epic
 * (continues or delays it). `reason` says why there are none (`SCOPE_TOO_LARGE`, `NO_EPICS`).
 */
export interface KeepProbabilitiesView {
  seed: number;
  draws: number;
  /** Draws in which no plan met every cap and floor: left out of the shares. */
  drawsWithoutPlan: number;
  solver: 'greedy-improved';
  reason: 'SCOPE_TOO_LARGE' | 'NO_EPICS' | null;
  /** By epic key: shares 0 to 1, or null with `NO_DRAW_PLANNED` when no draw had a plan. */
  byEpic: Record<string, { keep: number | null; continue: number | null; reason: 'NO_DRAW_PLANNED' | null }>;
}

export type ScenarioView =
  | {
      status: 'planned';
      asOf: string;
      currency: string;
      epics: number;
      /** Remaining NPV of the current plan (every epic continues). */
      currentNpv: number;
      /** The optimised plan. `proven`: no plan retains more. */
      exact: ScenarioPlan & { proven: boolean };
      /** NPV per cost freed, cut in order: the baseline, or null when it cannot meet the cap. */
      greedy: ScenarioPlan | null;
      /** exact − greedy NPV retained, or null without a greedy plan. */
      greedyGap: number | null;
      valueLostByObjective: ObjectiveValueLost[];
      warnings: string[];
      /** Each epic's keep-probability; absent from answers older than it. */
      keep?: KeepProbabilitiesView;
    }
  | {
      status: 'infeasible';
      asOf: string;
      currency: string;
      epics: number;
      conflicts: ScenarioConflict[];
      warnings: string[];
    };

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

/**
 * The efficient frontier of a scope (issue #16, point 5): NPV retained at cuts of 0%, 5%, …, 50%
 * of the forecast, under the budget cut's pins, objective floors and "blocks" links, one cap over
 * the year or one per quarter.
 */
export const frontierInput = z.strictObject({
  scope: scopeSchema,
  /** Defaults to the current month. */
  asOf: yearMonthSchema.optional(),
  perQuarter: z.boolean().default(false),
  pins: runScenarioInput.shape.pins,
  floors: runScenarioInput.shape.floors,
});

export type FrontierInput = z.infer<typeof frontierInput>;

/**
 * One cut of the frontier. Money in major units.
 * - `planned`: `proof` says how far `npvRetained` is from the best plan: `proven` (none retains
 *   more), `gap` (the solver stopped at its bound; none retains more than `upperBound`) or
 *   `not-solved` (out of time: the greedy ranking's figure, not proven);
 * - `infeasible`: no plan meets this cut with the pins and floors; the conflicts say why;
 * - `not-solved`: out of time, and the greedy ranking found no plan either.
 */
export type FrontierPointView =
  | {
      cutPercent: number;
      status: 'planned';
      npvRetained: number;
      greedyNpvRetained: number | null;
      proof: 'proven' | 'gap' | 'not-solved';
      /** With `gap`: no plan under this cut retains more. */
      upperBound: number | null;
    }
  | { cutPercent: number; status: 'infeasible'; conflicts: ScenarioConflict[] }
  | { cutPercent: number; status: 'not-solved' };

export interface FrontierView {
  asOf: string;
  currency: string;
  epics: number;
  /** Remaining NPV of the current plan (every epic continues); null when no cut could be modelled. */
  currentNpv: number | null;
  points: FrontierPointView[];
  warnings: string[];
}
