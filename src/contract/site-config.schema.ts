import { z } from 'zod';
import { objectiveSchema, settingsSchema } from './portfolio-v1.schema';
import { identifierSchema, wholeNumberSchema } from './primitives.schema';

/** The KPI tiles a gadget can show, and that targets can be set for. */
export const TARGETABLE_KPIS = [
  'realisationRate',
  'roi',
  'expectedRoi',
  'valueForMoney',
  'npv',
  'npsAtCompletion',
  'strategicGoalsAdvancedPct',
  'strategicAlignmentPct',
  'verifiedShare',
] as const;

/** Green at or beyond `green`, amber at or beyond `amber`, red otherwise (direction-aware). */
export const kpiTargetSchema = z.strictObject({
  green: z.number(),
  amber: z.number(),
  higherIsBetter: z.boolean().default(true),
});

/** The app's settings (admin page). The first two are also part of the portfolio format. */
export const appSettingsSchema = settingsSchema.extend({
  /** 1 = January. Shown in reports; KPIs are by calendar month. */
  fiscalYearStartMonth: wholeNumberSchema.min(1).max(12).default(1),
  /** Issue type ids that count as epics; null = every type at hierarchy level 1. */
  epicIssueTypeIds: z.array(z.string().regex(/^\d+$/)).max(50).nullable().default(null),
  kpiTargets: z.partialRecord(z.enum(TARGETABLE_KPIS), kpiTargetSchema).default({}),
});

export type AppSettings = z.output<typeof appSettingsSchema>;

export const DEFAULT_SETTINGS: AppSettings = {
  currency: 'EUR',
  discountRate: 0.08,
  fiscalYearStartMonth: 1,
  epicIssueTypeIds: null,
  kpiTargets: {},
};

/** What "achieved" means for an objective: a measure, a target amount and a date. */
export const objectiveTargetSchema = z.strictObject({
  measure: z.string().min(1).max(255),
  amount: z.number().min(0),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' }),
});

/** A strategic objective as the admin page manages it; the portfolio format carries the core. */
export const storedObjectiveSchema = objectiveSchema.extend({
  description: z.string().max(2000).default(''),
  ownerAccountId: z.string().max(128).nullable().default(null),
  target: objectiveTargetSchema.nullable().default(null),
  /** Goals nest one level: a parent objective has no parent itself. */
  parentId: identifierSchema.nullable().default(null),
});

export type StoredObjective = z.output<typeof storedObjectiveSchema>;
