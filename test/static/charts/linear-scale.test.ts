import { linearScale, niceStep, niceTicks } from '../../../static/src/charts/model/linear-scale';

describe('linearScale', () => {
  it('maps the domain ends onto the range ends and interpolates between', () => {
    const x = linearScale([0, 200], [40, 440]);

    expect(x(0)).toBe(40);
    expect(x(200)).toBe(440);
    expect(x(50)).toBe(140);
  });

  it('maps upwards values downwards when the range runs backwards, as a y axis does', () => {
    const y = linearScale([0, 100], [220, 20]);

    expect(y(0)).toBe(220);
    expect(y(100)).toBe(20);
    expect(y(25)).toBe(170);
  });

  it('maps everything to the middle of the range when the domain has no width', () => {
    const x = linearScale([5, 5], [0, 100]);

    expect(x(5)).toBe(50);
    expect(x(7)).toBe(50);
  });
});

describe('niceStep', () => {
  it.each([
    [100, 4, 20],
    [300, 4, 100],
    [1, 5, 0.2],
    [37_000_000, 4, 10_000_000],
    [7, 4, 2],
  ])('cuts a span of %d into about %d parts with a step of %d', (span, count, step) => {
    expect(niceStep(span, count)).toBeCloseTo(step, 10);
  });
});

describe('niceTicks', () => {
  it('returns round ticks that enclose the data', () => {
    expect(niceTicks(0, 33_000_000, 4)).toEqual([0, 10_000_000, 20_000_000, 30_000_000, 40_000_000]);
  });

  it('includes zero and negative ticks when the data goes below zero', () => {
    expect(niceTicks(-0.72, 0.33, 4)).toEqual([-0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4]);
  });

  it('returns decimal ticks without floating point noise', () => {
    expect(niceTicks(0, 0.7, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('draws an axis from 0 to the value when all values are equal', () => {
    expect(niceTicks(500, 500, 4)).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it('draws a 0 to 1 axis when there is nothing but zeros', () => {
    expect(niceTicks(0, 0, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
