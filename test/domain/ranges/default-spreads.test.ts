import { defaultSpreadCounts } from '../../../src/domain/ranges';
import { aBenefit, anEpic, at } from '../../fixtures/value-builders';

describe('defaultSpreadCounts', () => {
  it('counts the benefits and costs drawn after as-of, and those without an entered range', () => {
    const epic = anEpic({
      key: 'PAY-1',
      value: {
        benefits: [
          aBenefit({ id: 'b1', planned: [at('2026-05', 100)] }),
          aBenefit({ id: 'b2', planned: [at('2026-06', 100)] }),
          // Planned only up to as-of: a fact, never drawn, not counted.
          aBenefit({ id: 'b3', planned: [at('2026-02', 100)] }),
        ],
        costs: { planned: [at('2026-04', 50)], actual: [] },
        ranges: {
          benefits: [{ benefitId: 'b2', basis: 'percentOfPlan', low: 90, likely: 100, high: 110 }],
          costOverrun: null,
        },
      },
    });

    expect(defaultSpreadCounts({ epics: [epic], asOf: '2026-03' })).toEqual({
      benefits: 2,
      defaultBenefits: 1,
      costs: 1,
      defaultCosts: 1,
    });
  });

  it('returns zeros for an epic with nothing planned after as-of, and takes entered ranges from the map first', () => {
    const done = anEpic({ key: 'OPS-1', value: { costs: { planned: [at('2026-01', 10)], actual: [] } } });
    const later = anEpic({
      key: 'OPS-2',
      value: { benefits: [aBenefit({ id: 'b1', planned: [at('2026-09', 10)] })] },
    });

    expect(defaultSpreadCounts({ epics: [done], asOf: '2026-03' })).toEqual({
      benefits: 0,
      defaultBenefits: 0,
      costs: 0,
      defaultCosts: 0,
    });
    expect(
      defaultSpreadCounts({
        epics: [later],
        asOf: '2026-03',
        rangesByEpic: new Map([
          [
            'OPS-2',
            {
              benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 100, likely: 100, high: 100 }],
              costOverrun: null,
            },
          ],
        ]),
      }),
    ).toMatchObject({ benefits: 1, defaultBenefits: 0 });
  });
});
