import {
  decodeValueProperty,
  encodeValueProperty,
  readValueProperty,
} from '../../src/adapters/jira/value-property-codec';
import type { EpicValueRecord } from '../../src/domain/model/portfolio-record';
import { storedMeta } from '../fixtures/value-property-meta';

const meta = storedMeta(4, '2026-12-06T04:00:00.000Z', 'planner');

const plan: EpicValueRecord = {
  successProbability: 0.7,
  objectives: [],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Checkout',
      planned: [{ month: '2027-03', amount: 1000 }],
      realised: [],
    },
  ],
  costs: { planned: [{ month: '2027-01', amount: 400 }], actual: [] },
  nps: null,
};
const decided: EpicValueRecord = {
  ...plan,
  decision: {
    choice: 'delay_12',
    scenario: 'Budget cut “2027”',
    by: 'planner',
    at: '2026-12-06T04:00:00.000Z',
  },
};

const encoded = (value: EpicValueRecord) =>
  JSON.parse(JSON.stringify(encodeValueProperty({ ...meta, value }))) as {
    schemaVersion: number;
    record: Record<string, unknown>;
  };

describe('value property codec, scenario decision (issue #16)', () => {
  it('returns the same decision after an encode and decode round trip', () => {
    expect(decodeValueProperty(encoded(decided)).value).toEqual(decided);
  });

  it('stores the decision compactly under one key, only once one is applied', () => {
    expect(encoded(decided).record.D).toEqual([
      'delay_12',
      'Budget cut “2027”',
      'planner',
      '2026-12-06T04:00:00.000Z',
    ]);
    expect(encoded(plan).record).not.toHaveProperty('D');
  });

  it('writes a record holding a decision as schema 2, which the release before issue #15 refuses', () => {
    expect(encoded(decided).schemaVersion).toBe(2);
    expect(encoded(plan).schemaVersion).toBe(1);
  });

  it('reports a damaged decision as unreadable, naming where', () => {
    const damaged = encoded(decided);
    damaged.record.D = ['abandon', 'S', 'planner', '2026-12-06T04:00:00.000Z'];

    const read = readValueProperty(damaged);

    expect(read.state).toBe('unreadable');
    expect(read.state === 'unreadable' ? read.reason : '').toMatch(/record\.D\.0/);
  });
});
