import { z } from 'zod';

/**
 * An Atlassian account id: `5b10a2844c20165700ede21g` or `557058:f58131cb-b67d-43c7-b30d-6b58d40bd077`,
 * at most 128 characters (the `accountId` of Jira's REST API,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-bulk-get).
 * Only letters, digits, `:`, `_` and `-`, so that it also fits a storage key.
 */
export const accountIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$/, {
  error:
    'must be an Atlassian account id such as 5b10a2844c20165700ede21g: 1-128 letters, digits, ":", "_" or "-"',
});

/** A link a reader can open safely: https only (no javascript:, no plain http), at most 2,000 characters. */
export const httpsLinkSchema = z
  .string()
  .max(2000)
  .refine(
    (text) => {
      try {
        return new URL(text).protocol === 'https:';
      } catch {
        return false;
      }
    },
    { error: 'must be an https:// link' },
  );

/** An ISO 8601 instant as the server's clock writes it (`2026-03-31T09:15:00.000Z`). */
export const instantSchema = z.iso.datetime();

/**
 * How a benefit is measured: what, in which unit, from which baseline to which target, by which
 * method (text plus an optional link). Baseline and target are in the measure's own unit.
 */
export const benefitMeasureSchema = z.strictObject({
  name: z.string().min(1).max(255),
  unit: z.string().min(1).max(50),
  baseline: z.number(),
  target: z.number(),
  method: z.string().min(1).max(2000),
  methodLink: httpsLinkSchema.optional(),
});

/**
 * What a realised entry says beyond its amount: a note, an evidence link, and who recorded and
 * verified it. `recordedBy`, `verifiedBy` and `verifiedAt` are accepted so that a client may send
 * back what it was shown, but the server sets them itself (`stampRealisedEntries`).
 */
export const realisedDetailShape = {
  note: z.string().max(2000).optional(),
  evidenceLink: httpsLinkSchema.optional(),
  recordedBy: accountIdSchema.optional(),
  verifiedBy: accountIdSchema.optional(),
  verifiedAt: instantSchema.optional(),
};

/**
 * An epic's approved baseline (issue #15) as it travels in the value record and the portfolio
 * format. A panel save never changes it (the server keeps the stored one); only
 * `approveBaseline`, or an import by an approver, sets it.
 */
export function approvedBaselineSchema<
  A extends z.ZodType<number>,
  M extends z.ZodType<string>,
  K extends z.ZodType<string>,
>({ amount, month, kind }: { amount: A; month: M; kind: K }) {
  const planned = z.array(z.strictObject({ month, amount }));
  return z.strictObject({
    version: z.number().int().min(1),
    approvedBy: accountIdSchema,
    approvedAt: instantSchema,
    reason: z.string().min(1).max(2000).optional(),
    successProbability: z.number().min(0).max(1),
    benefits: z.array(z.strictObject({ id: z.string().min(1).max(64), kind, planned })),
    plannedCost: planned,
  });
}
