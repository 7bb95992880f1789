import {
  EMPTY_MEASURE,
  EMPTY_RANGE,
  toDraft,
  type Draft,
} from '../../../static/src/features/epic-panel/draft';
import { npsOf, readDraft } from '../../../static/src/features/epic-panel/validate';
import { EMPTY_VALUE } from './panel-fixtures';

const EUR = { currency: 'EUR', decimals: 2 };

function draftWith(change: (draft: Draft) => void): Draft {
  const draft = toDraft(EMPTY_VALUE, 2);
  draft.benefits.push({
    id: 'b1',
    kind: 'revenue',
    title: 'Conversion uplift',
    owner: '',
    measure: { ...EMPTY_MEASURE },
    range: { ...EMPTY_RANGE },
    planned: [{ key: 'r1', month: '2026-03', amount: '1,000.50' }],
    realised: [
      { key: 'r2', month: 'Mar 2026', amount: '900', evidence: 'measured', note: '', evidenceLink: '' },
    ],
  });
  change(draft);
  return draft;
}

describe('readDraft', () => {
  it('builds the value the server expects from what the user typed', () => {
    const draft = draftWith((d) => {
      d.successProbability = '80';
      d.objectives = [{ id: 'OBJ-1', share: '33.3333' }];
      d.costs.actual = [{ key: 'c1', month: '2026-02', amount: '€ 2.100,00' }];
      d.nps = { promoters: '40', passives: '30', detractors: '10' };
    });

    expect(readDraft(draft, EUR)).toEqual({
      errors: {},
      value: {
        successProbability: 0.8,
        objectives: [{ id: 'OBJ-1', share: 0.333333 }],
        benefits: [
          {
            id: 'b1',
            kind: 'revenue',
            title: 'Conversion uplift',
            planned: [{ month: '2026-03', amount: 1000.5 }],
            realised: [{ month: '2026-03', amount: 900, evidence: 'measured' }],
          },
        ],
        costs: { planned: [], actual: [{ month: '2026-02', amount: 2100 }] },
        nps: { promoters: 40, passives: 30, detractors: 10 },
        ranges: { benefits: [], costOverrun: null },
      },
    });
  });

  it('reports each problem on its field, with the server’s path', () => {
    const draft = draftWith((d) => {
      const benefit = d.benefits[0];
      if (!benefit) throw new Error('no benefit');
      benefit.title = ' ';
      benefit.planned.push(
        { key: 'r3', month: '2026-03', amount: 'lots' },
        { key: 'r4', month: 'soon', amount: '' },
      );
      d.successProbability = '120';
      d.nps = { promoters: '1.5', passives: '', detractors: '0' };
    });

    expect(readDraft(draft, EUR).errors).toEqual({
      'value.benefits[0].title': 'Enter a title.',
      'value.benefits[0].planned[1].month': 'Mar 2026 is already in this list.',
      'value.benefits[0].planned[1].amount': 'Enter a number, such as 1,250.50.',
      'value.benefits[0].planned[2].month': 'Enter a month as YYYY-MM, between 1900-01 and 2199-12.',
      'value.benefits[0].planned[2].amount': 'Enter an amount.',
      'value.successProbability': 'Enter a percentage from 0% to 100%.',
      'value.nps.promoters': 'Enter a whole number, 0 or more.',
      'value.nps.passives': 'Enter a count.',
    });
  });

  it('reports shares that add up to more than 100% on the objectives', () => {
    const draft = draftWith((d) => {
      d.objectives = [
        { id: 'OBJ-1', share: '70' },
        { id: 'OBJ-2', share: '50.5' },
      ];
    });

    expect(readDraft(draft, EUR).errors).toEqual({
      'value.objectives': 'The shares add up to 120.5%; together they can be at most 100%.',
    });
  });

  it('refuses a zero share and amounts out of range', () => {
    const draft = draftWith((d) => {
      d.objectives = [{ id: 'OBJ-1', share: '0' }];
      d.costs.planned = [
        { key: 'c1', month: '2026-01', amount: '-1' },
        { key: 'c2', month: '2026-02', amount: '1,000,000,000,000.01' },
      ];
    });

    expect(readDraft(draft, EUR).errors).toEqual({
      'value.objectives[0].share': 'Enter a percentage above 0% and at most 100%.',
      'value.costs.planned[0].amount': 'Enter 0 or more.',
      'value.costs.planned[1].amount': 'Enter at most 1,000,000,000,000.',
    });
  });

  it('holds amounts to the site currency’s decimals', () => {
    const draft = draftWith(() => undefined);

    expect(readDraft(draft, { currency: 'JPY', decimals: 0 }).errors).toEqual({
      'value.benefits[0].planned[0].amount': 'Enter a whole number: JPY has no minor unit.',
    });
    expect(
      readDraft(
        draftWith((d) => (d.costs.actual = [{ key: 'x', month: '2026-01', amount: '1.234' }])),
        EUR,
      ).errors,
    ).toEqual({
      'value.costs.actual[0].amount': 'Use at most 2 decimals.',
    });
  });
});

describe('npsOf', () => {
  it('is 100 × (promoters − detractors) / responses', () => {
    expect(npsOf({ promoters: 40, passives: 30, detractors: 10 })).toBe(37.5);
    expect(npsOf({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});

/** The draft's first benefit and its first realised row, which `draftWith` always has. */
function firstBenefit(draft: Draft): Draft['benefits'][number] {
  const benefit = draft.benefits[0];
  if (benefit === undefined) throw new Error('draftWith adds a benefit');
  return benefit;
}
function firstRealised(draft: Draft): Draft['benefits'][number]['realised'][number] {
  const row = firstBenefit(draft).realised[0];
  if (row === undefined) throw new Error('draftWith adds a realised row');
  return row;
}

describe('readDraft with benefit owners, measures and realised details', () => {
  const measure = {
    name: 'Average handling time',
    unit: 'minutes',
    baseline: '7.25',
    target: '4',
    method: 'Contact-centre report',
    methodLink: '',
  };

  it('sends owner, measure, note and link, and leaves out what is blank', () => {
    const draft = draftWith((d) => {
      const benefit = firstBenefit(d);
      benefit.owner = 'acc-sam';
      benefit.measure = { ...measure, methodLink: ' https://reports.example.com/aht ' };
      firstRealised(d).note = '  Booked by finance ';
      firstRealised(d).evidenceLink = 'https://ledger.example.com/2026-03';
    });
    const { value, errors } = readDraft(draft, EUR);
    expect(errors).toEqual({});
    expect(value.benefits[0]).toMatchObject({
      owner: 'acc-sam',
      measure: {
        name: 'Average handling time',
        unit: 'minutes',
        baseline: 7.25,
        target: 4,
        method: 'Contact-centre report',
        methodLink: 'https://reports.example.com/aht',
      },
      realised: [
        {
          month: '2026-03',
          amount: 900,
          evidence: 'measured',
          note: 'Booked by finance',
          evidenceLink: 'https://ledger.example.com/2026-03',
        },
      ],
    });
    const blank = readDraft(
      draftWith(() => undefined),
      EUR,
    ).value.benefits[0];
    expect(blank).not.toHaveProperty('owner');
    expect(blank).not.toHaveProperty('measure');
    expect(blank?.realised[0]).toEqual({ month: '2026-03', amount: 900, evidence: 'measured' });
  });

  it('asks for each missing measure field once any is filled, naming the field', () => {
    const { errors } = readDraft(
      draftWith((d) => {
        firstBenefit(d).measure = { ...EMPTY_MEASURE, target: '12' };
      }),
      EUR,
    );
    expect(errors).toEqual({
      'value.benefits[0].measure.name': 'Enter what is measured, such as “Average handling time”.',
      'value.benefits[0].measure.unit': 'Enter the unit, such as “minutes” or “%”.',
      'value.benefits[0].measure.baseline': 'Enter the baseline, a number such as 12.5.',
      'value.benefits[0].measure.method': 'Enter how it is measured, such as the report it comes from.',
    });
  });

  it('refuses a measure number with letters or too many decimals, and a link that is not https', () => {
    const { errors } = readDraft(
      draftWith((d) => {
        firstBenefit(d).measure = {
          ...measure,
          baseline: '7 min',
          target: '0.1234567',
          methodLink: 'javascript:alert(1)',
        };
        firstRealised(d).evidenceLink = 'http://ledger.example.com';
      }),
      EUR,
    );
    expect(errors).toEqual({
      'value.benefits[0].measure.baseline':
        'Enter the baseline as a number, such as 12.5; the unit goes in Unit.',
      'value.benefits[0].measure.target': 'Use at most 6 decimals.',
      'value.benefits[0].measure.methodLink':
        'Enter a link that starts with https://, such as https://example.com/report.',
      'value.benefits[0].realised[0].evidenceLink':
        'Enter a link that starts with https://, such as https://example.com/report.',
    });
  });

  it('refuses text longer than the server keeps, and an owner that is not an account id', () => {
    const { errors } = readDraft(
      draftWith((d) => {
        firstBenefit(d).owner = 'not an id';
        firstBenefit(d).measure = { ...measure, unit: 'u'.repeat(51) };
        firstRealised(d).note = 'n'.repeat(2001);
      }),
      EUR,
    );
    expect(errors).toEqual({
      'value.benefits[0].owner': 'Pick the owner from Jira’s users again.',
      'value.benefits[0].measure.unit': 'Use at most 50 characters.',
      'value.benefits[0].realised[0].note': 'Use at most 2,000 characters.',
    });
  });

  describe('ranges', () => {
    it('sends a benefit range in % of plan or in amounts, and the cost overrun, with negative overruns', () => {
      const draft = draftWith((d) => {
        firstBenefit(d).range = { basis: 'percentOfPlan', low: '60', likely: '100%', high: '130.5' };
        d.costOverrun = { low: '-10', likely: '0', high: '+40' };
      });
      expect(readDraft(draft, EUR).value.ranges).toEqual({
        benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 60, likely: 100, high: 130.5 }],
        costOverrun: { low: -10, likely: 0, high: 40 },
      });

      firstBenefit(draft).range = { basis: 'amount', low: '500', likely: '1,000.50', high: '1,200' };
      expect(readDraft(draft, EUR).value.ranges?.benefits).toEqual([
        { benefitId: 'b1', basis: 'amount', low: 500, likely: 1000.5, high: 1200 },
      ]);
    });

    it('sends no range for three blanks, so the evidence default applies', () => {
      const { value, errors } = readDraft(
        draftWith(() => undefined),
        EUR,
      );
      expect(errors).toEqual({});
      expect(value.ranges).toEqual({ benefits: [], costOverrun: null });
    });

    it('asks for the other cases once one is typed, and for low ≤ likely ≤ high, on the field', () => {
      const { errors } = readDraft(
        draftWith((d) => {
          firstBenefit(d).range = { basis: 'percentOfPlan', low: '80', likely: '', high: '' };
          d.costOverrun = { low: '10', likely: '5', high: '20' };
        }),
        EUR,
      );
      expect(errors).toEqual({
        'value.benefits[0].range.likely':
          'Enter the likely case too, or leave all three blank for the default.',
        'value.benefits[0].range.high': 'Enter the high case too, or leave all three blank for the default.',
        'value.costOverrun.likely': 'Enter at least the low case: low ≤ likely ≤ high.',
      });
    });

    it('refuses percentages out of bounds, with too many decimals, and amounts without a plan to scale', () => {
      const { errors } = readDraft(
        draftWith((d) => {
          firstBenefit(d).planned = [];
          firstBenefit(d).range = { basis: 'amount', low: '1', likely: '2', high: '3' };
          d.costOverrun = { low: '-101', likely: '0.125', high: '1001' };
        }),
        EUR,
      );
      expect(errors).toEqual({
        'value.benefits[0].range.basis': 'Amounts scale the plan, and nothing is planned yet: use % of plan.',
        'value.costOverrun.low': 'Enter a percentage from -100% to 1000%.',
        'value.costOverrun.likely': 'Use at most 2 decimals.',
        'value.costOverrun.high': 'Enter a percentage from -100% to 1000%.',
      });
    });

    it('shows a saved range as it was entered, and reads it back unchanged', () => {
      const ranges = {
        benefits: [{ benefitId: 'b1', basis: 'amount' as const, low: 400, likely: 900.5, high: 1000 }],
        costOverrun: { low: -5, likely: 0, high: 12.5 },
      };
      const saved = readDraft(
        draftWith(() => undefined),
        EUR,
      ).value;
      const draft = toDraft({ ...saved, ranges }, 2);

      expect(draft.benefits[0]?.range).toEqual({
        basis: 'amount',
        low: '400.00',
        likely: '900.50',
        high: '1,000.00',
      });
      expect(draft.costOverrun).toEqual({ low: '-5', likely: '0', high: '12.5' });
      expect(readDraft(draft, EUR).value.ranges).toEqual(ranges);
    });
  });
});
