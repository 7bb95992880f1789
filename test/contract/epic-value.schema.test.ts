import { parseEpicValue } from '../../src/contract';
import { MAX_SERIES_MONTHS } from '../../src/contract/epic-value.schema';

const aValue = () => ({
  successProbability: 0.8,
  objectives: [{ id: 'OBJ-1', share: 0.5 }],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Conversion uplift',
      planned: [{ month: '2026-03', amount: 1000 }],
      realised: [{ month: '2026-03', amount: 800.5, evidence: 'verified' }],
    },
  ],
  costs: { planned: [{ month: '2026-01', amount: 500 }], actual: [{ month: '2026-01', amount: 450 }] },
  nps: { promoters: 40, passives: 30, detractors: 10 },
});

describe(parseEpicValue.name, () => {
  it('accepts a valid value on its own, as an epic panel saves it', () => {
    expect(parseEpicValue(aValue())).toEqual({ success: true, data: aValue() });
  });

  it('refuses a series spanning more than MAX_SERIES_MONTHS months, naming the series', () => {
    const value = aValue();
    value.costs.actual.push({ month: '2126-01', amount: 1 });

    expect(MAX_SERIES_MONTHS).toBe(1200);
    expect(parseEpicValue(value)).toEqual({
      success: false,
      issues: [
        {
          path: 'costs.actual',
          message:
            'spans 1,201 months, from 2026-01 to 2126-01; a series may span at most 1,200 months (100 years)',
        },
      ],
    });
  });

  it('accepts a series spanning exactly MAX_SERIES_MONTHS months', () => {
    const value = aValue();
    value.costs.actual.push({ month: '2125-12', amount: 1 });

    expect(parseEpicValue(value).success).toBe(true);
  });

  it('names paths relative to the value', () => {
    const value = aValue();
    value.benefits[0]?.planned.push({ month: '2026-04', amount: -1 });
    expect(parseEpicValue(value)).toEqual({
      success: false,
      issues: [{ path: 'benefits[0].planned[1].amount', message: 'must be >= 0' }],
    });
  });

  it('accepts shares that sum to exactly 1 even where floating point gives 1.0000000000000002', () => {
    expect(0.33 + 0.56 + 0.11).toBe(1.0000000000000002);
    const value = {
      objectives: [
        { id: 'OBJ-1', share: 0.33 },
        { id: 'OBJ-2', share: 0.56 },
        { id: 'OBJ-3', share: 0.11 },
      ],
    };
    expect(parseEpicValue(value).success).toBe(true);
  });

  it('rejects a share of 0, more than 6 decimals, and the same objective twice', () => {
    const value = {
      objectives: [
        { id: 'OBJ-1', share: 0 },
        { id: 'OBJ-2', share: 1 / 3 },
        { id: 'OBJ-2', share: 0.1 },
      ],
    };
    expect(parseEpicValue(value)).toEqual({
      success: false,
      issues: [
        { path: 'objectives[0].share', message: 'must be > 0' },
        { path: 'objectives[1].share', message: 'must have at most 6 decimals' },
        { path: 'objectives[2].id', message: 'duplicate objective link "OBJ-2", already at index 1' },
      ],
    });
  });

  it('rejects two benefits with the same id', () => {
    const value = aValue();
    const [benefit] = value.benefits;
    expect(parseEpicValue({ ...value, benefits: [benefit, benefit] })).toEqual({
      success: false,
      issues: [{ path: 'benefits[1].id', message: 'duplicate benefit id "b1", already at index 0' }],
    });
  });

  it('checks amounts against the site currency when given one', () => {
    expect(parseEpicValue(aValue(), { currency: 'EUR' }).success).toBe(true);
    expect(parseEpicValue(aValue(), { currency: 'JPY' })).toEqual({
      success: false,
      issues: [
        { path: 'benefits[0].realised[0].amount', message: 'must be a whole number: JPY has no minor unit' },
      ],
    });
  });

  it('does not check objective ids, which only the site knows', () => {
    expect(parseEpicValue({ objectives: [{ id: 'OBJ-404', share: 1 }] }).success).toBe(true);
  });
});
