import {
  formatDecimalInput,
  formatPercentInput,
  parseDecimal,
} from '../../../static/src/features/epic-panel/numbers';

describe('parseDecimal', () => {
  it.each([
    ['1234.5', 123450],
    ['1,234.50', 123450],
    ['1.234,50', 123450],
    ['1 234,5', 123450],
    ['1\u202f234,50', 123450],
    ["1'234.50", 123450],
    ['€1,234.50', 123450],
    ['-€12', -1200],
    ['1,234.50 EUR', 123450],
    ['1,234,567', 123456700],
    ['1.234.567', 123456700],
    ['0,5', 50],
    ['.75', 75],
    ['12', 1200],
  ])('reads %j as %i cents', (text, units) => {
    expect(parseDecimal(text, 2, 'en-US', 'EUR')).toEqual({ ok: true, units });
  });

  it('lets the locale decide a lone separator followed by three digits', () => {
    expect(parseDecimal('1,234', 2, 'en-US')).toEqual({ ok: true, units: 123400 });
    expect(parseDecimal('1,234', 3, 'de-DE')).toEqual({ ok: true, units: 1234 });
  });

  it('reads a leading minus and accounting brackets as negative', () => {
    expect(parseDecimal('-12.5', 2)).toEqual({ ok: true, units: -1250 });
    expect(parseDecimal('(1,200)', 2, 'en-US')).toEqual({ ok: true, units: -120000 });
  });

  it('reports more decimals than allowed, ignoring trailing zeros', () => {
    expect(parseDecimal('1.005', 2)).toEqual({ ok: false, reason: 'decimals' });
    expect(parseDecimal('1.500', 2)).toEqual({ ok: true, units: 150 });
    expect(parseDecimal('10.5', 0)).toEqual({ ok: false, reason: 'decimals' });
  });

  it('tells empty from unreadable text', () => {
    expect(parseDecimal('  ', 2)).toEqual({ ok: false, reason: 'empty' });
    expect(parseDecimal('abc', 2)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDecimal('12x', 2)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDecimal('1.2.3,4,5', 2)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('parseDecimal with the site currency', () => {
  it.each([
    ['€500', 'EUR', 50000],
    ['500 €', 'EUR', 50000],
    ['500 EUR', 'EUR', 50000],
    ['eur 500', 'EUR', 50000],
    ['$500', 'USD', 50000],
    ['US$500', 'USD', 50000],
    ['500', 'EUR', 50000],
  ])('accepts %j on a %s site', (text, currency, units) => {
    expect(parseDecimal(text, 2, 'en-US', currency)).toEqual({ ok: true, units });
  });

  it.each([
    ['$500', '$'],
    ['500 USD', 'USD'],
    ['£12.50', '£'],
    ['GBP 12', 'GBP'],
  ])('refuses %j on a EUR site as another currency (%s)', (text, found) => {
    expect(parseDecimal(text, 2, 'en-US', 'EUR')).toEqual({ ok: false, reason: 'currency', found });
  });

  it.each(['12abc', '500 dollars', '12 e', 'abc12'])('refuses %j, letters that are no currency', (text) => {
    expect(parseDecimal(text, 2, 'en-US', 'EUR')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses any currency in a plain number (a count or a percentage)', () => {
    expect(parseDecimal('€12', 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDecimal('12 EUR', 0)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('formatDecimalInput', () => {
  it('groups thousands and shows the currency decimals', () => {
    expect(formatDecimalInput(12000, 2)).toBe('12,000.00');
    expect(formatDecimalInput(1500, 0)).toBe('1,500');
  });
});

describe('formatPercentInput', () => {
  it('shows a fraction as a percentage without float noise', () => {
    expect(formatPercentInput(0.69)).toBe('69');
    expect(formatPercentInput(0.333333)).toBe('33.3333');
    expect(formatPercentInput(0.07)).toBe('7');
  });
});
