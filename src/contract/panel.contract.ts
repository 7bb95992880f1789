import { z } from 'zod';
import type { EpicValueDocument } from './epic-value.schema';
import type { KpiFigures } from './kpi-figures';
import type { RankingRow } from './planning.contract';
import { issueKeySchema } from './primitives.schema';
import type { EVIDENCE_GRADES } from './value-vocabulary';

export { PANEL } from './resolver-keys';

export const getEpicValueInput = z.strictObject({ issueKey: issueKeySchema });

export const saveEpicValueInput = z.strictObject({
  issueKey: issueKeySchema,
  /** The revision the edit started from; 0 when the epic had no value record yet. */
  baseRevision: z.number().int().min(0),
  /** Validated by the use case against the site's currency and objectives (`value.…` paths). */
  value: z.unknown(),
  /**
   * Set only to replace a stored record the app cannot read, after the user confirmed it: the
   * fingerprint of the unreadable content they were shown (`UnreadableRecord`). Without it, such
   * a record is never overwritten.
   */
  overwriteUnreadable: z.strictObject({ fingerprint: z.string().min(1).max(64) }).optional(),
});

/**
 * Freezes the epic's current plan as its approved baseline (`panel/approve-baseline`). Based on
 * the revision the user was shown; re-baselining (a baseline exists) needs a reason.
 */
export const approveBaselineInput = z.strictObject({
  issueKey: issueKeySchema,
  baseRevision: z.number().int().min(1),
  reason: z.string().max(2000).optional(),
});

/** The epic's earlier baselines (`panel/get-baselines`), for anyone who may browse the epic. */
export const getBaselinesInput = z.strictObject({ issueKey: issueKeySchema });

export const getEpicHistoryInput = z.strictObject({
  issueKey: issueKeySchema,
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, { error: 'must be a cursor from an earlier page' })
    .optional(),
});

export interface EpicSummary {
  id: string;
  key: string;
  summary: string;
  status: 'todo' | 'in_progress' | 'done';
  project: string;
  programme: string | null;
}

export interface ObjectiveOption {
  id: string;
  name: string;
  status: 'active' | 'archived';
  weight: number;
}

/** Low / likely / high in percent. */
export interface ThreePointPercent {
  low: number;
  likely: number;
  high: number;
}

/**
 * What a blank range means (issue #17): the defaults by evidence grade, in percent of plan. A
 * benefit takes the row of its weakest realised grade up to the as-of month (`estimated` when
 * nothing is realised); the cost overrun the weakest grade of all benefits.
 */
export interface RangeDefaults {
  benefit: Record<(typeof EVIDENCE_GRADES)[number], ThreePointPercent>;
  costOverrun: Record<(typeof EVIDENCE_GRADES)[number], ThreePointPercent>;
}

export type EpicPlanningFigures = Omit<
  RankingRow,
  'rank' | 'key' | 'summary' | 'project' | 'programme' | 'status'
>;

export interface EpicValueView {
  epic: EpicSummary;
  /** 0 when nothing has been saved for this epic yet. */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  value: EpicValueDocument;
  asOf: string;
  kpis: KpiFigures;
  currency: string;
  discountRate: number;
  rangeDefaults: RangeDefaults;
  /**
   * The epic's figures of the Value planning page (issue #16): remaining NPV and cost, cost of
   * delay, CD3 and the stop/continue signal. Null for a Done epic: nothing of it is left to decide.
   */
  planning: EpicPlanningFigures | null;
  /** Active objectives, plus archived ones this epic still links to. */
  objectives: ObjectiveOption[];
  canEdit: boolean;
  /** Whether the caller may grade realised benefit `verified` (the admin's verifier group, issue #15). */
  canVerify: boolean;
  /** Whether the caller may approve the plan as the epic's baseline (`panel/approve-baseline`). */
  canApproveBaseline: boolean;
  /** Why the panel is read-only, when it is. */
  readOnlyReason: string | null;
}

/** An approved baseline as the value record holds it: the plan frozen at one approval. */
export type ApprovedBaselineView = NonNullable<EpicValueDocument['baseline']>;

/** The baselines an epic's re-baselinings replaced (`panel/get-baselines`). */
export interface BaselineHistoryView {
  issueKey: string;
  /** The current baseline's version (it is in the value view), or null when none is approved. */
  currentVersion: number | null;
  /** The earlier baselines, newest first; one the app cannot read is left out. */
  earlier: ApprovedBaselineView[];
}

/** Details of an `UNREADABLE_RECORD` answer: what is wrong, and what an overwrite must name. */
export interface UnreadableRecord {
  issueKey: string;
  /** Why the stored record cannot be read, e.g. where it is damaged. */
  reason: string;
  /** Identifies the unreadable content; an overwrite names it (`overwriteUnreadable`). */
  fingerprint: string;
  /** The revision an overwrite is based on (`baseRevision`). */
  revision: number;
  /** Whether the user may overwrite it (Edit issues on the epic). */
  canEdit: boolean;
}

/** Details of a `CONFLICT` answer to a save: the record as someone else saved it. */
export interface SaveConflict {
  current: EpicValueView;
}

export interface HistoryEntry {
  revision: number;
  at: string;
  by: string;
  changes: ValueChangeView[];
}

/** One change in an epic's history (see `valueChanges` in the domain). */
export type ValueChangeView = { kind: string } & Record<string, unknown>;

export interface EpicHistoryPage {
  entries: HistoryEntry[];
  nextCursor: string | null;
  /** Names of every objective, archived ones included, for the changes that name them by id. */
  objectiveNames: Record<string, string>;
}
