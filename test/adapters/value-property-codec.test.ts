import type { EpicValueRecord } from '../../src/domain/model/portfolio-record';
import {
  PROPERTY_VALUE_LIMIT,
  UnreadableValueError,
  decodeValueProperty,
  encodeValueProperty,
  encodedLength,
} from '../../src/adapters/jira/value-property-codec';
import { CHECKOUT_VALUE, storedMeta } from '../fixtures/value-property-meta';

const meta = storedMeta(3);

const value = CHECKOUT_VALUE;

/** 10 benefits x 60 months of planned and realised amounts, and 60 months of both costs. */
function largeRecord(): EpicValueRecord {
  const months = Array.from({ length: 60 }, (_, offset) => {
    const index0 = 2026 * 12 + offset;
    return `${Math.floor(index0 / 12)}-${String((index0 % 12) + 1).padStart(2, '0')}`;
  });
  const amounts = months.map((month, offset) => ({ month, amount: 123456.78 + offset }));
  return {
    successProbability: 0.75,
    objectives: [
      { id: 'OBJ-GROWTH', share: 0.6 },
      { id: 'OBJ-EFFICIENCY', share: 0.4 },
    ],
    benefits: Array.from({ length: 10 }, (_, position) => ({
      id: `benefit-${position}`,
      kind: 'cost_avoidance' as const,
      title: `Benefit number ${position} with a realistic, fairly long title`,
      planned: amounts,
      realised: amounts.map((entry) => ({ ...entry, evidence: 'measured' as const })),
    })),
    costs: { planned: amounts, actual: amounts },
    nps: null,
  };
}

describe('value property codec', () => {
  it('returns the same record after an encode and decode round trip', () => {
    const decoded = decodeValueProperty(JSON.parse(JSON.stringify(encodeValueProperty({ ...meta, value }))));

    expect(decoded).toEqual({ revision: 3, updatedAt: meta.updatedAt, updatedBy: 'user-1', value });
  });

  it('keeps a record of 10 benefits x 60 months inside Jira’s 32,768-character property limit', () => {
    const large = largeRecord();
    const stored = encodeValueProperty({ ...meta, value: large });

    expect(encodedLength(stored)).toBeLessThan(PROPERTY_VALUE_LIMIT);
    expect(decodeValueProperty(JSON.parse(JSON.stringify(stored))).value).toEqual(large);
  });

  it('reads back a series spanning MAX_SERIES_MONTHS, the longest a save accepts', () => {
    const longest: EpicValueRecord = {
      ...value,
      costs: {
        planned: [
          { month: '2000-01', amount: 1 },
          { month: '2099-12', amount: 2 },
        ],
        actual: [],
      },
    };
    const stored = { ...meta, value: longest };

    expect(decodeValueProperty(encodeValueProperty(stored)).value.costs).toEqual(longest.costs);
  });

  it('refuses a property written by a newer schema version instead of misreading it', () => {
    expect(() => decodeValueProperty({ schemaVersion: 3, revision: 1 })).toThrow(/newer version/);
  });

  it('refuses a damaged property and names where it is damaged', () => {
    const stored = JSON.parse(JSON.stringify(encodeValueProperty({ ...meta, value }))) as {
      record: { b: { k: string }[] };
    };
    const first = stored.record.b[0];
    if (first) first.k = 'lottery';

    expect(() => decodeValueProperty(stored)).toThrow(UnreadableValueError);
    expect(() => decodeValueProperty(stored)).toThrow(/record\.b\.0\.k/);
  });

  it('refuses something that is not a value record at all', () => {
    expect(() => decodeValueProperty('hello')).toThrow(UnreadableValueError);
    expect(() => decodeValueProperty({ revision: 1 })).toThrow(/no known schema version/);
  });
});
