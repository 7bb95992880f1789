import fc from 'fast-check';
import { DomainInvariantError, isYearMonth, monthIndexOf, yearMonthOf } from '../../../src/domain';

describe(monthIndexOf.name, () => {
  it('counts whole months, so that subtraction gives the months in between', () => {
    expect(monthIndexOf('2026-03') - monthIndexOf('2025-12')).toBe(3);
    expect(monthIndexOf('2026-01')).toBe(2026 * 12);
  });

  it.each(['2026-13', '2026-00', '2026-3', '26-03', '2026/03', '', 'abcd-ef', '0999-12'])(
    'throws for %p',
    (text) => {
      expect(() => monthIndexOf(text)).toThrow(DomainInvariantError);
    },
  );
});

describe(isYearMonth.name, () => {
  it('accepts YYYY-MM and rejects anything else', () => {
    expect(isYearMonth('2026-11')).toBe(true);
    expect(isYearMonth('2026-11-23')).toBe(false);
    expect(isYearMonth('2026-1a')).toBe(false);
  });
});

describe(yearMonthOf.name, () => {
  it('is the inverse of monthIndexOf', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000 * 12, max: 9999 * 12 + 11 }), (index) => {
        expect(monthIndexOf(yearMonthOf(index))).toBe(index);
      }),
    );
    expect(yearMonthOf(monthIndexOf('2026-03'))).toBe('2026-03');
  });
});
