import { z } from 'zod';
import type { KpiFigures, ObjectiveFigures, ObjectiveTargetFigures } from './kpi-figures';
import type { RankingRow } from './planning.contract';
import { DRILL_KPIS } from './kpi-drill-down';
import type { AppSettings } from './site-config.schema';
import { identifierSchema, issueKeySchema, projectKeySchema, yearMonthSchema } from './primitives.schema';

export { GADGET } from './resolver-keys';

/** Which epics a gadget rolls up. Whatever the scope, only epics the viewer may browse count. */
export const scopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('projects'), projects: z.array(projectKeySchema).min(1).max(100) }),
  z.strictObject({ kind: z.literal('programmes'), programmes: z.array(issueKeySchema).min(1).max(100) }),
  z.strictObject({ kind: z.literal('objectives'), objectives: z.array(identifierSchema).min(1).max(100) }),
  z.strictObject({ kind: z.literal('jql'), jql: z.string().trim().min(1).max(2000) }),
]);

export type Scope = z.output<typeof scopeSchema>;

export const portfolioInput = z.strictObject({
  scope: scopeSchema,
  /** Defaults to the current month. */
  asOf: yearMonthSchema.optional(),
});

/** The epics behind one figure: all of the scope, or one project, programme or objective of it. */
export const epicFilterSchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('all') }),
  z.strictObject({ by: z.literal('project'), key: projectKeySchema }),
  z.strictObject({ by: z.literal('programme'), key: z.union([issueKeySchema, z.literal('(none)')]) }),
  z.strictObject({ by: z.literal('objective'), id: identifierSchema }),
]);

export const listEpicsInput = portfolioInput.extend({
  filter: epicFilterSchema.default({ by: 'all' }),
  /** The tile drilled into: only the epics behind that KPI are listed (kpi-drill-down.ts). */
  kpi: z.enum(DRILL_KPIS).optional(),
});

/** Without `cursor` a new computation starts; with it, the one the cursor names goes on. */
export const livePageInput = portfolioInput.extend({
  cursor: z
    .string()
    .regex(/^[a-zA-Z0-9-]{1,64}$/)
    .optional(),
});

export const exportInput = portfolioInput.extend({ format: z.enum(['json', 'csv']) });

/**
 * Where a paged export goes on: the `nextCursor` of the previous part, passed back unchanged
 * (opaque; it carries Jira's page token and checks that the export asked for has not changed).
 */
export const exportCursorSchema = z
  .string()
  .max(4096)
  .regex(/^v1\.\d{1,9}\.[0-9a-z]{1,8}\.[\x21-\x7e]{1,4000}$/, 'must be the nextCursor of the previous part');

/** One part of a scope's export (`gadget/export-page`): without `cursor` the first, then each `nextCursor`. */
export const exportPageInput = exportInput.extend({ cursor: exportCursorSchema.optional() });

export interface PortfolioView {
  asOf: string;
  currency: string;
  portfolio: KpiFigures;
  byProject: Record<string, KpiFigures>;
  /** `(none)` holds epics without a parent issue. */
  byProgramme: Record<string, KpiFigures>;
  byObjective: Record<string, ObjectiveFigures & ObjectiveTargetFigures & { name: string }>;
  /** The trailing window, in months, of each objective's `advanced` and of `strategicGoalsAdvancedPct`. */
  advancedWindowMonths: number;
  strategicGoalsAdvancedPct: number | null;
  /** Active objectives with a target that are on track, in %; null when none has a target. */
  objectivesOnTrackPct: number | null;
  strategicAlignmentPct: number | null;
  /** Cumulative planned vs realised benefit and cost by month; realised and actual are null after `asOf`. */
  trend: TrendPointView[];
  /** The admin's default KPI targets (a gadget's own targets override them). */
  kpiTargets: AppSettings['kpiTargets'];
  /** Epics left out because their stored record cannot be read (at most 50 are named). */
  unreadable: { key: string; reason: string }[];
  /** Present when more epics were left out than `unreadable` names. */
  unreadableCount?: number;
  /**
   * Present when a breakdown has more than 100 groups: it then holds the 100 with the largest
   * planned benefit (`shown`) of `total`. The portfolio figures always cover the whole scope.
   */
  truncated?: {
    byProject?: { shown: number; total: number };
    byProgramme?: { shown: number; total: number };
  };
  /**
   * Where the figures came from: `rollup` (the pre-computed per-project aggregates; all and
   * projects scopes) or `live` (the epics read from Jira for this request).
   */
  source?: 'rollup' | 'live';
}

/**
 * One step of a live computation. Call `gadget/live-page` with the same scope and asOf and the
 * returned `nextCursor` until it is null; the last answer carries the `view`. `processed` counts
 * the epics read so far (Jira gives no total up front; show it as progress).
 */
export interface LivePage {
  processed: number;
  nextCursor: string | null;
  view?: PortfolioView;
}

export interface TrendPointView {
  month: string;
  plannedBenefit: number;
  realisedBenefit: number | null;
  plannedCost: number;
  actualCost: number | null;
}

export interface EpicRow {
  key: string;
  summary: string;
  project: string;
  programme: string | null;
  status: 'todo' | 'in_progress' | 'done';
  successProbability: number;
  kpis: KpiFigures;
  /** The parts of the portfolio KPIs that are not KPIs of the epic itself, so rows can add up to a tile. */
  drill: {
    /** Realised benefit with evidence `verified`, up to as-of (verified share's numerator). */
    verifiedRealised: number;
    /**
     * Realised benefit up to as-of before dis-benefits are subtracted: realisedBenefit + the
     * realised dis-benefits (verified share's denominator).
     */
    grossRealisedBenefit: number;
    /** Forecast cost × the epic's shares of active objectives (strategic alignment's numerator). */
    alignedForecastCost: number;
    /** Survey counts when the epic is done and has responses (what NPS at completion pools). */
    nps: { promoters: number; detractors: number; responses: number } | null;
    /**
     * When the epic has an approved baseline: what the baseline KPIs pool, net of dis-benefits
     * (realisation against baseline: realised ÷ approved to date; forecast drift: current plan
     * against approved plan, every month). Null without one: the epic is left out of both.
     */
    baseline: {
      realisedBenefit: number;
      approvedPlannedBenefitToDate: number;
      approvedPlannedBenefit: number;
      currentPlannedBenefit: number;
    } | null;
  };
  /**
   * The stop/continue signal of an in-flight epic, as the Value planning page ranks it (issue #16):
   * what it still has to gain, risk-adjusted, against what it still costs. Null for a Done epic.
   */
  finishing: Pick<RankingRow, 'signal' | 'remainingBenefit' | 'remainingCost'> | null;
  /** With an objective filter: the epic's share for that objective. */
  share?: number;
  /** With an objective filter: the benefit attributed to that objective (share × amount, per month). */
  attributed?: { planned: number; realised: number };
}

export interface EpicList {
  asOf: string;
  currency: string;
  epics: EpicRow[];
  /** JQL that finds these epics in Jira's issue search (scope and filter; not the KPI's own test). */
  jql: string;
}

/**
 * One part of a paged export (`gadget/export-page`, `admin/export-backup-page`): the parts, joined
 * in order, are the file. Call again with `nextCursor` until it is null.
 */
export interface ExportPart {
  part: string;
  nextCursor: string | null;
  /** Epics written into this part. */
  epics: number;
  /** Epics of this part left out (their stored record cannot be read), one sentence each. */
  warnings: string[];
  /** The name and type of the whole file (the same on every part). */
  filename: string;
  mimeType: 'application/json' | 'text/csv';
}

export interface ExportFile {
  filename: string;
  mimeType: 'application/json' | 'text/csv';
  content: string;
  /** Epics left out (their stored record cannot be read), one sentence each. */
  warnings: string[];
}
