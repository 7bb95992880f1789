import { addMonths, isValidMonth, monthsFrom, parseMonth } from '../../../static/src/shared/months';

describe('parseMonth', () => {
  it.each([
    ['2026-03', '2026-03'],
    ['2026-3', '2026-03'],
    ['2026/03', '2026-03'],
    ['03/2026', '2026-03'],
    ['3.2026', '2026-03'],
    ['Mar 2026', '2026-03'],
    ['March 2026', '2026-03'],
    ['mar-26', '2026-03'],
    ['Sept 2026', '2026-09'],
  ])('reads %j as %s', (text, month) => {
    expect(parseMonth(text)).toBe(month);
  });

  it('reads month names of the user’s language too', () => {
    expect(parseMonth('März 2026', 'de-DE')).toBe('2026-03');
  });

  it.each(['', '2026-13', '1899-12', '2200-01', 'soon', '2026'])('returns null for %j', (text) => {
    expect(parseMonth(text)).toBeNull();
  });
});

describe('month arithmetic', () => {
  it('adds months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('lists the months of a range, inclusive, and nothing for a reversed one', () => {
    expect(monthsFrom('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsFrom('2026-03', '2026-02')).toEqual([]);
  });

  it('accepts the months the contract accepts', () => {
    expect(isValidMonth('1900-01')).toBe(true);
    expect(isValidMonth('2199-12')).toBe(true);
    expect(isValidMonth('2026-00')).toBe(false);
  });
});
