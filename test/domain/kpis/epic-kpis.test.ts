import { epicKpis, totalsOfEpic, valueKpis } from '../../../src/domain';
import { aBenefit, anEpic, at, eur, realisedAt } from '../../fixtures/value-builders';

describe(epicKpis.name, () => {
  const epic = anEpic({
    status: 'done',
    value: {
      successProbability: 0.8,
      benefits: [
        aBenefit({
          planned: [at('2026-02', 1000), at('2026-04', 1000)],
          realised: [realisedAt('2026-02', 900)],
        }),
      ],
      costs: { planned: [at('2026-01', 2000)], actual: [at('2026-01', 2100)] },
      nps: { promoters: 40, passives: 30, detractors: 10 },
    },
  });

  it('returns the KPIs of the epic alone, as the portfolio engine computes them', () => {
    const kpis = epicKpis({ epic, asOf: '2026-03', discountRate: 0.08 });
    expect(kpis).toEqual(valueKpis({ totals: totalsOfEpic({ epic }), asOf: '2026-03', discountRate: 0.08 }));
    expect(kpis.epics).toBe(1);
    expect(kpis.realisedBenefit).toBe(eur(900));
    expect(kpis.riskAdjustedBenefit).toBe(eur(1700)); // 900 + 0.8 x 1000
    expect(kpis.roi).toEqual({ value: (900 - 2100) / 2100 });
    expect(kpis.npsAtCompletion).toEqual({ value: 37.5 });
  });
});
