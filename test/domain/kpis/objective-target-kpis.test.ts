import {
  objectiveForecastAtTargetDate,
  objectiveOnTrack,
  objectivesOnTrackPct,
  objectiveTargetProgress,
  targetMonthOf,
  totalsOfEpics,
  DomainInvariantError,
  type Objective,
} from '../../../src/domain';
import { aBenefit, anEpic, anObjective, at, eur, realisedAt } from '../../fixtures/value-builders';

/*
 * PAY-1, probability 0.8, linked to OBJ-1 with share 0.5: revenue planned 1,000 in each month
 * 2026-02..2026-06, realised 900 (Feb), 600 (Mar), 500 (Apr). As of 2026-03 OBJ-1 has 750
 * attributed realised; each later month adds 0.5 x (0.8 x 1,000) = 400 of risk-weighted plan.
 */
const totals = totalsOfEpics({
  epics: [
    anEpic({
      value: {
        successProbability: 0.8,
        objectives: [{ id: 'OBJ-1', share: 0.5 }],
        benefits: [
          aBenefit({
            planned: ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((month) => at(month, 1000)),
            realised: [realisedAt('2026-02', 900), realisedAt('2026-03', 600), realisedAt('2026-04', 500)],
          }),
        ],
      },
    }),
  ],
});
const asOf = '2026-03';

function targeted(amount: number, date: string, overrides: Partial<Objective> = {}): Objective {
  return anObjective({
    id: 'OBJ-1',
    target: { measure: 'Attributed revenue', amount: eur(amount), date },
    ...overrides,
  });
}

describe(targetMonthOf.name, () => {
  it('returns the month of the target date', () => {
    expect(targetMonthOf('2026-12-31')).toBe('2026-12');
  });

  it('throws for a date that has no month', () => {
    expect(() => targetMonthOf('31/12/2026')).toThrow(DomainInvariantError);
  });
});

describe(objectiveTargetProgress.name, () => {
  it('returns attributed realised / target: 750 of 250,000 is 0.003, not "0 of 0"', () => {
    expect(objectiveTargetProgress({ totals, asOf, objective: targeted(250_000, '2026-12-31') })).toEqual({
      value: 750 / 250_000,
    });
  });

  it('returns 0 for a targeted objective no epic serves yet', () => {
    const unserved = targeted(250_000, '2026-12-31', { id: 'OBJ-9' });
    expect(objectiveTargetProgress({ totals, asOf, objective: unserved })).toEqual({ value: 0 });
  });

  it('counts everything realised so far, even after the target month', () => {
    // As of May: 750 + 0.5 x 500 = 1,000 against 1,000 due in March.
    expect(
      objectiveTargetProgress({ totals, asOf: '2026-05', objective: targeted(1000, '2026-03-31') }),
    ).toEqual({
      value: 1,
    });
  });

  it('returns NO_TARGET without a target and ZERO_TARGET for a target of 0', () => {
    expect(objectiveTargetProgress({ totals, asOf, objective: anObjective() })).toEqual({
      value: null,
      reason: 'NO_TARGET',
    });
    expect(objectiveTargetProgress({ totals, asOf, objective: targeted(0, '2026-12-31') })).toEqual({
      value: null,
      reason: 'ZERO_TARGET',
    });
  });
});

describe(objectiveForecastAtTargetDate.name, () => {
  it('adds the attributed risk-weighted plan up to the target month: 750 + 400 (Apr) + 400 (May)', () => {
    expect(objectiveForecastAtTargetDate({ totals, asOf, objective: targeted(2000, '2026-05-01') })).toEqual({
      value: eur(1550),
    });
  });

  it('stops at the target month: months planned after it do not count', () => {
    expect(objectiveForecastAtTargetDate({ totals, asOf, objective: targeted(2000, '2026-04-30') })).toEqual({
      value: eur(1150),
    });
  });

  it('returns what was realised by the target month once it has passed', () => {
    // As of May, target month March: 0.5 x (900 + 600); April's 250 came too late.
    expect(
      objectiveForecastAtTargetDate({ totals, asOf: '2026-05', objective: targeted(1000, '2026-03-31') }),
    ).toEqual({ value: eur(750) });
  });

  it('returns realised to date for a target in the as-of month', () => {
    expect(objectiveForecastAtTargetDate({ totals, asOf, objective: targeted(1000, '2026-03-15') })).toEqual({
      value: eur(750),
    });
  });

  it('adds the whole remaining plan for a target after the last planned month', () => {
    expect(objectiveForecastAtTargetDate({ totals, asOf, objective: targeted(1000, '2030-01-01') })).toEqual({
      value: eur(750 + 3 * 400),
    });
  });

  it('returns 0 for a targeted objective no epic serves, and NO_TARGET without a target', () => {
    const unserved = targeted(250_000, '2026-12-31', { id: 'OBJ-9' });
    expect(objectiveForecastAtTargetDate({ totals, asOf, objective: unserved })).toEqual({ value: 0 });
    expect(objectiveForecastAtTargetDate({ totals, asOf, objective: anObjective() })).toEqual({
      value: null,
      reason: 'NO_TARGET',
    });
  });
});

describe(objectiveOnTrack.name, () => {
  it('returns true when the forecast at the target date reaches the target, exactly or more', () => {
    expect(objectiveOnTrack({ totals, asOf, objective: targeted(1150, '2026-04-30') })).toEqual({
      value: true,
    });
    expect(objectiveOnTrack({ totals, asOf, objective: targeted(1100, '2026-04-30') })).toEqual({
      value: true,
    });
  });

  it('returns false when the forecast falls short by a cent', () => {
    expect(objectiveOnTrack({ totals, asOf, objective: targeted(1150.01, '2026-04-30') })).toEqual({
      value: false,
    });
  });

  it('returns false for a target missed for good, even if benefit arrived later', () => {
    expect(objectiveOnTrack({ totals, asOf: '2026-05', objective: targeted(1000, '2026-03-31') })).toEqual({
      value: false,
    });
  });

  it('returns true for a target of 0 and NO_TARGET without a target', () => {
    expect(objectiveOnTrack({ totals, asOf, objective: targeted(0, '2026-01-31') })).toEqual({ value: true });
    expect(objectiveOnTrack({ totals, asOf, objective: anObjective() })).toEqual({
      value: null,
      reason: 'NO_TARGET',
    });
  });
});

describe(objectivesOnTrackPct.name, () => {
  it('returns 100 x on track / active objectives with a target', () => {
    const objectives = [
      targeted(1000, '2026-04-30'), // forecast 1,150: on track
      targeted(250_000, '2026-12-31', { id: 'OBJ-2' }), // no epic: off track
      anObjective({ id: 'OBJ-3' }), // no target: left out
    ];
    expect(objectivesOnTrackPct({ totals, asOf, objectives })).toEqual({ value: 50 });
  });

  it('leaves archived objectives out', () => {
    const objectives = [
      targeted(1000, '2026-04-30'),
      targeted(250_000, '2026-12-31', { id: 'OBJ-2', status: 'archived' }),
    ];
    expect(objectivesOnTrackPct({ totals, asOf, objectives })).toEqual({ value: 100 });
  });

  it('returns NO_OBJECTIVE_TARGETS when no active objective has a target', () => {
    const objectives = [anObjective(), targeted(1000, '2026-04-30', { id: 'OBJ-2', status: 'archived' })];
    expect(objectivesOnTrackPct({ totals, asOf, objectives })).toEqual({
      value: null,
      reason: 'NO_OBJECTIVE_TARGETS',
    });
  });
});
