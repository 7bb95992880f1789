import { z } from 'zod';
import {
  accountIdSchema,
  approvedBaselineSchema,
  benefitMeasureSchema,
  realisedDetailShape,
} from './benefit-profile.schema';
import { amountDecimalsOf, MAX_AMOUNT_DECIMALS } from './currencies';
import { epicRangesSchema, epicValueRangesIssues } from './epic-ranges.schema';
import {
  amountSchema,
  countSchema,
  hasAtMostDecimals,
  identifierSchema,
  MAX_WEIGHT_DECIMALS,
  probabilitySchema,
  shareSchema,
  yearMonthSchema,
} from './primitives.schema';
import {
  arrayAt,
  duplicateIssues,
  fieldOf,
  numberAt,
  stringAt,
  type IssuePath,
  type RawIssue,
} from './read-unknown';
import { toValidationIssues, type ValidationResult } from './validation-issue';
import { valueDecisionSchema } from './value-decision.schema';
import { BENEFIT_KINDS, EVIDENCE_GRADES } from './value-vocabulary';

/**
 * Longest span of one series, first month to last, both included: 100 years. Stored records keep
 * a series as one amount per month of its span, so a save, an import and the stored-record codec
 * all refuse a longer one by this one constant, and what was accepted can always be read back.
 */
export const MAX_SERIES_MONTHS = 1200;

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/** Months since year 0 of a valid `YYYY-MM`, or undefined (its own schema reports it). */
function monthNumberOf(month: string | undefined): number | undefined {
  const match = month === undefined ? null : YEAR_MONTH.exec(month);
  if (match === null || !yearMonthSchema.safeParse(month).success) return undefined;
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** A series whose months span more than `MAX_SERIES_MONTHS`. */
function seriesSpanIssues(path: IssuePath, entries: readonly unknown[]): RawIssue[] {
  const months = entries
    .map((entry) => ({ text: stringAt(entry, 'month'), number: monthNumberOf(stringAt(entry, 'month')) }))
    .filter((month): month is { text: string; number: number } => month.number !== undefined)
    .sort((a, b) => a.number - b.number);
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return [];
  const span = last.number - first.number + 1;
  if (span <= MAX_SERIES_MONTHS) return [];
  return [
    {
      path,
      message: `spans ${span.toLocaleString('en')} months, from ${first.text} to ${last.text}; a series may span at most ${MAX_SERIES_MONTHS.toLocaleString('en')} months (${String(MAX_SERIES_MONTHS / 12)} years)`,
    },
  ];
}

/** An amount booked against a month. */
export const monthlyAmountSchema = z.strictObject({
  month: yearMonthSchema,
  amount: amountSchema,
});

/** A realised amount and how it is evidenced. */
export const realisedAmountSchema = z.strictObject({
  month: yearMonthSchema,
  amount: amountSchema,
  /** `verified` = confirmed by finance, `measured` = from data, `estimated` = judgement. */
  evidence: z.enum(EVIDENCE_GRADES),
  /** Note, evidence link, recorder and verifier (issue #15); all optional. */
  ...realisedDetailShape,
});

export const benefitSchema = z.strictObject({
  /** Unique within the epic. */
  id: identifierSchema,
  kind: z.enum(BENEFIT_KINDS),
  title: z.string().min(1).max(255),
  planned: z.array(monthlyAmountSchema).default([]),
  realised: z.array(realisedAmountSchema).default([]),
  /** The benefit owner's account id (issue #15); absent on older records. */
  owner: accountIdSchema.optional(),
  measure: benefitMeasureSchema.optional(),
});

export const objectiveLinkSchema = z.strictObject({
  /** The id of one of the site's objectives (checked where the objectives are known). */
  id: identifierSchema,
  share: shareSchema,
});

export const npsCountsSchema = z.strictObject({
  promoters: countSchema,
  passives: countSchema,
  detractors: countSchema,
});

const WEIGHT_SCALE = 10 ** MAX_WEIGHT_DECIMALS;

function shareSumIssues(value: unknown): RawIssue[] {
  // Summed as integer millionths: 0.1 + 0.2 + 0.7 is exactly 1, not 1.0000000000000002.
  let micros = 0;
  for (const link of arrayAt(value, 'objectives')) {
    const share = numberAt(link, 'share');
    if (share !== undefined && share > 0 && share <= 1 && hasAtMostDecimals(share, MAX_WEIGHT_DECIMALS)) {
      micros += Math.round(share * WEIGHT_SCALE);
    }
  }
  return micros > WEIGHT_SCALE
    ? [{ path: ['objectives'], message: `shares sum to ${String(micros / WEIGHT_SCALE)}, must be at most 1` }]
    : [];
}

/** Every dated series of an epic value, with its path relative to the value. */
function seriesOf(value: unknown): { path: IssuePath; entries: readonly unknown[] }[] {
  const series = arrayAt(value, 'benefits').flatMap((benefit, index) => [
    { path: ['benefits', index, 'planned'], entries: arrayAt(benefit, 'planned') },
    { path: ['benefits', index, 'realised'], entries: arrayAt(benefit, 'realised') },
  ]);
  const costs = fieldOf(value, 'costs');
  series.push(
    { path: ['costs', 'planned'], entries: arrayAt(costs, 'planned') },
    { path: ['costs', 'actual'], entries: arrayAt(costs, 'actual') },
  );
  // The approved baseline (issue #15) is stored month by month like the plan it froze.
  const baseline = fieldOf(value, 'baseline');
  series.push(
    ...arrayAt(baseline, 'benefits').map((benefit, index) => ({
      path: ['baseline', 'benefits', index, 'planned'],
      entries: arrayAt(benefit, 'planned'),
    })),
    { path: ['baseline', 'plannedCost'], entries: arrayAt(baseline, 'plannedCost') },
  );
  return series;
}

/**
 * The checks that span fields of an epic value: no objective linked twice, shares summing to at
 * most 1, unique benefit ids, no month twice in one series (a series holds one amount per month;
 * two would leave it unclear whether to add or replace), and no series longer than 100 years.
 */
export function epicValueIssues(value: unknown): RawIssue[] {
  return [
    ...duplicateIssues({
      items: arrayAt(value, 'objectives'),
      key: 'id',
      path: ['objectives'],
      what: 'objective link',
    }),
    ...shareSumIssues(value),
    ...duplicateIssues({
      items: arrayAt(value, 'benefits'),
      key: 'id',
      path: ['benefits'],
      what: 'benefit id',
    }),
    ...seriesOf(value).flatMap(({ path, entries }) => [
      ...duplicateIssues({ items: entries, key: 'month', path, what: 'month' }),
      ...seriesSpanIssues(path, entries),
    ]),
    ...epicValueRangesIssues(value),
  ];
}

/**
 * Amounts with more decimals than the currency has (any decimals at all for JPY). Amounts that
 * already break the general 2-decimal rule are reported by the amount schema, not again here.
 */
export function currencyDecimalIssues({ value, currency }: { value: unknown; currency: string }): RawIssue[] {
  const decimals = amountDecimalsOf(currency);
  if (decimals === undefined || decimals >= MAX_AMOUNT_DECIMALS) {
    return [];
  }
  const message =
    decimals === 0
      ? `must be a whole number: ${currency} has no minor unit`
      : `must have at most ${String(decimals)} decimals in ${currency}`;
  const tooPrecise = (amount: number | undefined) =>
    amount !== undefined &&
    hasAtMostDecimals(amount, MAX_AMOUNT_DECIMALS) &&
    !hasAtMostDecimals(amount, decimals);
  // Amount ranges (issue #17) are money in the site currency too; percent ranges are not.
  const rangeIssues = arrayAt(fieldOf(value, 'ranges'), 'benefits').flatMap((range, index) =>
    stringAt(range, 'basis') !== 'amount'
      ? []
      : (['low', 'likely', 'high'] as const)
          .filter((point) => tooPrecise(numberAt(range, point)))
          .map((point) => ({ path: ['ranges', 'benefits', index, point], message })),
  );
  return [
    ...seriesOf(value).flatMap(({ path, entries }) =>
      entries.flatMap((entry, index) =>
        tooPrecise(numberAt(entry, 'amount')) ? [{ path: [...path, index, 'amount'], message }] : [],
      ),
    ),
    ...rangeIssues,
  ];
}

export function addRawIssues(ctx: z.core.$RefinementCtx, issues: readonly RawIssue[]): void {
  for (const issue of issues) {
    ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  }
}

/**
 * The value record of one epic, as saved by the epic panel and embedded in the portfolio format.
 * Paths of its issues are relative to the value (`benefits[0].planned[1].amount`). Checks that
 * need the site (known objective ids, the currency's decimals) are done by the caller: the
 * portfolio schema, or `parseEpicValue` with a currency.
 */
export const epicValueSchema = z
  .strictObject({
    /** Chance that the planned benefits arrive; 1 when omitted. */
    successProbability: probabilitySchema.default(1),
    objectives: z.array(objectiveLinkSchema).default([]),
    benefits: z.array(benefitSchema).default([]),
    costs: z
      .strictObject({
        planned: z.array(monthlyAmountSchema).default([]),
        actual: z.array(monthlyAmountSchema).default([]),
      })
      .default({ planned: [], actual: [] }),
    /** Survey counts, or null when there was no survey. */
    nps: npsCountsSchema.nullable().default(null),
    /** The plan as last approved (issue #15); absent until approved. Saves keep the stored one. */
    baseline: approvedBaselineSchema({
      amount: amountSchema,
      month: yearMonthSchema,
      kind: z.enum(BENEFIT_KINDS),
    }).optional(),
    /**
     * Three-point estimates of the benefits and the cost overrun (issue #17); absent when none
     * were entered, and then absent from the stored record too. Defaults by evidence grade are
     * computed where needed (`resolveEpicRanges`), never stored.
     */
    ranges: epicRangesSchema.optional(),
    /**
     * The decision last applied from a value planning scenario (issue #16); absent until one is.
     * Saves and imports keep the stored one: only applying a scenario sets it.
     */
    decision: valueDecisionSchema.optional(),
  })
  // `when`: run even if some field failed its own schema, so every problem is reported at once.
  .superRefine(
    (value, ctx) => {
      addRawIssues(ctx, epicValueIssues(value));
    },
    { when: () => true },
  );

/** A validated epic value: defaults applied (probability 1, empty lists, nps null, no ranges). */
export type EpicValueDocument = z.output<typeof epicValueSchema>;
/** An epic value as a client may send it (optional fields may be missing). */
export type EpicValueDocumentInput = z.input<typeof epicValueSchema>;

/**
 * Validates an epic value on its own (an epic panel save). Pass the site currency to also check
 * the amounts' decimals against it. Does not check objective ids: the caller knows the site's
 * objectives.
 */
export function parseEpicValue(
  input: unknown,
  { currency }: { currency?: string } = {},
): ValidationResult<EpicValueDocument> {
  const schema =
    currency === undefined
      ? epicValueSchema
      : epicValueSchema.superRefine(
          (value, ctx) => {
            addRawIssues(ctx, currencyDecimalIssues({ value, currency }));
          },
          { when: () => true },
        );
  const result = schema.safeParse(input, { reportInput: true });
  return result.success
    ? { success: true, data: result.data }
    : { success: false, issues: toValidationIssues(result.error.issues) };
}
