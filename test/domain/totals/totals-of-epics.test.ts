import {
  DomainInvariantError,
  emptyTotals,
  minorUnits,
  totalsOfEpic,
  totalsOfEpics,
  type ValueTotals,
} from '../../../src/domain';
import { aBenefit, anEpic, at, eur, realisedAt } from '../../fixtures/value-builders';

describe(totalsOfEpic.name, () => {
  it('sums every series month by month over one shared month axis', () => {
    const totals = totalsOfEpic({
      epic: anEpic({
        status: 'done',
        value: {
          successProbability: 0.8,
          benefits: [
            aBenefit({
              kind: 'cost_saving',
              planned: [at('2026-02', 100), at('2026-03', 100)],
              realised: [realisedAt('2026-02', 90, 'verified'), realisedAt('2026-03', 40, 'estimated')],
            }),
            aBenefit({ id: 'b2', kind: 'revenue', planned: [at('2026-03', 50)] }),
          ],
          costs: { planned: [at('2026-01', 300)], actual: [at('2026-01', 310)] },
          nps: { promoters: 3, passives: 2, detractors: 1 },
        },
      }),
    });
    expect(totals).toEqual<ValueTotals>({
      epicCount: 1,
      npsOfDoneEpics: { promoters: 3, passives: 2, detractors: 1 },
      firstMonth: '2026-01',
      monthly: {
        plannedBenefit: [0, eur(100), eur(150)],
        realisedBenefit: [0, eur(90), eur(40)],
        realisedVerified: [0, eur(90), 0],
        riskWeightedPlannedBenefit: [0, eur(80), eur(120)], // 0.8 x 100, 0.8 x (100 + 50)
        plannedCost: [eur(300), 0, 0],
        actualCost: [eur(310), 0, 0],
      },
      realisedByKind: {
        revenue: [0, 0, 0],
        cost_saving: [0, eur(90), eur(40)],
        cost_avoidance: [0, 0, 0],
        risk_reduction: [0, 0, 0],
        customer: [0, 0, 0],
        strategic: [0, 0, 0],
        dis_benefit: [0, 0, 0],
      },
      byObjective: {},
      baseline: {
        epicCount: 0,
        approvedPlannedBenefit: [0, 0, 0],
        currentPlannedBenefit: [0, 0, 0],
        realisedBenefit: [0, 0, 0],
      },
    });
  });

  it('weights the epic-month sum once, not each benefit: 0.5 x (1 + 1) cents = 1, not 0 + 0', () => {
    const totals = totalsOfEpic({
      epic: anEpic({
        value: {
          successProbability: 0.5,
          benefits: [
            aBenefit({ planned: [{ month: '2026-01', amount: minorUnits(1) }] }),
            aBenefit({ id: 'b2', planned: [{ month: '2026-01', amount: minorUnits(1) }] }),
          ],
        },
      }),
    });
    expect(totals.monthly.riskWeightedPlannedBenefit).toEqual([1]);
  });

  it('keeps share-weighted series per objective, rounded half-to-even per epic-month', () => {
    const totals = totalsOfEpic({
      epic: anEpic({
        value: {
          objectives: [
            { id: 'OBJ-1', share: 0.5 },
            { id: 'OBJ-2', share: 0.25 },
          ],
          benefits: [aBenefit({ planned: [{ month: '2026-01', amount: minorUnits(5) }] })],
          costs: { planned: [{ month: '2026-02', amount: minorUnits(7) }], actual: [] },
        },
      }),
    });
    // Probability 1: the risk-weighted plan is the plan, weighted like it.
    const riskWeighted = { 'OBJ-1': [2, 0], 'OBJ-2': [1, 0] };
    expect(totals.byObjective).toEqual({
      'OBJ-1': {
        plannedBenefit: [2, 0], // 2.5 -> 2
        realisedBenefit: [0, 0],
        riskWeightedPlannedBenefit: riskWeighted['OBJ-1'],
        plannedCost: [0, 4], // 3.5 -> 4
        actualCost: [0, 0],
      },
      'OBJ-2': {
        plannedBenefit: [1, 0], // 1.25 -> 1
        realisedBenefit: [0, 0],
        riskWeightedPlannedBenefit: riskWeighted['OBJ-2'],
        plannedCost: [0, 2], // 1.75 -> 2
        actualCost: [0, 0],
      },
    });
  });

  it("weights an objective's risk-weighted plan by the share after the probability, each rounded", () => {
    const totals = totalsOfEpic({
      epic: anEpic({
        value: {
          successProbability: 0.9,
          objectives: [{ id: 'OBJ-1', share: 0.5 }],
          benefits: [aBenefit({ planned: [{ month: '2026-01', amount: minorUnits(5) }] })],
        },
      }),
    });
    // 0.9 x 5 = 4.5 -> 4 (half to even), then 0.5 x 4 = 2
    expect(totals.monthly.riskWeightedPlannedBenefit).toEqual([4]);
    expect(totals.byObjective['OBJ-1']?.riskWeightedPlannedBenefit).toEqual([2]);
  });

  it('trims months where every series is zero and drops objectives with nothing attributed', () => {
    const totals = totalsOfEpic({
      epic: anEpic({
        value: {
          objectives: [{ id: 'OBJ-1', share: 0.000001 }],
          benefits: [aBenefit({ planned: [at('2025-12', 0), at('2026-02', 10), at('2026-04', 0)] })],
        },
      }),
    });
    expect(totals.firstMonth).toBe('2026-02');
    expect(totals.monthly.plannedBenefit).toEqual([eur(10)]);
    expect(totals.byObjective).toEqual({}); // 1000 cents x 0.000001 = 0.001 -> 0
  });

  it('returns empty series with firstMonth null when the epic has no money at all', () => {
    expect(totalsOfEpic({ epic: anEpic() })).toEqual({ ...emptyTotals(), epicCount: 1 });
  });

  it('counts NPS only for done epics with at least one response', () => {
    const nps = { promoters: 5, passives: 0, detractors: 5 };
    expect(totalsOfEpic({ epic: anEpic({ status: 'in_progress', value: { nps } }) }).npsOfDoneEpics).toEqual({
      promoters: 0,
      passives: 0,
      detractors: 0,
    });
    expect(totalsOfEpic({ epic: anEpic({ status: 'done', value: { nps } }) }).npsOfDoneEpics).toEqual(nps);
  });

  it('survives a JSON round trip unchanged (it is what gets stored)', () => {
    const totals = totalsOfEpic({
      epic: anEpic({
        value: {
          objectives: [{ id: 'OBJ-1', share: 0.3 }],
          benefits: [aBenefit({ planned: [at('2026-01', 10.01)], realised: [realisedAt('2026-01', 3.33)] })],
        },
      }),
    });
    expect(JSON.parse(JSON.stringify(totals))).toEqual(totals);
  });

  it('throws rather than lose exactness when a monthly total reaches 2^53 minor units', () => {
    const huge = anEpic({
      value: {
        benefits: [
          aBenefit({ planned: [{ month: '2026-01', amount: minorUnits(Number.MAX_SAFE_INTEGER) }] }),
        ],
      },
    });
    expect(() => totalsOfEpics({ epics: [huge, huge] })).toThrow(DomainInvariantError);
  });
});

describe(totalsOfEpics.name, () => {
  it('returns the empty totals for no epics', () => {
    expect(totalsOfEpics({ epics: [] })).toEqual(emptyTotals());
  });

  it('aligns epics with different months on one axis', () => {
    const totals = totalsOfEpics({
      epics: [
        anEpic({ value: { costs: { planned: [at('2026-03', 1)], actual: [] } } }),
        anEpic({ value: { costs: { planned: [at('2025-11', 2)], actual: [] } } }),
      ],
    });
    expect(totals.firstMonth).toBe('2025-11');
    expect(totals.monthly.plannedCost).toEqual([eur(2), 0, 0, 0, eur(1)]);
    expect(totals.epicCount).toBe(2);
  });
});
