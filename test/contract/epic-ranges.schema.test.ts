import { resolve } from 'node:path';
import { readAppceleratorIssues } from '../../local-site/seeds/appcelerator-seed';
import { generatePortfolio } from '../../scripts/lib/generate-portfolio';
import {
  compactEpicRanges,
  compactEpicRangesSchema,
  expandEpicRanges,
  parseEpicRanges,
  type EpicRangesDocument,
} from '../../src/contract/epic-ranges.schema';
import { encodeValueProperty, PROPERTY_VALUE_LIMIT } from '../../src/adapters/jira/value-property-codec';
import { parseEpicValue } from '../../src/contract/epic-value.schema';
import { EMPTY_SEARCH_INDEX } from '../fixtures/value-property-meta';

const benefits = [
  { id: 'b1', planned: [{ amount: 1000 }] },
  { id: 'b2', planned: [] },
];

describe(parseEpicRanges.name, () => {
  it('accepts percent and amount ranges and an overrun, defaulting what is missing', () => {
    const parsed = parseEpicRanges(
      { benefits: [{ benefitId: 'b1', basis: 'amount', low: 500, likely: 1000, high: 1250.5 }] },
      benefits,
    );
    expect(parsed).toEqual({
      success: true,
      data: {
        benefits: [{ benefitId: 'b1', basis: 'amount', low: 500, likely: 1000, high: 1250.5 }],
        costOverrun: null,
      },
    });
  });

  it('names the field out of order, the percent out of bounds and the unknown basis', () => {
    const parsed = parseEpicRanges({
      benefits: [
        { benefitId: 'b1', basis: 'percentOfPlan', low: 80, likely: 70, high: 120 },
        { benefitId: 'b2', basis: 'percentOfPlan', low: 80, likely: 90, high: 1200 },
        { benefitId: 'b3', basis: 'guess', low: 1, likely: 2, high: 3 },
      ],
      costOverrun: { low: -110, likely: 30, high: 20 },
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'benefits[0].likely',
        'benefits[1].high',
        'benefits[2].basis',
        'costOverrun.low',
        'costOverrun.high',
      ]),
    );
  });

  it('refuses ranges for benefits the epic does not have, twice, or amounts with nothing planned', () => {
    const parsed = parseEpicRanges(
      {
        benefits: [
          { benefitId: 'b1', basis: 'percentOfPlan', low: 80, likely: 100, high: 120 },
          { benefitId: 'b1', basis: 'percentOfPlan', low: 80, likely: 100, high: 120 },
          { benefitId: 'zz', basis: 'percentOfPlan', low: 80, likely: 100, high: 120 },
          { benefitId: 'b2', basis: 'amount', low: 1, likely: 2, high: 3 },
        ],
      },
      benefits,
    );
    expect(parsed.success ? [] : parsed.issues.map((issue) => issue.path)).toEqual([
      'benefits[1].benefitId',
      'benefits[2].benefitId',
      'benefits[3].basis',
    ]);
  });
});

describe(compactEpicRanges.name, () => {
  it('round-trips through the compact stored form and its schema', () => {
    const ranges: EpicRangesDocument = {
      benefits: [
        { benefitId: 'b1', basis: 'amount', low: 500, likely: 1000, high: 1250.5 },
        { benefitId: 'b2', basis: 'percentOfPlan', low: 62.5, likely: 100, high: 110 },
      ],
      costOverrun: { low: -10, likely: 0, high: 50 },
    };
    const compact = compactEpicRangesSchema.parse(JSON.parse(JSON.stringify(compactEpicRanges(ranges))));
    expect(expandEpicRanges(compact)).toEqual(ranges);
  });

  it('keeps the largest epic of the real Appcelerator portfolio far inside Jira 32 KB property limit', () => {
    // The same value data the `appcelerator` seed lays over the 134 real epics.
    const issues = readAppceleratorIssues(resolve(__dirname, '..', '..'));
    const epics = issues.filter((issue) => issue.fields.issuetype.name === 'Epic');
    const document = generatePortfolio({
      epics: epics.length,
      projects: new Set(epics.map((epic) => epic.fields.project.key)).size,
      seed: 1120,
    });
    const sized = document.epics.map((epic) => {
      const property = encodeValueProperty({
        revision: 999_999,
        updatedAt: '2026-12-31T23:59:59.999Z',
        updatedBy: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
        value: epic.value,
        index: EMPTY_SEARCH_INDEX,
      });
      // Worst case: every benefit an amount range at the largest amounts, and an overrun range.
      const ranges = compactEpicRanges({
        benefits: epic.value.benefits.map((benefit) => ({
          benefitId: benefit.id,
          basis: 'amount',
          low: 999_999_999_999.99,
          likely: 999_999_999_999.99,
          high: 999_999_999_999.99,
        })),
        costOverrun: { low: -99.99, likely: 999.99, high: 999.99 },
      });
      const before = JSON.stringify(property).length;
      const after = JSON.stringify({ ...property, record: { ...property.record, x: ranges } }).length;
      return { key: epic.key, benefits: epic.value.benefits.length, before, added: after - before };
    });
    const largest = sized.reduce((big, next) => (next.before > big.before ? next : big));
    process.stdout.write(`ranges size: largest epic ${JSON.stringify(largest)}\n`);
    expect(epics).toHaveLength(134);
    expect(largest.added).toBeLessThanOrEqual(40 + 70 * largest.benefits);
    expect(largest.before + largest.added).toBeLessThan(PROPERTY_VALUE_LIMIT / 4);
  });
});

describe('epicValueSchema ranges', () => {
  const value = {
    benefits: [
      { id: 'b1', kind: 'revenue', title: 'Checkout', planned: [{ month: '2026-05', amount: 1000 }] },
      { id: 'b2', kind: 'revenue', title: 'Search' },
    ],
  };

  it('returns the value without a ranges key when none are given, and with them when given', () => {
    const without = parseEpicValue(value);
    expect(without.success && Object.hasOwn(without.data, 'ranges')).toBe(false);
    const ranges = {
      benefits: [{ benefitId: 'b1', basis: 'amount', low: 500, likely: 1000, high: 1250.5 }],
      costOverrun: { low: -10, likely: 0, high: 50 },
    };
    const parsed = parseEpicValue({ ...value, ranges });
    expect(parsed.success ? parsed.data.ranges : null).toEqual(ranges);
  });

  it('names the ranges field out of order, out of bounds, or naming no benefit of the epic', () => {
    const parsed = parseEpicValue({
      ...value,
      ranges: {
        benefits: [
          { benefitId: 'b1', basis: 'percentOfPlan', low: 80, likely: 70, high: 120 },
          { benefitId: 'b2', basis: 'percentOfPlan', low: 80, likely: 90, high: 1000.5 },
          { benefitId: 'gone', basis: 'percentOfPlan', low: 80, likely: 90, high: 100 },
          { benefitId: 'b2', basis: 'amount', low: 1, likely: 2, high: 3 },
        ],
        costOverrun: { low: -100.5, likely: 0, high: 10 },
      },
    });
    expect(parsed.success ? [] : parsed.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        'ranges.benefits[0].likely',
        'ranges.benefits[1].high',
        'ranges.benefits[2].benefitId',
        'ranges.benefits[3].benefitId',
        'ranges.costOverrun.low',
      ]),
    );
  });

  it('names an amount range with more decimals than the site currency has', () => {
    const parsed = parseEpicValue(
      {
        ...value,
        ranges: { benefits: [{ benefitId: 'b1', basis: 'amount', low: 500.5, likely: 1000, high: 1250 }] },
      },
      { currency: 'JPY' },
    );
    expect(parsed.success ? [] : parsed.issues.map((issue) => issue.path)).toEqual([
      'ranges.benefits[0].low',
    ]);
  });

  it('names a benefit id of the wrong type once, by its schema, not also as unknown', () => {
    const parsed = parseEpicValue({
      ...value,
      ranges: { benefits: [{ benefitId: 7, basis: 'percentOfPlan', low: 80, likely: 90, high: 100 }] },
    });
    expect(parsed.success ? [] : parsed.issues.map((issue) => issue.path)).toEqual([
      'ranges.benefits[0].benefitId',
    ]);
  });
});
