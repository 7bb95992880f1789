import { linePath, linePathWithGaps } from '../../../static/src/charts/model/line-path';

describe('linePath', () => {
  it('moves to the first point and draws lines to the others, rounded to 0.01 px', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 10.123, y: 5.555 },
        { x: 20, y: 0 },
      ]),
    ).toBe('M0 10L10.12 5.56L20 0');
  });

  it('returns an empty path for no points', () => {
    expect(linePath([])).toBe('');
  });
});

describe('linePathWithGaps', () => {
  const x = (index: number) => index * 10;
  const y = (value: number) => 100 - value;

  it('draws one continuous line when the series has no gap', () => {
    expect(linePathWithGaps([0, 10, 20], x, y)).toBe('M0 100L10 90L20 80');
  });

  it('starts a new sub-path after a gap instead of bridging it', () => {
    expect(linePathWithGaps([0, null, 20, 30], x, y)).toBe('M0 100M20 80L30 70');
  });

  it('stops where the series stops, as realised benefit does after the as-of month', () => {
    expect(linePathWithGaps([5, 15, null, null], x, y)).toBe('M0 95L10 85');
  });
});
