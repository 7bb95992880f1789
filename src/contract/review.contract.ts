import { z } from 'zod';
import { httpsLinkSchema } from './benefit-profile.schema';
import { scopeSchema } from './gadget.contract';
import { amountSchema, identifierSchema, issueKeySchema, yearMonthSchema } from './primitives.schema';
import { EVIDENCE_GRADES } from './value-vocabulary';

/**
 * Benefit reviews (issue #15): after an epic is Done, reviews fall due at the admin's offsets; a
 * scheduled trigger tells the benefit owners on the epic, and the owner records actuals and closes
 * the review in the panel. Resolver keys are in resolver-keys.ts (PANEL, GADGET).
 */

/** How many months after Done a review falls due (the offsets of the admin's settings). */
const offsetMonthsSchema = z.number().int().min(1).max(120);

export const getEpicReviewsInput = z.strictObject({ issueKey: issueKeySchema });

/** One measured actual: a realised amount for one of the epic's benefits, in the site currency. */
export const reviewActualSchema = z.strictObject({
  benefitId: identifierSchema,
  month: yearMonthSchema,
  amount: amountSchema,
  evidence: z.enum(EVIDENCE_GRADES),
  note: z.string().max(2000).optional(),
  evidenceLink: httpsLinkSchema.optional(),
});

export const closeReviewInput = z.strictObject({
  issueKey: issueKeySchema,
  offsetMonths: offsetMonthsSchema,
  /** The value record's revision the owner saw; a save since then is a conflict, as in the panel. */
  baseRevision: z.number().int().min(0),
  actuals: z.array(reviewActualSchema).max(100).default([]),
  /** What the review found, kept with the closure. */
  note: z.string().max(2000).default(''),
});

export const reviewsDueInput = z.strictObject({ scope: scopeSchema });

/** Where a review stands: not yet due, due (within 30 days of its date), overdue, or closed. */
export type ReviewState = 'upcoming' | 'due' | 'overdue' | 'closed';

export interface EpicReviewView {
  offsetMonths: number;
  /** The local date (site time zone) it falls due, `YYYY-MM-DD`. */
  dueDate: string;
  state: ReviewState;
  /** When the owners were told through Jira, and the comment that told them. */
  notified: { at: string; commentId: string; owners: string[] } | null;
  closed: { at: string; by: string; note: string; realisedEntries: number } | null;
}

export interface EpicReviewsView {
  issueKey: string;
  /** Null when the epic is not Done (or is Done without benefits): nothing is scheduled. */
  doneAt: string | null;
  timeZone: string | null;
  reviews: EpicReviewView[];
}

/** One open review that fell due, for the gadget's drill-down. */
export interface DueReviewRow {
  issueKey: string;
  summary: string;
  projectKey: string;
  offsetMonths: number;
  dueDate: string;
  state: 'due' | 'overdue';
  /** The owners the notice mentioned; empty until the notifier has run. */
  owners: string[];
}

export interface ReviewsDueView {
  /** The site-local date the counts are as of. */
  asOf: string;
  due: number;
  overdue: number;
  /** Overdue first, then by due date; at most `MAX_REVIEW_ROWS`, `total` counts every one. */
  reviews: DueReviewRow[];
  total: number;
}

export const MAX_REVIEW_ROWS = 200;
