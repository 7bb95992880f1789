import type {
  BenefitRecord,
  EpicValueRecord,
  MonthlyAmountRecord,
  RealisedAmountRecord,
} from '../../domain/model/portfolio-record';
import type { EvidenceGrade } from '../../domain/model/benefit';
import type { StoredValueRead, StoredValueRecord, ValueSearchIndex } from '../../application/ports/jira-site';
import { isYearMonth, monthIndexOf, yearMonthOf } from '../../domain/time/year-month';
import { BENEFIT_KINDS } from '../../domain/model/benefit';
import { z } from 'zod';
import {
  compactBaseline,
  compactBaselineSchema,
  compactBenefitProfile,
  compactBenefitProfileShape,
  compactDetails,
  expandBaseline,
  expandBenefitProfile,
  withDetails,
  type CompactBaseline,
  type CompactBenefitProfile,
  type CompactDetails,
} from './benefit-profile-codec';
import { MAX_SERIES_MONTHS } from '../../contract/epic-value.schema';
import { valueDecisionSchema } from '../../contract/value-decision.schema';
import type { ValueDecision } from '../../domain/model/value-decision';
import {
  compactEpicRanges,
  compactEpicRangesSchema,
  expandEpicRanges,
  parseEpicRanges,
  type CompactEpicRanges,
} from '../../contract/epic-ranges.schema';

/** The issue property that holds an epic's value record (and, under `index`, its JQL fields). */
export const VALUE_PROPERTY_KEY = 'value-layer';

/** Jira refuses issue property values longer than this (characters of JSON). */
export const PROPERTY_VALUE_LIMIT = 32_768;

/**
 * Version 2 adds what issue #15 brought: benefit owners and measures (`w`, `m`), realised
 * entries' details (`d`), the approved baseline (`B`) and the `dis_benefit` kind; a scenario
 * decision (`D`, issue #16) is written as version 2 for the same reason. The release before it reads version 1 with a schema that drops unknown keys, so a record holding any of
 * them is written as version 2, which that release refuses ("update the app") instead of saving
 * it again without them. A record holding none stays version 1, byte for byte as before, so the
 * earlier release keeps working on it.
 */
export const CURRENT_SCHEMA_VERSION = 2;

/**
 * A time series as `[firstMonth, amounts]`: one amount per consecutive month, `null` where the
 * month has no entry. Months are what make the verbose `{month, amount}` form large; this keeps
 * 10 benefits x 60 months far inside Jira's 32 KB property limit.
 */
type CompactSeries = [string, (number | null)[]];
/** Realised series plus one evidence letter per month (`v`erified, `m`easured, `e`stimated, `-`). */
type CompactRealised = [string, (number | null)[], string];

interface CompactBenefit extends CompactBenefitProfile {
  i: string;
  k: BenefitRecord['kind'];
  t: string;
  p: CompactSeries | null;
  r: CompactRealised | null;
  /** Realised entries' notes, links, recorder and verifier (issue #15), only when any is set. */
  d?: CompactDetails;
}

interface CompactRecordV1 {
  p: number;
  o: [string, number][];
  b: CompactBenefit[];
  c: { p: CompactSeries | null; a: CompactSeries | null };
  n: [number, number, number] | null;
  /**
   * Risk ranges (issue #17), only when entered: a record without them has no `x` key at all, so
   * it encodes byte for byte as before ranges existed.
   */
  x?: CompactEpicRanges;
  /** The approved baseline (issue #15), only once approved. */
  B?: CompactBaseline;
  /** The scenario decision (issue #16) as `[choice, scenario, by, at]`, only once one is applied. */
  D?: CompactDecision;
}

type CompactDecision = [ValueDecision['choice'], string, string, string];

export interface StoredValueV1 {
  schemaVersion: 1 | 2;
  /** Increases by one per save; a save names the revision it was based on. */
  revision: number;
  updatedAt: string;
  updatedBy: string;
  record: CompactRecordV1;
  index: ValueSearchIndex;
}

export type DecodedValue = StoredValueRecord;

const EVIDENCE_LETTER: Record<EvidenceGrade, string> = { verified: 'v', measured: 'm', estimated: 'e' };
const EVIDENCE_OF_LETTER: Record<string, EvidenceGrade> = { v: 'verified', m: 'measured', e: 'estimated' };

function compactSeries(entries: readonly MonthlyAmountRecord[]): CompactSeries | null {
  if (entries.length === 0) return null;
  const indexes = entries.map((entry) => monthIndexOf(entry.month));
  const first = Math.min(...indexes);
  const amounts: (number | null)[] = new Array<number | null>(Math.max(...indexes) - first + 1).fill(null);
  entries.forEach((entry, position) => {
    amounts[(indexes[position] ?? first) - first] = entry.amount;
  });
  return [yearMonthOf(first), amounts];
}

function compactRealised(entries: readonly RealisedAmountRecord[]): CompactRealised | null {
  const series = compactSeries(entries);
  if (series === null) return null;
  const first = monthIndexOf(series[0]);
  const letters = new Array<string>(series[1].length).fill('-');
  for (const entry of entries) letters[monthIndexOf(entry.month) - first] = EVIDENCE_LETTER[entry.evidence];
  return [series[0], series[1], letters.join('')];
}

function expandSeries(series: CompactSeries | null): MonthlyAmountRecord[] {
  if (series === null) return [];
  const first = monthIndexOf(series[0]);
  return series[1].flatMap((amount, offset) =>
    amount === null ? [] : [{ month: yearMonthOf(first + offset), amount }],
  );
}

function expandRealised(series: CompactRealised | null): RealisedAmountRecord[] {
  if (series === null) return [];
  const first = monthIndexOf(series[0]);
  return series[1].flatMap((amount, offset) => {
    const evidence = EVIDENCE_OF_LETTER[series[2].charAt(offset)];
    return amount === null || evidence === undefined
      ? []
      : [{ month: yearMonthOf(first + offset), amount, evidence }];
  });
}

const optionalDetails = (d: CompactDetails | undefined): { d?: CompactDetails } =>
  d === undefined ? {} : { d };

export function compactRecord(value: EpicValueRecord): CompactRecordV1 {
  return {
    p: value.successProbability,
    o: value.objectives.map((link) => [link.id, link.share]),
    b: value.benefits.map((benefit) => ({
      i: benefit.id,
      k: benefit.kind,
      t: benefit.title,
      p: compactSeries(benefit.planned),
      r: compactRealised(benefit.realised),
      ...compactBenefitProfile(benefit),
      ...optionalDetails(compactDetails(benefit.realised)),
    })),
    c: { p: compactSeries(value.costs.planned), a: compactSeries(value.costs.actual) },
    n: value.nps === null ? null : [value.nps.promoters, value.nps.passives, value.nps.detractors],
    ...(value.ranges === undefined ? {} : { x: compactEpicRanges(value.ranges) }),
    ...(value.baseline === undefined ? {} : { B: compactBaseline(value.baseline) }),
    ...(value.decision === undefined
      ? {}
      : {
          D: [value.decision.choice, value.decision.scenario, value.decision.by, value.decision.at],
        }),
  };
}

export function expandRecord(record: CompactRecordV1): EpicValueRecord {
  return {
    successProbability: record.p,
    objectives: record.o.map(([id, share]) => ({ id, share })),
    benefits: record.b.map((benefit) => ({
      id: benefit.i,
      kind: benefit.k,
      title: benefit.t,
      planned: expandSeries(benefit.p),
      realised: withDetails(expandRealised(benefit.r), benefit.d),
      ...expandBenefitProfile(benefit),
    })),
    costs: { planned: expandSeries(record.c.p), actual: expandSeries(record.c.a) },
    nps:
      record.n === null ? null : { promoters: record.n[0], passives: record.n[1], detractors: record.n[2] },
    ...(record.x === undefined ? {} : { ranges: expandEpicRanges(record.x) }),
    ...(record.B === undefined ? {} : { baseline: expandBaseline(record.B) }),
    ...(record.D === undefined
      ? {}
      : { decision: { choice: record.D[0], scenario: record.D[1], by: record.D[2], at: record.D[3] } }),
  };
}

/** The lowest version that holds `record` whole (see `CURRENT_SCHEMA_VERSION`). */
function schemaVersionOf(record: CompactRecordV1): 1 | 2 {
  const holdsVersion2 =
    record.B !== undefined ||
    record.D !== undefined ||
    record.b.some(
      (benefit) =>
        benefit.k === 'dis_benefit' ||
        benefit.w !== undefined ||
        benefit.m !== undefined ||
        benefit.d !== undefined,
    );
  return holdsVersion2 ? 2 : 1;
}

export function encodeValueProperty(stored: StoredValueRecord & { index: ValueSearchIndex }): StoredValueV1 {
  const record = compactRecord(stored.value);
  return {
    schemaVersion: schemaVersionOf(record),
    revision: stored.revision,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    record,
    index: stored.index,
  };
}

/** Reads the property as found on an issue (undefined when the issue has none). */
export function readValueProperty(raw: unknown): StoredValueRead {
  if (raw === undefined) return { state: 'none' };
  try {
    return { state: 'stored', record: decodeValueProperty(raw) };
  } catch (error) {
    if (error instanceof UnreadableValueError) return { state: 'unreadable', reason: error.message };
    throw error;
  }
}
/** The length Jira measures a property value by: its JSON text. */
export function encodedLength(stored: StoredValueV1): number {
  return JSON.stringify(stored).length;
}

// Anyone with Edit on the epic can write the property through Jira's REST API, so what comes
// back is checked before it is trusted.
const month = z.string().refine(isYearMonth, 'must be a month YYYY-MM');
// The save and import schemas refuse longer series by the same constant, so what they accept reads back.
const amounts = z.array(z.number().nonnegative().nullable()).max(MAX_SERIES_MONTHS);
const compactSeriesSchema = z.tuple([month, amounts]).nullable();
// Versions 1 and 2 share one shape; records this release wrote before it marked version 2 may hold
// version 2 keys under version 1, and are read whole.
const storedValueV1Schema = z.object({
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  revision: z.number().int().nonnegative(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  record: z.object({
    p: z.number().min(0).max(1),
    o: z.array(z.tuple([z.string(), z.number().positive().max(1)])),
    b: z.array(
      z.object({
        i: z.string(),
        k: z.enum(BENEFIT_KINDS),
        t: z.string(),
        p: compactSeriesSchema,
        r: z.tuple([month, amounts, z.string().regex(/^[vme-]*$/)]).nullable(),
        ...compactBenefitProfileShape,
      }),
    ),
    c: z.object({ p: compactSeriesSchema, a: compactSeriesSchema }),
    n: z
      .tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().nonnegative()])
      .nullable(),
    x: compactEpicRangesSchema.optional(),
    B: compactBaselineSchema.optional(),
    D: z
      .tuple([
        valueDecisionSchema.shape.choice,
        valueDecisionSchema.shape.scenario,
        valueDecisionSchema.shape.by,
        valueDecisionSchema.shape.at,
      ])
      .optional(),
  }),
  index: z.unknown(),
});

export class UnreadableValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableValueError';
  }
}

/**
 * Reads a stored property of any schema version this code knows, migrating older versions to
 * the current shape. A property written by a newer version of the app is refused rather than
 * misread (and so never overwritten by an older version).
 */
export function decodeValueProperty(raw: unknown): DecodedValue {
  if (typeof raw !== 'object' || raw === null)
    throw new UnreadableValueError('The value record is not an object.');
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (version === 1 || version === 2) {
    const parsed = storedValueV1Schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UnreadableValueError(
        `The value record is damaged at ${issue?.path.join('.') ?? '(root)'}: ${issue?.message ?? 'invalid'}.`,
      );
    }
    const stored = parsed.data;
    if (stored.record.x !== undefined) {
      // The compact schema checks shapes only; bounds, order and benefit ids as at save.
      const ranges = parseEpicRanges(
        expandEpicRanges(stored.record.x),
        stored.record.b.map((benefit) => ({ id: benefit.i, planned: expandSeries(benefit.p) })),
      );
      if (!ranges.success) {
        const issue = ranges.issues[0];
        throw new UnreadableValueError(
          `The value record is damaged at record.x (ranges.${issue?.path ?? ''}): ${issue?.message ?? 'invalid'}.`,
        );
      }
    }
    return {
      revision: stored.revision,
      updatedAt: stored.updatedAt,
      updatedBy: stored.updatedBy,
      value: expandRecord(stored.record),
    };
  }
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) {
    throw new UnreadableValueError(
      `The value record was written by a newer version of Value Layer (schema ${version}); update the app.`,
    );
  }
  throw new UnreadableValueError('The value record has no known schema version.');
}
