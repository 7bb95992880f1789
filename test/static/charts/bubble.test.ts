import { bubbleOpacity, bubbleRadius, layoutBubbles } from '../../../static/src/charts/model/bubble';

describe('bubbleRadius', () => {
  it('gives areas proportional to the weight', () => {
    const small = bubbleRadius(0.25, 0, 10);
    const large = bubbleRadius(1, 0, 10);

    expect(large).toBe(10);
    expect((large / small) ** 2).toBeCloseTo(4, 10);
  });

  it('never goes below the minimum radius, so a 0% bubble stays visible', () => {
    expect(bubbleRadius(0, 3, 10)).toBe(3);
  });

  it('clamps weights outside 0..1', () => {
    expect(bubbleRadius(1.5, 0, 10)).toBe(10);
    expect(bubbleRadius(-1, 2, 10)).toBe(2);
  });
});

describe('bubbleOpacity', () => {
  it('runs from 0.35 for weight 0 to 0.85 for weight 1', () => {
    expect(bubbleOpacity(0)).toBeCloseTo(0.35, 10);
    expect(bubbleOpacity(1)).toBeCloseTo(0.85, 10);
    expect(bubbleOpacity(0.5)).toBeCloseTo(0.6, 10);
  });
});

describe('layoutBubbles', () => {
  const box = { left: 50, top: 10, right: 450, bottom: 210 };

  it('places bubbles on axes that start at zero and end on a nice tick', () => {
    const layout = layoutBubbles({
      data: [
        { id: 'A', x: 400, y: 800, weight: 1 },
        { id: 'B', x: 200, y: 100, weight: 0.25 },
      ],
      box,
      radius: { min: 2, max: 10 },
    });

    expect(layout.xTicks).toEqual([0, 100, 200, 300, 400]);
    expect(layout.yTicks).toEqual([0, 200, 400, 600, 800]);
    expect(layout.bubbles.map(({ id, cx, cy, r }) => ({ id, cx, cy, r }))).toEqual([
      { id: 'A', cx: 450, cy: 10, r: 10 },
      { id: 'B', cx: 250, cy: 185, r: 5 },
    ]);
  });

  it('draws the break-even line y = x up to the smaller axis end', () => {
    const layout = layoutBubbles({
      data: [{ id: 'A', x: 400, y: 800, weight: 1 }],
      box,
      radius: { min: 2, max: 10 },
    });

    expect(layout.breakEven).toEqual({ x1: 50, y1: 210, x2: 450, y2: 110 });
  });

  it('lays out an empty chart on a 0 to 1 grid', () => {
    const layout = layoutBubbles({ data: [], box, radius: { min: 2, max: 10 } });

    expect(layout.bubbles).toEqual([]);
    expect(layout.xTicks[layout.xTicks.length - 1]).toBe(1);
  });
});
