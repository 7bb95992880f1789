import { z } from 'zod';
import { amountDecimalsOf, currencyExponentOf, MAX_AMOUNT_DECIMALS } from './currencies';
import { addRawIssues, currencyDecimalIssues, epicValueSchema } from './epic-value.schema';
import {
  amountSchema,
  calendarDateSchema,
  hasAtMostDecimals,
  identifierSchema,
  issueKeySchema,
  projectKeySchema,
  wholeNumberSchema,
} from './primitives.schema';
import { arrayAt, duplicateIssues, fieldOf, stringAt, type RawIssue } from './read-unknown';
import { toValidationIssues, type ValidationResult } from './validation-issue';
import { EPIC_STATUSES, OBJECTIVE_STATUSES, PORTFOLIO_FORMAT, PORTFOLIO_VERSION } from './value-vocabulary';

export const settingsSchema = z.strictObject({
  /** ISO 4217 code of the site currency; every amount in the document is in it. */
  currency: z.string().refine((code) => currencyExponentOf(code) !== undefined, {
    error: 'must be an ISO 4217 currency code such as EUR',
  }),
  /** Annual discount rate as a decimal: 0.08 for 8%. */
  discountRate: z.number().min(0).max(1),
});

/** What "achieved" means for an objective: attributed benefit of `amount` by `date`. */
export const objectiveTargetRecordSchema = z.strictObject({
  measure: z.string().min(1).max(255),
  /** In the document's currency, with no more decimals than it has (checked with the document). */
  amount: amountSchema,
  date: calendarDateSchema,
});

export const objectiveSchema = z.strictObject({
  id: identifierSchema,
  name: z.string().min(1).max(255),
  status: z.enum(OBJECTIVE_STATUSES),
  /** Relative importance, 1 (low) to 10 (high). */
  weight: wholeNumberSchema.min(1).max(10),
  /** The admin's target; null when none is set. Optional: files written before targets have none. */
  target: objectiveTargetRecordSchema.nullable().optional(),
});

/** Objective target amounts with more decimals than the document's currency has. */
function objectiveTargetIssues(objectives: readonly unknown[], currency: string | undefined): RawIssue[] {
  const decimals = currency === undefined ? undefined : amountDecimalsOf(currency);
  if (decimals === undefined) return [];
  return objectives.flatMap((objective, index) => {
    const amount = fieldOf(fieldOf(objective, 'target'), 'amount');
    return typeof amount === 'number' &&
      hasAtMostDecimals(amount, MAX_AMOUNT_DECIMALS) &&
      !hasAtMostDecimals(amount, decimals)
      ? [
          {
            path: ['objectives', index, 'target', 'amount'],
            message:
              decimals === 0
                ? `must be a whole number: ${String(currency)} has no minor unit`
                : `must have at most ${String(decimals)} decimals in ${String(currency)}`,
          },
        ]
      : [];
  });
}

export const epicSchema = z.strictObject({
  key: issueKeySchema,
  summary: z.string(),
  project: projectKeySchema,
  /** Key of the epic's parent issue, or null when it has none. */
  programme: issueKeySchema.nullable(),
  status: z.enum(EPIC_STATUSES),
  value: epicValueSchema,
});

/**
 * Checks across the document: unique objective ids and epic keys, links only to known
 * objectives, and amounts with no more decimals than the currency has.
 */
export function portfolioIssues(document: unknown): RawIssue[] {
  const objectives = arrayAt(document, 'objectives');
  const epics = arrayAt(document, 'epics');
  const knownObjectiveIds = new Set(objectives.map((objective) => stringAt(objective, 'id')));
  const currency = stringAt(fieldOf(document, 'settings'), 'currency');
  return [
    ...duplicateIssues({ items: objectives, key: 'id', path: ['objectives'], what: 'objective id' }),
    ...objectiveTargetIssues(objectives, currency),
    ...duplicateIssues({ items: epics, key: 'key', path: ['epics'], what: 'epic key' }),
    ...epics.flatMap((epic, epicIndex) => {
      const value = fieldOf(epic, 'value');
      const valuePath = ['epics', epicIndex, 'value'] as const;
      const unknownLinks = arrayAt(value, 'objectives').flatMap((link, linkIndex) => {
        const id = stringAt(link, 'id');
        return id !== undefined && !knownObjectiveIds.has(id)
          ? [
              {
                path: [...valuePath, 'objectives', linkIndex, 'id'],
                message: `unknown objective ${JSON.stringify(id)}`,
              },
            ]
          : [];
      });
      const decimals =
        currency === undefined
          ? []
          : currencyDecimalIssues({ value, currency }).map((issue) => ({
              path: [...valuePath, ...issue.path],
              message: issue.message,
            }));
      return [...unknownLinks, ...decimals];
    }),
  ];
}

/** The portfolio export and backup format, version 1 (docs/portfolio-format.md). */
export const portfolioV1Schema = z
  .strictObject({
    format: z.literal(PORTFOLIO_FORMAT),
    version: z.literal(PORTFOLIO_VERSION),
    settings: settingsSchema,
    objectives: z.array(objectiveSchema),
    epics: z.array(epicSchema),
  })
  .superRefine(
    (document, ctx) => {
      addRawIssues(ctx, portfolioIssues(document));
    },
    { when: () => true },
  );

/** A validated portfolio document, defaults applied. */
export type PortfolioDocument = z.output<typeof portfolioV1Schema>;
/** A portfolio document as written (optional value fields may be missing). */
export type PortfolioDocumentInput = z.input<typeof portfolioV1Schema>;

const formatHeaderSchema = z.object({
  format: z.literal(PORTFOLIO_FORMAT),
  version: z.literal(PORTFOLIO_VERSION),
});

/**
 * Validates a parsed JSON document as a version 1 portfolio and returns every issue found. A
 * document of another format or version gets only those two issues: its other fields follow
 * rules this version does not know.
 */
export function parsePortfolioV1(input: unknown): ValidationResult<PortfolioDocument> {
  const header = formatHeaderSchema.safeParse(input, { reportInput: true });
  const result = header.success ? portfolioV1Schema.safeParse(input, { reportInput: true }) : header;
  return result.success
    ? { success: true, data: result.data }
    : { success: false, issues: toValidationIssues(result.error.issues) };
}
