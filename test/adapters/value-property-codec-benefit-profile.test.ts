import fc from 'fast-check';
import {
  decodeValueProperty,
  encodeValueProperty,
  UnreadableValueError,
} from '../../src/adapters/jira/value-property-codec';
import { parseEpicValue } from '../../src/contract/epic-value.schema';
import { BENEFIT_KINDS, yearMonthOf } from '../../src/domain';
import type { ApprovedBaseline } from '../../src/domain/model/baseline';
import type { BenefitMeasure, RealisedAmount } from '../../src/domain/model/benefit';
import type { EpicValueRecord } from '../../src/domain/model/portfolio-record';
import { EMPTY_SEARCH_INDEX, storedMeta } from '../fixtures/value-property-meta';

/*
 * What issue #15 added to the stored value record, in its compact form: benefit owner (`w`) and
 * measure (`m`), realised entries' details (`d`: note, evidence link, recorder, verifier), the
 * approved baseline (`B`) and the `dis_benefit` kind. Each key is stored only when set.
 */

const meta = storedMeta(7);
const index = EMPTY_SEARCH_INDEX;

/** A record using everything the codec knew before issue #15: grades, gaps, objectives, ranges. */
const before15: EpicValueRecord = {
  successProbability: 0.65,
  objectives: [
    { id: 'OBJ-1', share: 0.5 },
    { id: 'OBJ-2', share: 0.25 },
  ],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Faster checkout',
      planned: [
        { month: '2026-03', amount: 1000 },
        { month: '2026-06', amount: 0 },
      ],
      realised: [
        { month: '2026-04', amount: 800.5, evidence: 'verified' },
        { month: '2026-05', amount: 12.25, evidence: 'estimated' },
        { month: '2026-07', amount: 3, evidence: 'measured' },
      ],
    },
    { id: 'b2', kind: 'cost_avoidance', title: 'Fewer incidents “at night”', planned: [], realised: [] },
  ],
  costs: { planned: [{ month: '2026-01', amount: 500 }], actual: [{ month: '2026-01', amount: 480.1 }] },
  nps: null,
  ranges: {
    benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 60, likely: 100, high: 130 }],
    costOverrun: null,
  },
};

/** `before15` as the codec of commit 22174e9 (the last before issue #15) stored it. */
const STORED_BEFORE_15 =
  '{"schemaVersion":1,"revision":7,"updatedAt":"2026-11-23T10:00:00.000Z","updatedBy":"user-1",' +
  '"record":{"p":0.65,"o":[["OBJ-1",0.5],["OBJ-2",0.25]],"b":[{"i":"b1","k":"revenue","t":"Faster checkout",' +
  '"p":["2026-03",[1000,null,null,0]],"r":["2026-04",[800.5,12.25,null,3],"ve-m"]},' +
  '{"i":"b2","k":"cost_avoidance","t":"Fewer incidents “at night”","p":null,"r":null}],' +
  '"c":{"p":["2026-01",[500]],"a":["2026-01",[480.1]]},"n":null,"x":{"b":[["b1","p",60,100,130]],"c":null}},' +
  '"index":{"plannedBenefit":0,"realisedBenefit":0,"actualCost":0,"successProbability":1,"objectives":[],"evidence":[]}}';

const encodedText = (value: EpicValueRecord) => JSON.stringify(encodeValueProperty({ ...meta, value }));
const roundTrip = (value: EpicValueRecord) => decodeValueProperty(JSON.parse(encodedText(value))).value;

// --- Arbitraries of valid records with the issue #15 fields -----------------------------------

const accountIdArb = fc.oneof(
  fc.constantFrom('5b10a2844c20165700ede21g', '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077'),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9:_-]{0,40}$/),
);
const linkArb = fc.webUrl({ validSchemes: ['https'] }).filter((url) => url.length <= 2000);
/** Any text, including non-ASCII and characters JSON must escape. */
const textArb = (minLength: number, maxLength: number) =>
  fc.string({ unit: 'grapheme', minLength, maxLength });
const instantArb = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((millis) => new Date(millis).toISOString());
/** Any finite number; -0 is written as 0 by JSON, so it is generated as 0. */
const measureValueArb = fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => value + 0);
const amountArb = fc.integer({ min: 0, max: 9_999_999 }).map((cents) => cents / 100);
/** Distinct months from 2025-01 over 10 years, in any order. */
const monthsArb = (maxLength: number) =>
  fc
    .uniqueArray(fc.integer({ min: 2025 * 12, max: 2034 * 12 + 11 }), { maxLength })
    .map((indexes) => indexes.map(yearMonthOf));
const seriesArb = monthsArb(6).chain((months) =>
  fc.tuple(...months.map((month) => amountArb.map((amount) => ({ month, amount })))),
);

/** `{ ...key: value }` when the option is set, `{}` when not: optional keys are absent, not undefined. */
const optionalKey = <V>(key: string, arb: fc.Arbitrary<V>): fc.Arbitrary<Record<string, V>> =>
  fc.option(arb, { nil: null }).map((value) => (value === null ? {} : { [key]: value }));

const measureArb: fc.Arbitrary<BenefitMeasure> = fc
  .tuple(
    fc.record({
      name: textArb(1, 40),
      unit: textArb(1, 10),
      baseline: measureValueArb,
      target: measureValueArb,
      method: textArb(1, 80),
    }),
    optionalKey('methodLink', linkArb),
  )
  .map(([measure, link]) => ({ ...measure, ...link }));

const realisedArb: fc.Arbitrary<RealisedAmount<number>[]> = monthsArb(5).chain((months) =>
  fc.tuple(
    ...months.map((month) =>
      fc
        .tuple(
          amountArb,
          fc.constantFrom('verified', 'measured', 'estimated' as const),
          optionalKey('note', textArb(0, 80)),
          optionalKey('evidenceLink', linkArb),
          optionalKey('recordedBy', accountIdArb),
          optionalKey('verifiedBy', accountIdArb),
          optionalKey('verifiedAt', instantArb),
        )
        .map(
          ([amount, evidence, ...details]) =>
            Object.assign({ month, amount, evidence }, ...details) as RealisedAmount<number>,
        ),
    ),
  ),
);

const baselineArb: fc.Arbitrary<ApprovedBaseline<number>> = fc
  .tuple(
    fc.record({
      version: fc.integer({ min: 1, max: 1000 }),
      approvedBy: accountIdArb,
      approvedAt: instantArb,
      successProbability: fc.integer({ min: 0, max: 1_000_000 }).map((micros) => micros / 1_000_000),
      benefits: fc.array(
        fc.record({
          id: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
          kind: fc.constantFrom(...BENEFIT_KINDS),
          planned: seriesArb,
        }),
        { maxLength: 4 },
      ),
      plannedCost: seriesArb,
    }),
    optionalKey('reason', textArb(1, 80)),
  )
  .map(([baseline, reason]) => ({ ...baseline, ...reason }));

/** A valid record with 1-4 benefits of any kind, each with or without owner, measure and details. */
const recordArb: fc.Arbitrary<EpicValueRecord> = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom(...BENEFIT_KINDS),
        textArb(1, 40),
        seriesArb,
        realisedArb,
        optionalKey('owner', accountIdArb),
        optionalKey('measure', measureArb),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    seriesArb,
    optionalKey('baseline', baselineArb),
  )
  .map(([benefits, plannedCost, baseline]) => ({
    successProbability: 0.8,
    objectives: [],
    benefits: benefits.map(([kind, title, planned, realised, owner, measure], position) => ({
      id: `b${String(position)}`,
      kind,
      title,
      planned,
      realised,
      ...owner,
      ...measure,
    })),
    costs: { planned: plannedCost, actual: [] },
    nps: null,
    ...baseline,
  }));

/** The record with every issue #15 field taken out (dis-benefits become revenue). */
function without15(record: EpicValueRecord): EpicValueRecord {
  const { baseline: _baseline, ...rest } = record;
  return {
    ...rest,
    benefits: record.benefits.map(({ owner: _owner, measure: _measure, ...benefit }) => ({
      ...benefit,
      kind: benefit.kind === 'dis_benefit' ? 'revenue' : benefit.kind,
      realised: benefit.realised.map(({ month, amount, evidence }) => ({ month, amount, evidence })),
    })),
  };
}

/** Compares as a reader would: entries of a series by month (the codec stores them month by month). */
const byMonth = <E extends { month: string }>(entries: readonly E[]) =>
  [...entries].sort((a, b) => (a.month < b.month ? -1 : 1));
function normalised(record: EpicValueRecord): EpicValueRecord {
  return {
    ...record,
    benefits: record.benefits.map((benefit) => ({
      ...benefit,
      planned: byMonth(benefit.planned),
      realised: byMonth(benefit.realised),
    })),
    costs: { planned: byMonth(record.costs.planned), actual: byMonth(record.costs.actual) },
    ...(record.baseline === undefined
      ? {}
      : {
          baseline: {
            ...record.baseline,
            benefits: record.baseline.benefits.map((benefit) => ({
              ...benefit,
              planned: byMonth(benefit.planned),
            })),
            plannedCost: byMonth(record.baseline.plannedCost),
          },
        }),
  };
}

describe('value property codec with benefit owners, measures, details, baselines and dis-benefits', () => {
  it('encodes a record without them byte for byte as the codec did before issue #15', () => {
    expect(encodedText(before15)).toBe(STORED_BEFORE_15);
    expect(
      JSON.stringify(encodeValueProperty({ ...decodeValueProperty(JSON.parse(STORED_BEFORE_15)), index })),
    ).toBe(STORED_BEFORE_15);
  });

  it('generates only valid records', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const parsed = parseEpicValue(record);
        expect(parsed.success ? [] : parsed.issues).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('returns what was encoded for any valid record (encode then decode is the identity)', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(roundTrip(record)).toEqual(normalised(record));
      }),
    );
  });

  it('adds nothing to the stored text of what a record held before: the new keys only add to it', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const stored = encodeValueProperty({ ...meta, value: record });
        const stripped = {
          ...stored,
          schemaVersion: 1,
          record: {
            ...stored.record,
            b: stored.record.b.map(({ w: _w, m: _m, d: _d, ...benefit }) => ({
              ...benefit,
              k: benefit.k === 'dis_benefit' ? 'revenue' : benefit.k,
            })),
          },
        };
        delete (stripped.record as { B?: unknown }).B;
        expect(JSON.stringify(stripped)).toBe(encodedText(without15(record)));
      }),
    );
  });

  it('marks a record that holds any of them as schema 2, so that the release before them refuses it rather than drop them on its next save', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const recordText = (value: EpicValueRecord) =>
          JSON.stringify(encodeValueProperty({ ...meta, value }).record);
        const holdsThem = recordText(record) !== recordText(without15(record));
        expect(encodeValueProperty({ ...meta, value: record }).schemaVersion).toBe(holdsThem ? 2 : 1);
      }),
    );
    expect(encodeValueProperty({ ...meta, value: before15 }).schemaVersion).toBe(1);
  });

  it('reads schema 1 and 2 and refuses a schema it does not know', () => {
    const withOwner: EpicValueRecord = {
      ...before15,
      benefits: before15.benefits.map((benefit) => ({ ...benefit, owner: 'olga' })),
    };
    const stored = JSON.parse(encodedText(withOwner)) as { schemaVersion: number };

    expect(stored.schemaVersion).toBe(2);
    expect(decodeValueProperty(stored).value).toEqual(normalised(withOwner));
    expect(() => decodeValueProperty({ ...stored, schemaVersion: 3 })).toThrow(
      /newer version of Value Layer \(schema 3\)/,
    );
  });

  it('stores a realised entry’s details only when it has any, keyed by its month', () => {
    const record: EpicValueRecord = {
      ...before15,
      benefits: [
        {
          id: 'b1',
          kind: 'dis_benefit',
          title: 'Lost sales during the migration',
          planned: [],
          realised: [
            { month: '2026-04', amount: 10, evidence: 'measured' },
            {
              month: '2026-05',
              amount: 20,
              evidence: 'verified',
              note: 'Ledger line 42',
              recordedBy: 'alice',
              verifiedBy: 'victor',
              verifiedAt: '2026-06-01T08:00:00.000Z',
            },
          ],
          owner: 'olga',
        },
      ],
      ranges: undefined,
    };
    delete (record as { ranges?: unknown }).ranges;
    const stored = encodeValueProperty({ ...meta, value: record });
    expect(stored.record.b[0]).toMatchObject({
      k: 'dis_benefit',
      w: 'olga',
      d: [['2026-05', { n: 'Ledger line 42', r: 'alice', vb: 'victor', va: '2026-06-01T08:00:00.000Z' }]],
    });
    expect(stored.record.b[0]).not.toHaveProperty('m');
    expect(roundTrip(record)).toEqual(record);
  });

  it.each([
    ['an evidence link that is not https', ['d', 0, 1, 'l'], 'javascript:alert(1)'],
    ['a method link that is not https', ['m', 'l'], 'http://example.com/method'],
    ['an owner that is not an account id', ['w'], '<img src=x>'],
    ['a recorder that is not an account id', ['d', 0, 1, 'r'], 'alice smith'],
    ['a verifier that is not an account id', ['d', 0, 1, 'vb'], ''],
    ['a verification time that is not an instant', ['d', 0, 1, 'va'], 'yesterday'],
  ])('refuses a stored benefit with %s, naming where, as a save would', (_what, path, bad) => {
    const record: EpicValueRecord = {
      ...before15,
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Faster checkout',
          planned: [],
          realised: [
            {
              month: '2026-04',
              amount: 10,
              evidence: 'verified',
              evidenceLink: 'https://finance.example.com/1',
              recordedBy: 'alice',
              verifiedBy: 'victor',
              verifiedAt: '2026-05-01T08:00:00.000Z',
            },
          ],
          owner: 'olga',
          measure: {
            name: 'Checkout time',
            unit: 's',
            baseline: 40,
            target: 20,
            method: 'p50',
            methodLink: 'https://x.example.com',
          },
        },
      ],
    };
    const stored = JSON.parse(encodedText(record)) as { record: { b: Record<string, unknown>[] } };
    let holder: unknown = stored.record.b[0];
    for (const step of path.slice(0, -1)) holder = (holder as Record<string | number, unknown>)[step];
    (holder as Record<string | number, unknown>)[path.at(-1) ?? ''] = bad;
    expect(() => decodeValueProperty(stored)).toThrow(UnreadableValueError);
    expect(() => decodeValueProperty(stored)).toThrow(`record.b.0.${path.join('.')}`);
  });

  it('refuses a stored baseline that is damaged, naming where', () => {
    const stored = JSON.parse(
      encodedText({
        ...before15,
        baseline: {
          version: 1,
          approvedBy: 'approver-1',
          approvedAt: '2026-01-05T09:00:00.000Z',
          successProbability: 0.8,
          benefits: [{ id: 'b1', kind: 'revenue', planned: [{ month: '2026-03', amount: 1000 }] }],
          plannedCost: [],
        },
      }),
    ) as { record: { B: { v: number; b: [string, string, unknown][] } } };
    stored.record.B.v = 0;
    expect(() => decodeValueProperty(stored)).toThrow(
      new UnreadableValueError(
        'The value record is damaged at record.B.v: Too small: expected number to be >=1.',
      ),
    );
  });
});
