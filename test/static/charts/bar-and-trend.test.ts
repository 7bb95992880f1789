import { barExtent } from '../../../static/src/charts/model/bar';
import { labelIndexes, layoutTrend } from '../../../static/src/charts/model/trend';

describe('barExtent', () => {
  it('runs a positive bar from the left edge when nothing is negative', () => {
    expect(barExtent(50, { min: 0, max: 200 })).toEqual({ zeroAt: 0, start: 0, width: 25 });
  });

  it('puts the zero line inside the track and runs a negative bar to its left', () => {
    expect(barExtent(-0.5, { min: -1, max: 1 })).toEqual({ zeroAt: 50, start: 25, width: 25 });
    expect(barExtent(1, { min: -1, max: 1 })).toEqual({ zeroAt: 50, start: 50, width: 50 });
  });

  it('draws nothing when every value is zero', () => {
    expect(barExtent(0, { min: 0, max: 0 })).toEqual({ zeroAt: 0, start: 0, width: 0 });
  });
});

describe('labelIndexes', () => {
  it('labels every month when they fit', () => {
    expect(labelIndexes(4, 6)).toEqual([0, 1, 2, 3]);
  });

  it('labels every k-th month counting back from the last', () => {
    expect(labelIndexes(24, 6)).toEqual([3, 7, 11, 15, 19, 23]);
  });

  it('labels nothing when there is no month', () => {
    expect(labelIndexes(0, 6)).toEqual([]);
  });
});

describe('layoutTrend', () => {
  it('spreads the months across the box and scales values onto nice ticks', () => {
    const layout = layoutTrend({
      months: ['2026-01', '2026-02', '2026-03'],
      series: [
        { id: 'planned', values: [0, 500, 1000] },
        { id: 'realised', values: [0, 400, null] },
      ],
      box: { left: 0, top: 0, right: 200, bottom: 100 },
      maxLabels: 6,
    });

    expect(layout.yTicks).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(layout.paths).toEqual([
      { id: 'planned', d: 'M0 100L100 50L200 0', last: { x: 200, y: 0 } },
      { id: 'realised', d: 'M0 100L100 60', last: { x: 100, y: 60 } },
    ]);
  });

  it('centres a single month', () => {
    const layout = layoutTrend({
      months: ['2026-01'],
      series: [{ id: 'planned', values: [10] }],
      box: { left: 0, top: 0, right: 200, bottom: 100 },
      maxLabels: 6,
    });

    expect(layout.x(0)).toBe(100);
  });
});
