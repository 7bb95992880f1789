import {
  DRAW_CHUNK,
  portfolioRangeScopes,
  simulateRangeDraws,
  type RangeSimulationInput,
} from '../../src/domain/ranges';
import { drawBlocks, drawRangesInThreads } from '../../scripts/bench/ranges-threads';
import { aBenefit, anEpic, at } from '../fixtures/value-builders';

describe(drawBlocks.name, () => {
  it('returns one block per chunk of draws, covering every draw once, in order', () => {
    for (const draws of [10_000, DRAW_CHUNK, DRAW_CHUNK + 1, 7, 1]) {
      const blocks = drawBlocks(draws);
      expect(blocks).toHaveLength(Math.ceil(draws / DRAW_CHUNK));
      let next = 0;
      for (const block of blocks) {
        expect(block.first).toBe(next);
        expect(block.first % DRAW_CHUNK).toBe(0);
        expect(block.count).toBeLessThanOrEqual(DRAW_CHUNK);
        next += block.count;
      }
      expect(next).toBe(draws);
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
      draws: 2 * DRAW_CHUNK + 501,
      seed: 3,
      correlation: 0.3,
    };
    expect((await drawRangesInThreads(input, 2)).draws).toEqual(simulateRangeDraws(input));
  }, 60_000);
});
