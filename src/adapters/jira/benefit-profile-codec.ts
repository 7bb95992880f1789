import { z } from 'zod';
import { accountIdSchema, httpsLinkSchema, instantSchema } from '../../contract/benefit-profile.schema';
import type { BenefitMeasure, RealisedAmount } from '../../domain/model/benefit';
import type { ApprovedBaseline } from '../../domain/model/baseline';
import { BENEFIT_KINDS } from '../../domain/model/benefit';
import { isYearMonth, monthIndexOf, yearMonthOf } from '../../domain/time/year-month';

/*
 * The compact stored form of what issue #15 added to a value record: benefit owner and measure,
 * realised entries' note, evidence link, recorder and verifier, and the approved baseline. Each
 * is an optional key that is absent when there is nothing to store, so a record without them
 * encodes byte for byte as before (schema version 1); a record holding any of them is version 2
 * (`CURRENT_SCHEMA_VERSION` says why).
 */

type CompactSeries = [string, (number | null)[]];

/** Owner (`w`) and measure (`m`) of a benefit, when set. */
export interface CompactBenefitProfile {
  w?: string;
  m?: { n: string; u: string; b: number; t: number; h: string; l?: string };
}

/** A realised entry's details: note, evidence link, recorded by, verified by, verified at. */
interface CompactDetail {
  n?: string;
  l?: string;
  r?: string;
  vb?: string;
  va?: string;
}
/** `[month, details]` for each realised entry that has any. */
export type CompactDetails = [string, CompactDetail][];

export interface CompactBaseline {
  v: number;
  by: string;
  at: string;
  r?: string;
  p: number;
  b: [string, (typeof BENEFIT_KINDS)[number], CompactSeries | null][];
  c: CompactSeries | null;
}

type Monthly = { month: string; amount: number };

function compactSeries(entries: readonly Monthly[]): CompactSeries | null {
  if (entries.length === 0) return null;
  const indexes = entries.map((entry) => monthIndexOf(entry.month));
  const first = Math.min(...indexes);
  const amounts = new Array<number | null>(Math.max(...indexes) - first + 1).fill(null);
  entries.forEach((entry, position) => {
    amounts[(indexes[position] ?? first) - first] = entry.amount;
  });
  return [yearMonthOf(first), amounts];
}

function expandSeries(series: CompactSeries | null): Monthly[] {
  if (series === null) return [];
  const first = monthIndexOf(series[0]);
  return series[1].flatMap((amount, offset) =>
    amount === null ? [] : [{ month: yearMonthOf(first + offset), amount }],
  );
}

export function compactBenefitProfile(benefit: {
  owner?: string | undefined;
  measure?: BenefitMeasure | undefined;
}): CompactBenefitProfile {
  const { owner, measure } = benefit;
  return {
    ...(owner === undefined ? {} : { w: owner }),
    ...(measure === undefined
      ? {}
      : {
          m: {
            n: measure.name,
            u: measure.unit,
            b: measure.baseline,
            t: measure.target,
            h: measure.method,
            ...(measure.methodLink === undefined ? {} : { l: measure.methodLink }),
          },
        }),
  };
}

export function expandBenefitProfile(compact: CompactBenefitProfile): {
  owner?: string;
  measure?: BenefitMeasure;
} {
  const { w, m } = compact;
  return {
    ...(w === undefined ? {} : { owner: w }),
    ...(m === undefined
      ? {}
      : {
          measure: {
            name: m.n,
            unit: m.u,
            baseline: m.b,
            target: m.t,
            method: m.h,
            ...(m.l === undefined ? {} : { methodLink: m.l }),
          },
        }),
  };
}

/** The details of realised entries, or undefined when no entry has any (no key stored). */
export function compactDetails(entries: readonly RealisedAmount<number>[]): CompactDetails | undefined {
  const details: CompactDetails = [];
  for (const entry of entries) {
    const detail: CompactDetail = {
      ...(entry.note === undefined ? {} : { n: entry.note }),
      ...(entry.evidenceLink === undefined ? {} : { l: entry.evidenceLink }),
      ...(entry.recordedBy === undefined ? {} : { r: entry.recordedBy }),
      ...(entry.verifiedBy === undefined ? {} : { vb: entry.verifiedBy }),
      ...(entry.verifiedAt === undefined ? {} : { va: entry.verifiedAt }),
    };
    if (Object.keys(detail).length > 0) details.push([entry.month, detail]);
  }
  return details.length === 0 ? undefined : details;
}

/** Adds stored details back onto the realised entries of their months. */
export function withDetails<E extends { month: string }>(
  entries: E[],
  details: CompactDetails | undefined,
): (E & Partial<RealisedAmount<number>>)[] {
  if (details === undefined) return entries;
  const byMonth = new Map(details);
  return entries.map((entry) => {
    const detail = byMonth.get(entry.month);
    if (detail === undefined) return entry;
    return {
      ...entry,
      ...(detail.n === undefined ? {} : { note: detail.n }),
      ...(detail.l === undefined ? {} : { evidenceLink: detail.l }),
      ...(detail.r === undefined ? {} : { recordedBy: detail.r }),
      ...(detail.vb === undefined ? {} : { verifiedBy: detail.vb }),
      ...(detail.va === undefined ? {} : { verifiedAt: detail.va }),
    };
  });
}

export function compactBaseline(baseline: ApprovedBaseline<number>): CompactBaseline {
  return {
    v: baseline.version,
    by: baseline.approvedBy,
    at: baseline.approvedAt,
    ...(baseline.reason === undefined ? {} : { r: baseline.reason }),
    p: baseline.successProbability,
    b: baseline.benefits.map((benefit) => [benefit.id, benefit.kind, compactSeries(benefit.planned)]),
    c: compactSeries(baseline.plannedCost),
  };
}

export function expandBaseline(compact: CompactBaseline): ApprovedBaseline<number> {
  return {
    version: compact.v,
    approvedBy: compact.by,
    approvedAt: compact.at,
    ...(compact.r === undefined ? {} : { reason: compact.r }),
    successProbability: compact.p,
    benefits: compact.b.map(([id, kind, planned]) => ({ id, kind, planned: expandSeries(planned) })),
    plannedCost: expandSeries(compact.c),
  };
}

// What comes back from Jira is checked before it is trusted (anyone with Edit can write it).
// The rules a save applies hold here too: links https only, account ids and instants as the
// server writes them, so that a property edited through the REST API cannot smuggle in more.
const month = z.string().refine(isYearMonth, 'must be a month YYYY-MM');
const text = (max: number, min = 0) => z.string().min(min).max(max);
const series = z.tuple([month, z.array(z.number().nonnegative().nullable()).max(1200)]).nullable();

export const compactBenefitProfileShape = {
  w: accountIdSchema.optional(),
  m: z
    .object({
      n: text(255, 1),
      u: text(50, 1),
      b: z.number(),
      t: z.number(),
      h: text(2000, 1),
      l: httpsLinkSchema.optional(),
    })
    .optional(),
  d: z
    .array(
      z.tuple([
        month,
        z.object({
          n: text(2000).optional(),
          l: httpsLinkSchema.optional(),
          r: accountIdSchema.optional(),
          vb: accountIdSchema.optional(),
          va: instantSchema.optional(),
        }),
      ]),
    )
    .optional(),
};

export const compactBaselineSchema = z.object({
  v: z.number().int().min(1),
  by: accountIdSchema,
  at: instantSchema,
  r: text(2000, 1).optional(),
  p: z.number().min(0).max(1),
  b: z.array(z.tuple([z.string(), z.enum(BENEFIT_KINDS), series])),
  c: series,
});
