import { keepProbabilities, type DrawScenario } from '../../../src/domain/planning';
import type { EpicRanges } from '../../../src/domain/ranges';
import type { Epic } from '../../../src/domain';
import { aBenefit, anEpic, at, eur } from '../../fixtures/value-builders';

const NO_SPREAD: EpicRanges = {
  benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 100, likely: 100, high: 100 }],
  costOverrun: { low: 0, likely: 0, high: 0 },
};

/** Spends `cost` in April 2026 and brings `benefit` in May; no spread unless told. */
function epic(key: string, cost: number, benefit: number, p = 1, ranges: EpicRanges = NO_SPREAD): Epic {
  return anEpic({
    key,
    value: {
      successProbability: p,
      benefits: [aBenefit({ id: 'b1', planned: [at('2026-05', benefit)] })],
      costs: { planned: [at('2026-04', cost)], actual: [] },
      ranges,
    },
  });
}

/** Continue or stop only (no delays), discount rate 0, a cap of `cap` over the year. */
function scenario(cap: number, overrides: Partial<DrawScenario> = {}): DrawScenario {
  return {
    asOf: '2026-03',
    discountRate: 0,
    cap: { kind: 'amount', amount: eur(cap) },
    delays: [],
    ...overrides,
  };
}

const keepOf = (result: ReturnType<typeof keepProbabilities>, key: string) =>
  result.epics.find((entry) => entry.key === key)?.keepProbability;

describe('keepProbabilities', () => {
  it('returns 1 for a worthwhile epic certain to succeed without spread, and 0 for a certain loss-maker', () => {
    const result = keepProbabilities({
      epics: [epic('GOOD-1', 100, 150), epic('LOSS-1', 100, 50)],
      scenario: scenario(1000),
      draws: 20,
      seed: 1,
    });

    expect(keepOf(result, 'GOOD-1')).toBe(1);
    expect(keepOf(result, 'LOSS-1')).toBe(0);
    expect(result).toMatchObject({ draws: 20, seed: 1, drawsWithoutPlan: 0, solver: 'greedy-improved' });
  });

  it('returns 1 for an epic pinned to continue and 0 for one pinned to stop, whatever its draws', () => {
    const result = keepProbabilities({
      epics: [epic('RISKY-1', 100, 300, 0.3), epic('GOOD-1', 100, 150)],
      scenario: scenario(1000, {
        pins: [
          { key: 'RISKY-1', pin: 'continue' },
          { key: 'GOOD-1', pin: 'stop' },
        ],
      }),
      draws: 50,
      seed: 2,
    });

    expect(keepOf(result, 'RISKY-1')).toBe(1);
    expect(keepOf(result, 'GOOD-1')).toBe(0);
  });

  it('keeps exactly one of two epics when the cap funds one: the uncertain one when it succeeds', () => {
    // SURE-1 keeps 50 for certain; BOLD-1 keeps 200 when it succeeds (p = 0.5) and loses 100 otherwise.
    const result = keepProbabilities({
      epics: [epic('SURE-1', 100, 150), epic('BOLD-1', 100, 300, 0.5)],
      scenario: scenario(100),
      draws: 200,
      seed: 3,
    });
    const sure = keepOf(result, 'SURE-1') ?? Number.NaN;
    const bold = keepOf(result, 'BOLD-1') ?? Number.NaN;

    expect(sure + bold).toBe(1);
    expect(Math.abs(bold - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 200));
  });

  it('counts a delay as kept, not continued', () => {
    const result = keepProbabilities({
      epics: [epic('SURE-1', 100, 150), epic('LATER-1', 100, 140)],
      // The cap funds one epic in the year; a 12-month delay moves LATER-1's spend out of it, and
      // at 12% a year delaying the smaller NPV loses less.
      scenario: scenario(100, { delays: [12], discountRate: 0.12 }),
      draws: 10,
      seed: 4,
    });

    expect(result.epics.find((entry) => entry.key === 'LATER-1')).toMatchObject({
      keepProbability: 1,
      continueProbability: 0,
    });
    expect(result.epics.find((entry) => entry.key === 'SURE-1')).toMatchObject({
      keepProbability: 1,
      continueProbability: 1,
    });
  });

  it('returns the same figures for the same seed, and draws again for another seed', () => {
    const spread: EpicRanges = {
      benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 40, likely: 100, high: 160 }],
      costOverrun: { low: -10, likely: 0, high: 50 },
    };
    const input = {
      epics: [
        epic('A-1', 100, 150, 0.7, spread),
        epic('B-1', 100, 160, 0.6, spread),
        epic('C-1', 100, 170, 0.5, spread),
      ],
      scenario: scenario(150),
      draws: 200,
    };

    const first = keepProbabilities({ ...input, seed: 9 });

    expect(keepProbabilities({ ...input, seed: 9 })).toEqual(first);
    expect(keepProbabilities({ ...input, seed: 10 }).epics).not.toEqual(first.epics);
  });

  it('returns null with NO_DRAW_PLANNED when no draw has a plan, never NaN', () => {
    const result = keepProbabilities({
      epics: [epic('A-1', 100, 150), epic('B-1', 100, 150)],
      scenario: scenario(100, {
        pins: [
          { key: 'A-1', pin: 'continue' },
          { key: 'B-1', pin: 'continue' },
        ],
      }),
      draws: 5,
      seed: 5,
    });

    expect(result.drawsWithoutPlan).toBe(5);
    expect(result.epics).toEqual([
      { key: 'A-1', keepProbability: null, continueProbability: null, reason: 'NO_DRAW_PLANNED' },
      { key: 'B-1', keepProbability: null, continueProbability: null, reason: 'NO_DRAW_PLANNED' },
    ]);
  });
});
