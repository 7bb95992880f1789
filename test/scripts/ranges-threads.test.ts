import { portfolioRangeScopes, simulateRangeDraws, type RangeSimulationInput } from '../../src/domain/ranges';
import { drawBlocks, drawRangesInThreads } from '../../scripts/bench/ranges-threads';
import { aBenefit, anEpic, at } from '../fixtures/value-builders';

describe(drawBlocks.name, () => {
  it('returns blocks that cover every draw once, in order, their sizes at most one apart', () => {
    for (const [draws, threads] of [
      [10_000, 2],
      [7, 3],
      [2, 4],
      [1, 1],
    ] as const) {
      const blocks = drawBlocks(draws, threads);
      expect(blocks).toHaveLength(Math.min(draws, threads));
      let next = 0;
      for (const block of blocks) {
        expect(block.first).toBe(next);
        next += block.count;
      }
      expect(next).toBe(draws);
      const sizes = blocks.map((block) => block.count);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe(drawRangesInThreads.name, () => {
  it('returns on two worker threads exactly the draws of the simulation in one', async () => {
    const epics = ['A-1', 'A-2', 'A-3'].map((key, index) =>
      anEpic({
        key,
        value: {
          successProbability: 0.4 + 0.2 * index,
          benefits: [aBenefit({ planned: [at('2026-05', 1000 * (index + 1))] })],
        },
      }),
    );
    const input: RangeSimulationInput = {
      epics,
      rangesByEpic: new Map(),
      scopes: portfolioRangeScopes({ epics, objectives: [] }),
      asOf: '2026-03',
      horizon: '2026-12',
      discountRate: 0.08,
      draws: 501,
      seed: 3,
      correlation: 0.3,
    };
    expect(await drawRangesInThreads(input, 2)).toEqual(simulateRangeDraws(input));
  }, 60_000);
});
