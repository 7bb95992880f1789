import { MemorySampler } from '../src/runtime/memory-sampler';

const MB = 1024 * 1024;

describe('MemorySampler', () => {
  it('returns the highest reading above the baseline, in MB, when memory rose and fell again', () => {
    const readings = [100 * MB, 140 * MB, 120 * MB];
    const sampler = MemorySampler.start(() => readings.shift() ?? 0);
    sampler.sample();

    expect(sampler.stop()).toBe(40);
  });

  it('returns 0 when memory only fell below where it started', () => {
    const readings = [100 * MB, 90 * MB, 80 * MB];
    const sampler = MemorySampler.start(() => readings.shift() ?? 0);
    sampler.sample();

    expect(sampler.stop()).toBe(0);
  });

  it('counts the reading taken as it stops, while the result is still held', () => {
    const readings = [10 * MB, 12 * MB];
    const sampler = MemorySampler.start(() => readings.shift() ?? 0);

    expect(sampler.stop()).toBe(2);
  });
});
