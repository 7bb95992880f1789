import {
  DRAW_CHUNK,
  portfolioRangeScopes,
  simulateRanges,
  type RangeSimulationInput,
} from '../../src/domain/ranges';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleDrawThread, drawBlocks, simulateRangesInThreads } from '../../scripts/bench/ranges-threads';
import { minorUnits } from '../../src/domain/money/minor-units';
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

describe(simulateRangesInThreads.name, () => {
  it('returns on two or three threads, from TypeScript or the bundle, exactly the answer in one', async () => {
    const epics = ['A-1', 'A-2', 'A-3'].map((key, index) =>
      anEpic({
        key,
        value: {
          successProbability: 0.4 + 0.2 * index,
          benefits: [aBenefit({ planned: [at('2026-05', 1000 * (index + 1))] })],
          objectives: [{ id: 'OBJ-1', share: 0.5 }],
        },
      }),
    );
    const input: RangeSimulationInput = {
      epics,
      rangesByEpic: new Map(),
      scopes: portfolioRangeScopes({
        epics,
        objectives: [{ id: 'OBJ-1', target: { amount: minorUnits(150_000), month: '2026-06' } }],
      }),
      asOf: '2026-03',
      horizon: '2026-12',
      discountRate: 0.08,
      draws: 2 * DRAW_CHUNK + 501,
      seed: 3,
      correlation: 0.3,
    };
    const { result } = await simulateRangesInThreads(input, 2);
    expect(result).toEqual(simulateRanges(input));
    expect(result.scopes.at(-1)?.probabilityTargetReached).toBeGreaterThan(0);
    const directory = mkdtempSync(join(tmpdir(), 'ranges-threads-'));
    try {
      const bundled = await simulateRangesInThreads(input, 3, await bundleDrawThread(directory));
      expect(bundled.result).toEqual(result);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
