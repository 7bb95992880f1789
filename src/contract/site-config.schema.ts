import { z } from 'zod';
import { accountIdSchema } from './benefit-profile.schema';
import { amountDecimalsOf } from './currencies';
import { objectiveSchema, settingsSchema } from './portfolio-v1.schema';
import {
  amountSchema,
  calendarDateSchema,
  hasAtMostDecimals,
  identifierSchema,
  MAX_AMOUNT,
  wholeNumberSchema,
} from './primitives.schema';

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

/** On target at or beyond `green`, at risk at or beyond `amber`, off target otherwise (direction-aware). */
export const kpiTargetSchema = z.strictObject({
  green: z.number(),
  amber: z.number(),
  higherIsBetter: z.boolean().default(true),
});

/** Jira's group id (a UUID on Cloud; see GET /rest/api/3/group/bulk). */
const groupIdSchema = z.string().min(1).max(128);

/** Reviews run for at most ten years after delivery. */
export const MAX_REVIEW_OFFSET_MONTHS = 120;

/** The app's settings (admin page). The first two are also part of the portfolio format. */
export const appSettingsSchema = settingsSchema.extend({
  /** 1 = January. Shown in reports; KPIs are by calendar month. */
  fiscalYearStartMonth: wholeNumberSchema.min(1).max(12).default(1),
  /** Issue type ids that count as epics; null = every type at hierarchy level 1. */
  epicIssueTypeIds: z.array(z.string().regex(/^\d+$/)).max(50).nullable().default(null),
  kpiTargets: z.partialRecord(z.enum(TARGETABLE_KPIS), kpiTargetSchema).default({}),
  /** Jira group (groupId) whose members may mark realised benefit verified; null = app admins only. */
  verifierGroupId: groupIdSchema.nullable().default(null),
  /** Jira group (groupId) whose members may approve an epic's plan as its baseline; null = app admins only. */
  approverGroupId: groupIdSchema.nullable().default(null),
  /** Months after an epic is Done at which its benefit reviews fall due (Managing Benefits: 3, 6, 12). */
  reviewOffsetsMonths: z
    .array(wholeNumberSchema.min(1).max(MAX_REVIEW_OFFSET_MONTHS))
    .max(12)
    .default([3, 6, 12]),
});

export type AppSettings = z.output<typeof appSettingsSchema>;

/** KPIs whose thresholds are amounts of money in the site currency (kpi-figures.ts). */
const MONEY_KPIS = ['npv'] as const;

/**
 * What is wrong with `amount` as an amount of `currency` (more decimals than its minor unit),
 * or undefined when it fits. Unknown currencies are left to the currency field's own check.
 */
export function currencyDecimalsProblem(amount: number, currency: string): string | undefined {
  const decimals = amountDecimalsOf(currency);
  if (decimals === undefined || hasAtMostDecimals(amount, decimals)) return undefined;
  return decimals === 0
    ? `must be a whole number: ${currency} has no minor unit`
    : `must have at most ${String(decimals)} decimals in ${currency}`;
}

/** A KPI target as an admin submits it: green on the good side of amber (or equal). */
export const kpiTargetInputSchema = kpiTargetSchema.superRefine((target, context) => {
  const wrongSide = target.higherIsBetter ? target.green < target.amber : target.green > target.amber;
  if (wrongSide) {
    context.addIssue({
      code: 'custom',
      path: ['green'],
      message: target.higherIsBetter
        ? `must be at or above amber (${String(target.amber)}) when higher is better`
        : `must be at or below amber (${String(target.amber)}) when lower is better`,
    });
  }
});

/**
 * The settings as an admin submits them: stricter than `appSettingsSchema`, which also reads
 * what older versions stored (a stored value failing a newer rule must still be readable).
 * Issue types are checked against Jira by the use case.
 */
export const appSettingsInputSchema = appSettingsSchema
  .extend({
    epicIssueTypeIds: appSettingsSchema.shape.epicIssueTypeIds.superRefine((ids, context) => {
      if (ids?.length === 0)
        context.addIssue({
          code: 'custom',
          message: 'must list at least one epic-level issue type, or be null to count every epic-level type',
        });
      ids?.forEach((id, index) => {
        if (ids.indexOf(id) !== index)
          context.addIssue({ code: 'custom', path: [index], message: `${id} is already listed` });
      });
    }),
    kpiTargets: z.partialRecord(z.enum(TARGETABLE_KPIS), kpiTargetInputSchema).default({}),
    reviewOffsetsMonths: appSettingsSchema.shape.reviewOffsetsMonths.superRefine((offsets, context) => {
      offsets.forEach((offset, index) => {
        const previous = offsets[index - 1];
        if (previous !== undefined && offset <= previous)
          context.addIssue({
            code: 'custom',
            path: [index],
            message: `must be later than the review before it (${String(previous)} months)`,
          });
      });
    }),
  })
  .superRefine((settings, context) => {
    for (const kpi of MONEY_KPIS) {
      const target = settings.kpiTargets[kpi];
      if (target === undefined) continue;
      for (const threshold of ['green', 'amber'] as const) {
        const amount = target[threshold];
        const problem =
          Math.abs(amount) > MAX_AMOUNT
            ? `must be between -${String(MAX_AMOUNT)} and ${String(MAX_AMOUNT)}`
            : currencyDecimalsProblem(amount, settings.currency);
        if (problem !== undefined)
          context.addIssue({ code: 'custom', path: ['kpiTargets', kpi, threshold], message: problem });
      }
    }
  });

export const DEFAULT_SETTINGS: AppSettings = {
  currency: 'EUR',
  discountRate: 0.08,
  fiscalYearStartMonth: 1,
  epicIssueTypeIds: null,
  kpiTargets: {},
  verifierGroupId: null,
  approverGroupId: null,
  reviewOffsetsMonths: [3, 6, 12],
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

/** An Atlassian account id (defined beside the benefit owner, which is one too). */
export { accountIdSchema };

/** An objective's target as an admin submits it: an amount the engine can hold, a real date. */
export const objectiveTargetInputSchema = objectiveTargetSchema.extend({
  amount: amountSchema,
  date: calendarDateSchema,
});

/**
 * An objective as an admin submits it: stricter than `storedObjectiveSchema`, which also reads
 * what older versions stored. That the owner exists and the amount fits the site currency is
 * checked by the use case.
 */
export const objectiveInputSchema = storedObjectiveSchema.extend({
  ownerAccountId: accountIdSchema.nullable().default(null),
  target: objectiveTargetInputSchema.nullable().default(null),
});
