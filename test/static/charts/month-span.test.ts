import { describeMonthSpan } from '../../../static/src/charts/month-span';

describe('describeMonthSpan', () => {
  const sentence = (from: string, to: string) => `From ${from} to ${to}.`;

  it('describes a chart by its first and last month', () => {
    expect(
      describeMonthSpan([{ month: '2026-01' }, { month: '2026-02' }, { month: '2026-04' }], sentence),
    ).toBe('From Jan 2026 to Apr 2026.');
  });

  it('says there are no months when there are none', () => {
    expect(describeMonthSpan([], sentence)).toBe('No months to show.');
  });
});
