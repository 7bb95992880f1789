import { simulateRanges, type EpicRanges, type RangeSimulationInput } from '../../../src/domain/ranges';
import type { Epic } from '../../../src/domain';
import { aBenefit, anEpic, at, eur, realisedAt } from '../../fixtures/value-builders';

/*
 * An objective's chance of reaching its target (docs/kpis.md, "Chance an objective reaches its
 * target"): the share of draws in which the benefit attributed to it and realised by the end of
 * the target month reaches the target amount.
 */
const percentRange = (low: number, likely: number, high: number): EpicRanges => ({
  benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low, likely, high }],
  costOverrun: { low: 0, likely: 0, high: 0 },
});

function contributor(options: { p?: number; share?: number; planned?: number; later?: number } = {}): Epic {
  return anEpic({
    key: 'W-1',
    value: {
      successProbability: options.p ?? 1,
      objectives: [{ id: 'OBJ-W', share: options.share ?? 1 }],
      benefits: [
        aBenefit({
          id: 'b1',
          planned: [at('2026-05', options.planned ?? 1200), at('2026-09', options.later ?? 0)],
          realised: [realisedAt('2026-02', 400)],
        }),
      ],
      costs: { planned: [at('2026-04', 300)], actual: [] },
    },
  });
}

function chance(
  epic: Epic,
  ranges: EpicRanges,
  target: { amount: number; month: string },
  options: Partial<RangeSimulationInput> = {},
): number | null {
  const result = simulateRanges({
    epics: [epic],
    rangesByEpic: new Map([[epic.key, ranges]]),
    scopes: [
      {
        id: 'objective:OBJ-W',
        members: epic.value.objectives.map((link) => ({ epicKey: epic.key, weight: link.share })),
        target: { amount: eur(target.amount), month: target.month },
      },
    ],
    asOf: '2026-03',
    horizon: '2026-12',
    discountRate: 0,
    draws: 2000,
    seed: 11,
    correlation: 0,
    ...options,
  });
  return result.scopes[0]?.probabilityTargetReached ?? null;
}

describe('the chance an objective reaches its target', () => {
  it('returns 1 when its one epic is certain to succeed and its least outcome reaches the target', () => {
    // Least outcome: 400 realised + 90% of 1,200 = 1,480 >= 1,450.
    expect(chance(contributor(), percentRange(90, 100, 110), { amount: 1450, month: '2026-06' })).toBe(1);
  });

  it('returns exactly 1 or 0 without spread: the plan either reaches the target or not', () => {
    const noSpread = percentRange(100, 100, 100);

    expect(chance(contributor(), noSpread, { amount: 1600, month: '2026-06' })).toBe(1);
    expect(chance(contributor(), noSpread, { amount: 1600.01, month: '2026-06' })).toBe(0);
  });

  it('returns 0 when the epic never succeeds and its realised benefit falls short', () => {
    expect(
      chance(contributor({ p: 0 }), percentRange(100, 100, 100), { amount: 401, month: '2026-06' }),
    ).toBe(0);
  });

  it('counts only benefit planned up to the end of the target month, weighted by the share', () => {
    const noSpread = percentRange(100, 100, 100);
    // 0.5 × (400 + 1,200) = 800 by June; the 5,000 planned in September comes too late.
    const epic = contributor({ share: 0.5, later: 5000 });

    expect(chance(epic, noSpread, { amount: 800, month: '2026-06' })).toBe(1);
    expect(chance(epic, noSpread, { amount: 800.01, month: '2026-06' })).toBe(0);
    expect(chance(epic, noSpread, { amount: 3300, month: '2026-09' })).toBe(1);
  });

  it('returns a fact for a target month already past: what was realised by then', () => {
    const noSpread = percentRange(100, 100, 100);

    expect(chance(contributor(), noSpread, { amount: 400, month: '2026-02' })).toBe(1);
    expect(chance(contributor(), noSpread, { amount: 400.01, month: '2026-02' })).toBe(0);
  });

  it('returns the same chance for the same seed, and another for another seed', () => {
    const epic = contributor({ p: 0.9, share: 0.5 });
    const spread = percentRange(50, 100, 150);
    const target = { amount: 700, month: '2026-06' };

    const first = chance(epic, spread, target);
    expect(chance(epic, spread, target)).toBe(first);
    expect(chance(epic, spread, target, { seed: 12 })).not.toBe(first);
  });

  it('converges on the worked example of docs/kpis.md: 0.9 × P(f ≥ 5/6) = 0.7', () => {
    // 0.5 × (400 + 1,200 f) ≥ 700 ⇔ f ≥ 5/6; f ~ Tri(0.5, 1, 1.5): P = 1 − (1/3)² / 0.5 = 7/9.
    const simulated = chance(
      contributor({ p: 0.9, share: 0.5 }),
      percentRange(50, 100, 150),
      { amount: 700, month: '2026-06' },
      { draws: 100_000, seed: 17 },
    );
    const standardError = Math.sqrt((0.7 * 0.3) / 100_000);

    expect(Math.abs((simulated ?? Number.NaN) - 0.7)).toBeLessThan(4 * standardError);
  });
});
