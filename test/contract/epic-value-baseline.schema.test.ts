import { parseEpicValue } from '../../src/contract';

/*
 * The approved baseline (issue #15) is checked like the plan it froze: one amount per month, a
 * series of at most 100 years, amounts in the currency's decimals. The stored form keeps one
 * amount per month, so a baseline with a month twice would otherwise lose one of them on save.
 */

const aValue = () => ({
  successProbability: 0.8,
  objectives: [],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Conversion uplift',
      planned: [{ month: '2026-03', amount: 1000 }],
      realised: [],
    },
  ],
  costs: { planned: [{ month: '2026-01', amount: 500 }], actual: [] },
  nps: null,
  baseline: {
    version: 1,
    approvedBy: 'approver-1',
    approvedAt: '2026-01-05T09:00:00.000Z',
    successProbability: 0.8,
    benefits: [{ id: 'b1', kind: 'revenue', planned: [{ month: '2026-03', amount: 1000 }] }],
    plannedCost: [{ month: '2026-01', amount: 500 }],
  },
});

describe('parseEpicValue with an approved baseline', () => {
  it('accepts a valid baseline', () => {
    expect(parseEpicValue(aValue())).toEqual({ success: true, data: aValue() });
  });

  it('refuses a month twice in a baselined benefit’s plan or in the baselined cost, naming the entry', () => {
    const value = aValue();
    value.baseline.benefits[0]?.planned.push({ month: '2026-03', amount: 1 });
    value.baseline.plannedCost.push({ month: '2026-01', amount: 2 });
    expect(parseEpicValue(value)).toEqual({
      success: false,
      issues: [
        {
          path: 'baseline.benefits[0].planned[1].month',
          message: 'duplicate month "2026-03", already at index 0',
        },
        { path: 'baseline.plannedCost[1].month', message: 'duplicate month "2026-01", already at index 0' },
      ],
    });
  });

  it('refuses a baselined series spanning more than 100 years, naming it', () => {
    const value = aValue();
    value.baseline.plannedCost.push({ month: '2126-01', amount: 1 });
    expect(parseEpicValue(value)).toEqual({
      success: false,
      issues: [
        {
          path: 'baseline.plannedCost',
          message:
            'spans 1,201 months, from 2026-01 to 2126-01; a series may span at most 1,200 months (100 years)',
        },
      ],
    });
  });

  it('refuses baselined amounts with more decimals than the currency has', () => {
    const value = aValue();
    const entry = value.baseline.benefits[0]?.planned[0];
    if (entry !== undefined) entry.amount = 1000.5;
    expect(parseEpicValue(value, { currency: 'JPY' })).toEqual({
      success: false,
      issues: [
        {
          path: 'baseline.benefits[0].planned[0].amount',
          message: 'must be a whole number: JPY has no minor unit',
        },
      ],
    });
  });
});
