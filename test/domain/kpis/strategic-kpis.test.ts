import {
  DomainInvariantError,
  objectiveAttribution,
  strategicAlignmentPct,
  strategicGoalsAdvancedPct,
  strategicKpis,
  totalsOfEpics,
} from '../../../src/domain';
import { aBenefit, anEpic, anObjective, at, eur, realisedAt } from '../../fixtures/value-builders';

/*
 * PAY-1: planned 4,000, realised 1,500 to date, forecast cost 2,600 (2,100 actual + 500 planned),
 *        linked to OBJ-1 (active) with share 0.5.
 * OPS-1: planned 1,200, realised 300, forecast cost 800, linked to OBJ-2 (archived) with share 1.
 * OBJ-3 (active) has no epics. As of 2026-03.
 */
const totals = totalsOfEpics({
  epics: [
    anEpic({
      key: 'PAY-1',
      value: {
        objectives: [{ id: 'OBJ-1', share: 0.5 }],
        benefits: [
          aBenefit({
            planned: ['2026-02', '2026-03', '2026-04', '2026-05'].map((month) => at(month, 1000)),
            realised: [realisedAt('2026-02', 900), realisedAt('2026-03', 600), realisedAt('2026-04', 500)],
          }),
        ],
        costs: { planned: [at('2026-01', 2000), at('2026-04', 500)], actual: [at('2026-01', 2100)] },
      },
    }),
    anEpic({
      key: 'OPS-1',
      project: 'OPS',
      value: {
        objectives: [{ id: 'OBJ-2', share: 1 }],
        benefits: [
          aBenefit({
            planned: [at('2026-03', 400), at('2026-05', 800)],
            realised: [realisedAt('2026-03', 300)],
          }),
        ],
        costs: { planned: [at('2026-02', 1000)], actual: [at('2026-02', 800)] },
      },
    }),
  ],
});
const asOf = '2026-03';
const objectives = [
  anObjective({ id: 'OBJ-1', status: 'active' }),
  anObjective({ id: 'OBJ-2', status: 'archived' }),
  anObjective({ id: 'OBJ-3', status: 'active' }),
];

describe(objectiveAttribution.name, () => {
  it('returns share x the epic planned and realised benefit: 0.5 x 4000 and 0.5 x 1500', () => {
    expect(objectiveAttribution({ totals, asOf, objectiveId: 'OBJ-1' })).toEqual({
      attributedPlanned: eur(2000),
      attributedRealised: eur(750),
      realisedInWindow: eur(750), // February and March are in the 3 months to March
      advanced: true,
    });
  });

  it('returns not advanced when nothing was realised for the objective in the 3 months to as-of', () => {
    // As of July the window is May to July; PAY-1 last realised in April (0.5 x 500).
    expect(objectiveAttribution({ totals, asOf: '2026-07', objectiveId: 'OBJ-1' })).toEqual({
      attributedPlanned: eur(2000),
      attributedRealised: eur(1000),
      realisedInWindow: 0,
      advanced: false,
    });
  });

  it('takes the window length as a parameter: 4 months to July reach back to April', () => {
    const attribution = objectiveAttribution({
      totals,
      asOf: '2026-07',
      objectiveId: 'OBJ-1',
      advancedWindowMonths: 4,
    });
    expect(attribution).toMatchObject({ realisedInWindow: eur(250), advanced: true });
  });

  it('counts only the window, not what came before it: 1 month to March holds March alone', () => {
    const attribution = objectiveAttribution({ totals, asOf, objectiveId: 'OBJ-1', advancedWindowMonths: 1 });
    expect(attribution.realisedInWindow).toBe(eur(300)); // 0.5 x 600; February's 450 is before it
  });

  it('throws for a window that is not a whole number of months from 1', () => {
    for (const advancedWindowMonths of [0, -1, 1.5, Number.NaN]) {
      expect(() =>
        objectiveAttribution({ totals, asOf, objectiveId: 'OBJ-1', advancedWindowMonths }),
      ).toThrow(DomainInvariantError);
    }
  });

  it('attributes to archived objectives too', () => {
    expect(objectiveAttribution({ totals, asOf, objectiveId: 'OBJ-2' })).toEqual({
      attributedPlanned: eur(1200),
      attributedRealised: eur(300),
      realisedInWindow: eur(300),
      advanced: true,
    });
  });

  it('returns zero and not advanced for an objective without epics, or one that has realised nothing yet', () => {
    const nothing = { attributedPlanned: 0, attributedRealised: 0, realisedInWindow: 0, advanced: false };
    expect(objectiveAttribution({ totals, asOf, objectiveId: 'OBJ-3' })).toEqual(nothing);
    expect(objectiveAttribution({ totals, asOf: '2026-01', objectiveId: 'OBJ-1' })).toEqual({
      ...nothing,
      attributedPlanned: eur(2000),
    });
  });

  it('does not mistake an inherited property for an objective', () => {
    expect(objectiveAttribution({ totals, asOf, objectiveId: 'constructor' }).attributedPlanned).toBe(0);
  });
});

describe(strategicGoalsAdvancedPct.name, () => {
  it('returns 100 x advanced active / active objectives: OBJ-1 of OBJ-1 and OBJ-3 = 50', () => {
    expect(strategicGoalsAdvancedPct({ totals, asOf, objectives })).toEqual({ value: 50 });
  });

  it('returns 0 when no active objective received benefit in the 3 months to as-of, whatever came before', () => {
    // OBJ-1 received 0.5 x 1500 by March and 0.5 x 500 in April, nothing from May to July.
    expect(strategicGoalsAdvancedPct({ totals, asOf: '2026-07', objectives })).toEqual({ value: 0 });
  });

  it('uses the window it is given: 6 months to July include OBJ-1 realised benefit', () => {
    expect(
      strategicGoalsAdvancedPct({ totals, asOf: '2026-07', objectives, advancedWindowMonths: 6 }),
    ).toEqual({ value: 50 });
  });

  it('leaves archived objectives out even when they advanced', () => {
    const onlyArchivedAdvanced = [
      anObjective({ id: 'OBJ-2', status: 'archived' }),
      anObjective({ id: 'OBJ-3' }),
    ];
    expect(strategicGoalsAdvancedPct({ totals, asOf, objectives: onlyArchivedAdvanced })).toEqual({
      value: 0,
    });
  });

  it('returns NO_ACTIVE_OBJECTIVES when every objective is archived or there are none', () => {
    const noActive = { value: null, reason: 'NO_ACTIVE_OBJECTIVES' };
    expect(strategicGoalsAdvancedPct({ totals, asOf, objectives: [] })).toEqual(noActive);
    expect(
      strategicGoalsAdvancedPct({
        totals,
        asOf,
        objectives: [anObjective({ id: 'OBJ-2', status: 'archived' })],
      }),
    ).toEqual(noActive);
  });
});

describe(strategicAlignmentPct.name, () => {
  it('returns the forecast spend on active objectives: 100 x 0.5 x 2600 / (2600 + 800) = 38.24', () => {
    expect(strategicAlignmentPct({ totals, asOf, objectives })).toEqual({ value: (100 * 1300) / 3400 });
  });

  it('counts links to an archived objective as not aligned', () => {
    const allActive = objectives.map((objective) => ({ ...objective, status: 'active' as const }));
    expect(strategicAlignmentPct({ totals, asOf, objectives: allActive })).toEqual({
      value: (100 * 2100) / 3400,
    });
  });

  it('returns NO_FORECAST_COST when there is no cost at all', () => {
    const noCost = totalsOfEpics({ epics: [anEpic({ value: { objectives: [{ id: 'OBJ-1', share: 1 }] } })] });
    expect(strategicAlignmentPct({ totals: noCost, asOf, objectives })).toEqual({
      value: null,
      reason: 'NO_FORECAST_COST',
    });
  });

  it('caps at 100 when per-entry rounding lifts the numerator above the forecast', () => {
    // 3 cents split 0.5 / 0.5: each share rounds 1.5 -> 2 cents, so 4 cents "aligned" out of 3.
    const tiny = totalsOfEpics({
      epics: [
        anEpic({
          value: {
            objectives: [
              { id: 'OBJ-1', share: 0.5 },
              { id: 'OBJ-3', share: 0.5 },
            ],
            costs: { planned: [at('2026-06', 0.03)], actual: [] },
          },
        }),
      ],
    });
    expect(strategicAlignmentPct({ totals: tiny, asOf, objectives })).toEqual({ value: 100 });
  });
});

describe(strategicKpis.name, () => {
  it('lists every objective with its status, in the order given', () => {
    const result = strategicKpis({ totals, asOf, objectives });
    expect(Object.keys(result.byObjective)).toEqual(['OBJ-1', 'OBJ-2', 'OBJ-3']);
    expect(result.byObjective['OBJ-2']?.status).toBe('archived');
    expect(result.strategicGoalsAdvancedPct).toEqual({ value: 50 });
    expect(result.advancedWindowMonths).toBe(3);
  });

  it('carries each objective target and its figures, and the share of targeted objectives on track', () => {
    const targeted = [
      anObjective({ id: 'OBJ-1', target: { measure: 'Revenue', amount: eur(1200), date: '2026-04-30' } }),
      ...objectives.slice(1),
    ];
    const result = strategicKpis({ totals, asOf, objectives: targeted });
    expect(result.byObjective['OBJ-1']).toMatchObject({
      target: { measure: 'Revenue', amount: eur(1200), date: '2026-04-30' },
      progress: { value: 750 / 1200 },
      forecastAtTargetDate: { value: eur(1250) }, // 750 + April's 0.5 x 1000
      onTrack: { value: true },
    });
    expect(result.byObjective['OBJ-3']).toMatchObject({
      target: null,
      onTrack: { value: null, reason: 'NO_TARGET' },
    });
    expect(result.objectivesOnTrackPct).toEqual({ value: 100 });
  });

  it('passes the window on to advanced and to the percentage', () => {
    const result = strategicKpis({ totals, asOf: '2026-07', objectives, advancedWindowMonths: 4 });
    expect(result.advancedWindowMonths).toBe(4);
    expect(result.byObjective['OBJ-1']?.advanced).toBe(true);
    expect(result.strategicGoalsAdvancedPct).toEqual({ value: 50 });
  });
});
