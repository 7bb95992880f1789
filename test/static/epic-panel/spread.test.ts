import { monthsFrom } from '../../../static/src/shared/months';
import { spreadEvenly } from '../../../static/src/features/epic-panel/spread';

describe('spreadEvenly', () => {
  it('spreads 120,000 over March to December as 12,000 a month', () => {
    const parts = spreadEvenly(12_000_000, monthsFrom('2026-03', '2026-12'));

    expect(parts).toHaveLength(10);
    expect(parts.every((part) => part.units === 1_200_000)).toBe(true);
    expect(parts[0]?.month).toBe('2026-03');
    expect(parts.at(-1)?.month).toBe('2026-12');
  });

  it('gives the remainder cents to the last months so the total is exact', () => {
    expect(spreadEvenly(10_000, ['2026-01', '2026-02', '2026-03']).map((part) => part.units)).toEqual([
      3333, 3333, 3334,
    ]);
    expect(spreadEvenly(1_000_002, monthsFrom('2026-01', '2026-04')).map((part) => part.units)).toEqual([
      250000, 250000, 250001, 250001,
    ]);
  });

  it('always adds up to the total', () => {
    for (const total of [1, 7, 99, 100_001, 123_456_789]) {
      for (const count of [1, 2, 3, 7, 12, 13]) {
        const months = monthsFrom('2026-01', `2026-${String(Math.min(count, 12)).padStart(2, '0')}`);
        const sum = spreadEvenly(total, months).reduce((acc, part) => acc + part.units, 0);
        expect(sum).toBe(total);
      }
    }
  });

  it('returns nothing for no months', () => {
    expect(spreadEvenly(100, [])).toEqual([]);
  });
});
