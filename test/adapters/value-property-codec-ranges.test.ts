import { resolve } from 'node:path';
import fc from 'fast-check';
import { readAppceleratorIssues } from '../../local-site/seeds/appcelerator-seed';
import { generatePortfolio } from '../../scripts/lib/generate-portfolio';
import {
  PROPERTY_VALUE_LIMIT,
  UnreadableValueError,
  decodeValueProperty,
  encodeValueProperty,
  encodedLength,
} from '../../src/adapters/jira/value-property-codec';
import { parseEpicValue } from '../../src/contract/epic-value.schema';
import type { EpicRanges } from '../../src/domain/ranges';
import type { EpicValueRecord } from '../../src/domain/model/portfolio-record';
import { CHECKOUT_VALUE, EMPTY_SEARCH_INDEX, storedMeta } from '../fixtures/value-property-meta';

/*
 * Risk ranges in the stored value record (issue #17): key `x` of the compact record, present only
 * when ranges were entered.
 */

const meta = storedMeta(3);
const index = EMPTY_SEARCH_INDEX;

const value = CHECKOUT_VALUE;

/** Stored text of `value` as the codec wrote it before ranges existed (commit b1be759). */
const STORED_BEFORE_RANGES =
  '{"schemaVersion":1,"revision":3,"updatedAt":"2026-11-23T10:00:00.000Z","updatedBy":"user-1",' +
  '"record":{"p":0.8,"o":[["OBJ-1",0.5]],"b":[{"i":"b1","k":"revenue","t":"Faster checkout",' +
  '"p":["2026-03",[1000,null,null,0]],"r":["2026-04",[800.5,12.25],"ve"]}],"c":{"p":["2026-01",[500]],' +
  '"a":null},"n":[40,30,10]},"index":{"plannedBenefit":0,"realisedBenefit":0,"actualCost":0,' +
  '"successProbability":1,"objectives":[],"evidence":[]}}';

const roundTrip = (record: EpicValueRecord) =>
  decodeValueProperty(JSON.parse(JSON.stringify(encodeValueProperty({ ...meta, value: record })))).value;

/** Whole cents as decimals: 0.00 to 99,999.99. */
const amountArb = fc.integer({ min: 0, max: 9_999_999 }).map((cents) => cents / 100);
/** Percent with at most 2 decimals, from `min` to 1000. */
const percentArb = (min: number) =>
  fc.integer({ min: min * 100, max: 100_000 }).map((hundredths) => hundredths / 100);
const sortedTriple = (arb: fc.Arbitrary<number>) =>
  fc.tuple(arb, arb, arb).map((points) => {
    const [low, likely, high] = [...points].sort((a, b) => a - b) as [number, number, number];
    return { low, likely, high };
  });

/** A valid value with 1-4 benefits (each with something planned) and ranges on some of them. */
const valueWithRangesArb: fc.Arbitrary<EpicValueRecord> = fc
  .record({
    planned: fc.array(fc.integer({ min: 1, max: 9_999_999 }), { minLength: 1, maxLength: 4 }),
    rangeKinds: fc.array(fc.constantFrom('none', 'percentOfPlan', 'amount'), { minLength: 4, maxLength: 4 }),
    percents: fc.array(sortedTriple(percentArb(0)), { minLength: 4, maxLength: 4 }),
    amounts: fc.array(sortedTriple(amountArb), { minLength: 4, maxLength: 4 }),
    overrun: fc.option(sortedTriple(percentArb(-100)), { nil: null }),
  })
  .map(({ planned, rangeKinds, percents, amounts, overrun }) => {
    const benefits = planned.map((cents, position) => ({
      id: `b${String(position)}`,
      kind: 'cost_saving' as const,
      title: `Benefit ${String(position)}`,
      planned: [{ month: '2026-05', amount: cents / 100 }],
      realised: [],
    }));
    const ranges: EpicRanges = {
      benefits: benefits.flatMap((benefit, position) => {
        const kind = rangeKinds[position] ?? 'none';
        if (kind === 'none') return [];
        const points = (kind === 'amount' ? amounts : percents)[position] ?? { low: 0, likely: 0, high: 0 };
        return [{ benefitId: benefit.id, basis: kind, ...points }];
      }),
      costOverrun: overrun,
    };
    return { ...value, benefits, ranges };
  });

describe('value property codec with risk ranges', () => {
  it('encodes a record without ranges byte for byte as before ranges existed', () => {
    expect(JSON.stringify(encodeValueProperty({ ...meta, value }))).toBe(STORED_BEFORE_RANGES);
    expect(roundTrip(value)).not.toHaveProperty('ranges');
  });

  it('decodes a record stored before ranges existed and re-encodes it to the same text', () => {
    const decoded = decodeValueProperty(JSON.parse(STORED_BEFORE_RANGES));
    expect(JSON.stringify(encodeValueProperty({ ...decoded, index }))).toBe(STORED_BEFORE_RANGES);
  });

  it('returns what was encoded for any valid value with ranges (encode then decode is the identity)', () => {
    fc.assert(
      fc.property(valueWithRangesArb, (record) => {
        expect(parseEpicValue(record).success).toBe(true);
        expect(roundTrip(record)).toEqual(record);
      }),
    );
  });

  it('adds only the `x` key: the rest of the stored text is the same as without ranges', () => {
    fc.assert(
      fc.property(valueWithRangesArb, (record) => {
        const { ranges: _ranges, ...withoutRanges } = record;
        const withX = encodeValueProperty({ ...meta, value: record });
        const { x, ...rest } = withX.record;
        expect(x).toBeDefined();
        expect(JSON.stringify({ ...withX, record: rest })).toBe(
          JSON.stringify(encodeValueProperty({ ...meta, value: withoutRanges })),
        );
      }),
    );
  });

  it('refuses a stored range out of order or naming an unknown benefit as a damaged record', () => {
    const stored = JSON.parse(JSON.stringify(encodeValueProperty({ ...meta, value }))) as {
      record: Record<string, unknown>;
    };
    const outOfOrder = {
      ...stored,
      record: { ...stored.record, x: { b: [['b1', 'p', 90, 80, 120]], c: null } },
    };
    const unknown = {
      ...stored,
      record: { ...stored.record, x: { b: [['zz', 'p', 80, 90, 120]], c: null } },
    };
    const unbounded = { ...stored, record: { ...stored.record, x: { b: [], c: [-150, 0, 10] } } };
    expect(() => decodeValueProperty(outOfOrder)).toThrow(/record\.x \(ranges\.benefits\[0\]\.likely\)/);
    expect(() => decodeValueProperty(unknown)).toThrow(/ranges\.benefits\[0\]\.benefitId/);
    expect(() => decodeValueProperty(unbounded)).toThrow(UnreadableValueError);
  });

  it('keeps the largest real Appcelerator epic with an amount range on every benefit under 32 KB', () => {
    // The same value data the `appcelerator` seed lays over the 134 real epics.
    const issues = readAppceleratorIssues(resolve(__dirname, '..', '..'));
    const epics = issues.filter((issue) => issue.fields.issuetype.name === 'Epic');
    const document = generatePortfolio({
      epics: epics.length,
      projects: new Set(epics.map((epic) => epic.fields.project.key)).size,
      seed: 1120,
    });
    const worstMeta = {
      revision: 999_999,
      updatedAt: '2026-12-31T23:59:59.999Z',
      updatedBy: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
      index,
    };
    const sized = document.epics.map((epic) => {
      // Worst case: every benefit an amount range at the largest amounts, and an overrun range.
      const ranged: EpicValueRecord = {
        ...epic.value,
        ranges: {
          benefits: epic.value.benefits.map((benefit) => ({
            benefitId: benefit.id,
            basis: 'amount',
            low: 999_999_999_999.99,
            likely: 999_999_999_999.99,
            high: 999_999_999_999.99,
          })),
          costOverrun: { low: -99.99, likely: 999.99, high: 999.99 },
        },
      };
      const length = encodedLength(encodeValueProperty({ ...worstMeta, value: ranged }));
      return { key: epic.key, benefits: epic.value.benefits.length, length, ranged };
    });
    const largest = sized.reduce((big, next) => (next.length > big.length ? next : big));
    expect(epics).toHaveLength(134);
    expect(largest.benefits).toBeGreaterThan(0);
    expect(largest.length).toBeLessThan(PROPERTY_VALUE_LIMIT);
    expect(roundTrip(largest.ranged)).toEqual(largest.ranged);
  });
});
