import { reviewActualSchema } from '../../../src/contract/review.contract';
import {
  FIELDS,
  readActuals,
  type ActualRow,
} from '../../../static/src/features/epic-panel/review-close-form';

const row = (overrides: Partial<ActualRow> = {}): ActualRow => ({
  key: 1,
  benefitId: 'b1',
  month: '2026-08',
  amount: '1200.50',
  evidence: 'measured',
  evidenceLink: '',
  note: '',
  ...overrides,
});

describe('readActuals', () => {
  it('returns each row as the server takes it, amounts in currency units, blank note and link left out', () => {
    const read = readActuals(
      [
        row({ note: ' From the ledger ', evidenceLink: ' https://finance.example.com/ledger/2026-08 ' }),
        row({ key: 2, benefitId: 'd1', amount: '80' }),
      ],
      'EUR',
      2,
    );

    expect(read).toEqual({
      errors: {},
      actuals: [
        {
          benefitId: 'b1',
          month: '2026-08',
          amount: 1200.5,
          evidence: 'measured',
          note: 'From the ledger',
          evidenceLink: 'https://finance.example.com/ledger/2026-08',
        },
        { benefitId: 'd1', month: '2026-08', amount: 80, evidence: 'measured' },
      ],
    });
  });

  it.each([
    ['http://finance.example.com/report'],
    ['finance.example.com/report'],
    ['javascript:alert(1)'],
    ['https//finance.example.com'],
  ])('refuses the evidence link %j, naming the field by the server’s path', (link) => {
    const read = readActuals([row(), row({ key: 2, evidenceLink: link })], 'EUR', 2);

    expect(read.errors).toEqual({
      'actuals[1].evidenceLink':
        'Enter a link that starts with https://, such as https://example.com/report.',
    });
    expect(read.actuals).toHaveLength(1);
  });

  it('refuses an evidence link longer than the server keeps', () => {
    const read = readActuals([row({ evidenceLink: `https://example.com/${'a'.repeat(2000)}` })], 'EUR', 2);

    expect(read.errors).toEqual({ 'actuals[0].evidenceLink': 'Use at most 2,000 characters.' });
  });

  it('names every wrong field of a row at once', () => {
    const read = readActuals(
      [row({ benefitId: '', month: '2026-13', amount: '-5', evidenceLink: 'ftp://x.example' })],
      'EUR',
      2,
    );

    expect(Object.keys(read.errors)).toEqual([
      'actuals[0].benefitId',
      'actuals[0].month',
      'actuals[0].amount',
      'actuals[0].evidenceLink',
    ]);
    expect(read.actuals).toEqual([]);
  });
});

describe('FIELDS', () => {
  it('holds every field of an actual the server takes, so that a refusal of any is shown beside it', () => {
    expect([...FIELDS].sort()).toEqual(Object.keys(reviewActualSchema.shape).sort());
  });
});
