import { z } from 'zod';
import { amountSchema, hasAtMostDecimals, identifierSchema } from './primitives.schema';
import { arrayAt, fieldOf, numberAt, stringAt, type RawIssue } from './read-unknown';
import { toValidationIssues, type ValidationResult } from './validation-issue';

/*
 * Risk ranges of an epic (issue #17), as written in the value record (`epicValueSchema.ranges`)
 * and the portfolio export, and the compact form stored in the epic's Jira issue property (key
 * `x` of the stored record). This module must not import epic-value.schema: that one imports it.
 */

/** Same as epic-value.schema's `addRawIssues`, kept here to avoid an import cycle. */
function addRawIssues(ctx: z.core.$RefinementCtx, issues: readonly RawIssue[]): void {
  for (const issue of issues) {
    ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  }
}

/** Percentages carry at most 2 decimals (62.5%). */
const PERCENT_DECIMALS = 2;
const percentRule = (value: number) => hasAtMostDecimals(value, PERCENT_DECIMALS);
const PERCENT_MESSAGE = `must have at most ${String(PERCENT_DECIMALS)} decimals`;

/** A benefit's range in percent of its plan: 0 to 1000. */
const planPercentSchema = z.number().min(0).max(1000).refine(percentRule, { error: PERCENT_MESSAGE });
/** A cost overrun in percent of plan: -100 (nothing spent) to 1000. */
const overrunPercentSchema = z.number().min(-100).max(1000).refine(percentRule, { error: PERCENT_MESSAGE });

/** low <= likely <= high, reported on the field out of order. */
function orderIssues(range: { low?: unknown; likely?: unknown; high?: unknown }): RawIssue[] {
  const { low, likely, high } = range;
  if (typeof low !== 'number' || typeof likely !== 'number' || typeof high !== 'number') return [];
  if (likely < low) return [{ path: ['likely'], message: `must be at least low (${String(low)})` }];
  if (high < likely) return [{ path: ['high'], message: `must be at least likely (${String(likely)})` }];
  return [];
}

const byOrder = <T extends z.ZodType>(schema: T) =>
  schema.superRefine(
    (range, ctx) => {
      addRawIssues(ctx, orderIssues(range as { low?: unknown; likely?: unknown; high?: unknown }));
    },
    { when: () => true },
  );

/** A three-point estimate of one benefit: in percent of its plan, or as amounts of its whole plan. */
export const benefitRangeSchema = byOrder(
  z.discriminatedUnion('basis', [
    z.strictObject({
      benefitId: identifierSchema,
      basis: z.literal('percentOfPlan'),
      low: planPercentSchema,
      likely: planPercentSchema,
      high: planPercentSchema,
    }),
    z.strictObject({
      benefitId: identifierSchema,
      basis: z.literal('amount'),
      low: amountSchema,
      likely: amountSchema,
      high: amountSchema,
    }),
  ]),
);

/** An epic's cost-overrun range, in percent of the planned cost still to come. */
export const costOverrunSchema = byOrder(
  z.strictObject({ low: overrunPercentSchema, likely: overrunPercentSchema, high: overrunPercentSchema }),
);

/** The ranges of one epic; everything optional (what is missing takes the evidence defaults). */
export const epicRangesSchema = z.strictObject({
  benefits: z.array(benefitRangeSchema).default([]),
  costOverrun: costOverrunSchema.nullable().default(null),
});

export type EpicRangesDocument = z.output<typeof epicRangesSchema>;

/**
 * Checks against the epic's value: each range names one of its benefits, at most once, and an
 * amount range names a benefit with something planned (there is no plan to scale otherwise).
 * Paths are relative to the ranges (`benefits[1].benefitId`).
 */
export function epicRangesIssues({
  ranges,
  benefits,
}: {
  ranges: EpicRangesDocument;
  benefits: readonly { id: string; planned: readonly { amount: number }[] }[];
}): RawIssue[] {
  const seen = new Set<string>();
  return ranges.benefits.flatMap((range, index): RawIssue[] => {
    const path = ['benefits', index, 'benefitId'];
    const benefit = benefits.find((candidate) => candidate.id === range.benefitId);
    if (seen.has(range.benefitId))
      return [{ path, message: `benefit ${range.benefitId} has a range already` }];
    seen.add(range.benefitId);
    if (benefit === undefined)
      return [{ path, message: `names no benefit of this epic (${range.benefitId})` }];
    if (range.basis === 'amount' && benefit.planned.every((entry) => entry.amount === 0)) {
      return [
        {
          path: ['benefits', index, 'basis'],
          message: 'amounts need a planned benefit to scale; use percentOfPlan',
        },
      ];
    }
    return [];
  });
}

/**
 * `epicRangesIssues` for an epic value as a cross-field check sees it: raw input whose parts may
 * have failed their own schemas (what is not readable is skipped; its own schema reports it).
 * Paths are relative to the value (`ranges.benefits[0].benefitId`).
 */
export function epicValueRangesIssues(value: unknown): RawIssue[] {
  const ranges = fieldOf(value, 'ranges');
  if (ranges === undefined) return [];
  const benefits = arrayAt(value, 'benefits').flatMap((benefit) => {
    const id = stringAt(benefit, 'id');
    const planned = arrayAt(benefit, 'planned').map((entry) => ({ amount: numberAt(entry, 'amount') ?? 0 }));
    return id === undefined ? [] : [{ id, planned }];
  });
  const readable = arrayAt(ranges, 'benefits').map((range) => ({
    benefitId: stringAt(range, 'benefitId') ?? '',
    basis: stringAt(range, 'basis') === 'amount' ? ('amount' as const) : ('percentOfPlan' as const),
    low: 0,
    likely: 0,
    high: 0,
  }));
  // An unreadable benefitId ('') is reported by its schema; do not report it as unknown too.
  return epicRangesIssues({ ranges: { benefits: readable, costOverrun: null }, benefits })
    .filter((issue) => readable[Number(issue.path[1])]?.benefitId !== '')
    .map((issue) => ({ path: ['ranges', ...issue.path], message: issue.message }));
}

/** Validates an epic's ranges on their own, and against its benefits when given. */
export function parseEpicRanges(
  input: unknown,
  benefits?: readonly { id: string; planned: readonly { amount: number }[] }[],
): ValidationResult<EpicRangesDocument> {
  const schema =
    benefits === undefined
      ? epicRangesSchema
      : epicRangesSchema.superRefine((ranges, ctx) => {
          addRawIssues(ctx, epicRangesIssues({ ranges, benefits }));
        });
  const result = schema.safeParse(input, { reportInput: true });
  return result.success
    ? { success: true, data: result.data }
    : { success: false, issues: toValidationIssues(result.error.issues) };
}

/**
 * The compact stored form, under key `x` of the stored record: a benefit range is a tuple
 * `[benefitId, 'p' | 'a', low, likely, high]` ('p' percent of plan, 'a' amount), the cost
 * overrun `[low, likely, high]`. About 30 characters a benefit.
 */
export const compactEpicRangesSchema = z.strictObject({
  b: z.array(z.tuple([identifierSchema, z.enum(['p', 'a']), z.number(), z.number(), z.number()])),
  c: z.tuple([z.number(), z.number(), z.number()]).nullable(),
});

export type CompactEpicRanges = z.output<typeof compactEpicRangesSchema>;

/** An epic's ranges, read-only (as the domain's `EpicRanges` holds them). */
export interface EpicRangesView {
  readonly benefits: readonly EpicRangesDocument['benefits'][number][];
  readonly costOverrun: EpicRangesDocument['costOverrun'];
}

export function compactEpicRanges(ranges: EpicRangesView): CompactEpicRanges {
  return {
    b: ranges.benefits.map((range) => [
      range.benefitId,
      range.basis === 'amount' ? 'a' : 'p',
      range.low,
      range.likely,
      range.high,
    ]),
    c:
      ranges.costOverrun === null
        ? null
        : [ranges.costOverrun.low, ranges.costOverrun.likely, ranges.costOverrun.high],
  };
}

/** The document form of a stored compact form; validate the result with `parseEpicRanges`. */
export function expandEpicRanges(compact: CompactEpicRanges): EpicRangesDocument {
  return {
    benefits: compact.b.map(([benefitId, basis, low, likely, high]) =>
      basis === 'a'
        ? { benefitId, basis: 'amount' as const, low, likely, high }
        : { benefitId, basis: 'percentOfPlan' as const, low, likely, high },
    ),
    costOverrun: compact.c === null ? null : { low: compact.c[0], likely: compact.c[1], high: compact.c[2] },
  };
}
