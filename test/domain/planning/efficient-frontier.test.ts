import fc from 'fast-check';
import {
  efficientFrontier,
  planBudgetCut,
  FRONTIER_CUTS,
  type FrontierBudget,
  type FrontierPoint,
  type FrontierScenario,
  type RemainingPlan,
} from '../../../src/domain/planning';
import { scenarioArbitrary } from './budget-cut-arbitraries';

/** A remaining plan spending `cost` a month for `months` months, then earning `benefit` once. */
const epic = (
  key: string,
  cost: number,
  months: number,
  benefit: number,
  objective?: string,
): RemainingPlan => ({
  key,
  objectives: objective === undefined ? [] : [{ id: objective, share: 1 }],
  cost: [...new Array<number>(months).fill(cost), 0],
  benefit: [...new Array<number>(months).fill(0), benefit],
});

/** No discounting and no delays unless a test adds them: every figure can be checked by hand. */
const scenario = (overrides: Partial<FrontierScenario>): FrontierScenario => ({
  asOf: '2026-03',
  discountRate: 0,
  plans: [],
  perQuarter: false,
  delays: [],
  windowMonths: 12,
  ...overrides,
});

const unlimited: FrontierBudget = { timeLeftMs: () => 10_000, perPointMs: 1_000 };

// Four epics spending 100 a month for 10 months (1,000 in the window each, 4,000 in all), with
// NPVs 4,000, 2,000, 1,000 and 500.
const PLANS = [
  epic('HIGH', 100, 10, 5_000, 'OBJ-1'),
  epic('MID', 100, 10, 3_000),
  epic('LOW', 100, 10, 2_000),
  epic('TAIL', 100, 10, 1_500, 'OBJ-1'),
];

const retainedOf = (point: FrontierPoint | undefined) =>
  point?.status === 'planned' ? point.retainedNpv : undefined;

describe('efficientFrontier', () => {
  it('returns one point per cut from 0% to 50% in steps of 5', () => {
    const frontier = efficientFrontier(scenario({ plans: PLANS }), unlimited);

    expect(frontier.points.map((point) => point.cutPercent)).toEqual([
      0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50,
    ]);
    expect(FRONTIER_CUTS).toHaveLength(11);
  });

  it('returns the current plan’s NPV at a 0% cut when no epic loses money', () => {
    const frontier = efficientFrontier(scenario({ plans: PLANS }), unlimited);

    expect(frontier.currentNpv).toBe(7_500);
    expect(retainedOf(frontier.points[0])).toBe(7_500);
  });

  it('returns the NPV kept by stopping the cheapest value per unit freed as the cut deepens', () => {
    const frontier = efficientFrontier(scenario({ plans: PLANS }), unlimited);
    const at = (cut: number) => frontier.points.find((point) => point.cutPercent === cut);

    // 25% of 4,000 is 1,000: stopping TAIL (500) frees it. 50%: TAIL and LOW go (1,500 lost).
    expect(retainedOf(at(5))).toBe(7_000);
    expect(retainedOf(at(25))).toBe(7_000);
    expect(retainedOf(at(30))).toBe(6_000);
    expect(retainedOf(at(50))).toBe(6_000);
    expect(at(50)).toMatchObject({ status: 'planned', quality: { kind: 'proven' }, greedyNpv: 6_000 });
  });

  it('marks every cut infeasible, naming the floor, when no plan can reach an objective’s floor', () => {
    // OBJ-1's epics (HIGH, TAIL) spend 2,000 in the window at most: a floor of 2,001 never holds.
    const frontier = efficientFrontier(
      scenario({ plans: PLANS, floors: [{ objectiveId: 'OBJ-1', kind: 'amount', amount: 2_001 }] }),
      unlimited,
    );

    for (const point of frontier.points) {
      expect(point.status).toBe('infeasible');
      if (point.status === 'infeasible') {
        expect(point.conflicts[0]).toMatchObject({
          code: 'FLOOR_UNREACHABLE',
          constraints: [{ kind: 'floor', objectiveId: 'OBJ-1' }],
        });
      }
    }
    expect(frontier.currentNpv).toBeNull();
  });

  it('marks only the cuts a continue pin cannot meet as infeasible', () => {
    // HIGH, MID and LOW pinned to continue spend 3,000 of 4,000: cuts above 25% cannot be met.
    const frontier = efficientFrontier(
      scenario({
        plans: PLANS,
        pins: [
          { key: 'HIGH', pin: 'continue' },
          { key: 'MID', pin: 'continue' },
          { key: 'LOW', pin: 'continue' },
        ],
      }),
      unlimited,
    );

    expect(frontier.points.filter((point) => point.status === 'planned').map((p) => p.cutPercent)).toEqual([
      0, 5, 10, 15, 20, 25,
    ]);
    const deep = frontier.points.find((point) => point.cutPercent === 30);
    expect(deep).toMatchObject({ status: 'infeasible', conflicts: [{ code: 'PINS_EXCEED_CAP' }] });
  });

  it('returns the greedy figure marked not solved once the time budget is spent', () => {
    let calls = 0;
    // Time for the first three points only.
    const budget: FrontierBudget = { timeLeftMs: () => (calls++ < 3 ? 1_000 : 0), perPointMs: 500 };

    const frontier = efficientFrontier(scenario({ plans: PLANS }), budget);

    expect(
      frontier.points.slice(0, 3).every((p) => p.status === 'planned' && p.quality.kind === 'proven'),
    ).toBe(true);
    expect(frontier.points[3]).toEqual({
      cutPercent: 15,
      status: 'planned',
      retainedNpv: 7_000,
      greedyNpv: 7_000,
      quality: { kind: 'not-solved', reason: 'TIME_BUDGET' },
    });
  });

  it('returns a not-solved point when out of time and the greedy ranking finds no plan', () => {
    // A must keep its whole 1,000 of spend for OBJ-1's floor, so any cut is infeasible; only the
    // exact solve could prove it, and there is no time for one: the greedy finds no plan.
    const frontier = efficientFrontier(
      scenario({
        plans: [epic('A', 100, 10, 5_000, 'OBJ-1')],
        floors: [{ objectiveId: 'OBJ-1', kind: 'amount', amount: 1_000 }],
      }),
      { timeLeftMs: () => 0, perPointMs: 500 },
    );

    expect(frontier.points[0]).toMatchObject({ status: 'planned', quality: { kind: 'not-solved' } });
    expect(frontier.points[1]).toEqual({ cutPercent: 5, status: 'not-solved', reason: 'TIME_BUDGET' });
  });

  it('never lets the proven NPV retained rise as the cut deepens', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (generated) => {
        const { cap, ...rest } = generated;
        const frontier = efficientFrontier(
          { ...rest, perQuarter: cap.kind === 'cut-per-quarter' || cap.kind === 'amount-per-quarter' },
          unlimited,
        );
        const proven = frontier.points.filter(
          (point): point is Extract<FrontierPoint, { status: 'planned' }> =>
            point.status === 'planned' && point.quality.kind === 'proven',
        );
        for (let index = 1; index < proven.length; index += 1) {
          expect(proven[index]?.retainedNpv).toBeLessThanOrEqual(proven[index - 1]?.retainedNpv ?? Infinity);
        }
        // Once a cut is infeasible, every deeper one is too (its caps are only lower).
        const firstInfeasible = frontier.points.findIndex((point) => point.status === 'infeasible');
        if (firstInfeasible >= 0) {
          expect(frontier.points.slice(firstInfeasible).every((point) => point.status === 'infeasible')).toBe(
            true,
          );
        }
        if (
          frontier.currentNpv !== null &&
          frontier.points[0]?.status === 'planned' &&
          (rest.pins ?? []).length === 0
        ) {
          expect(frontier.points[0].retainedNpv).toBeGreaterThanOrEqual(frontier.currentNpv);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('planBudgetCut solverTimeoutMs', () => {
  it('returns the field as a conflict when the solver time bound is not a whole number of ms', () => {
    const result = planBudgetCut({
      ...scenario({ plans: PLANS }),
      cap: { kind: 'cut', percent: 10 },
      solverTimeoutMs: 0.5,
    });

    expect(result).toMatchObject({
      status: 'infeasible',
      conflicts: [{ code: 'INVALID_INPUT', constraints: [{ kind: 'field', field: 'solverTimeoutMs' }] }],
    });
  });
});
