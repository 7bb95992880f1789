import { dialogTop } from '../../../static/src/ui/modal';

describe('dialogTop', () => {
  it('returns the blanket padding when nothing opened the dialog', () => {
    expect(dialogTop(null, 300, 800)).toBe(48);
  });

  it('returns a place just above the opener when the frame is as tall as the panel', () => {
    expect(dialogTop(2400, 300, 3000)).toBe(2352);
  });

  it('returns a place that keeps the whole dialog inside the frame when the opener is near its end', () => {
    expect(dialogTop(2900, 300, 3000)).toBe(2652);
  });

  it('returns the blanket padding when the opener is near the top or the dialog is taller than the frame', () => {
    expect(dialogTop(20, 300, 800)).toBe(48);
    expect(dialogTop(500, 900, 800)).toBe(48);
  });
});
