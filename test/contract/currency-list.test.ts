import {
  CURRENCY_CODES,
  currencyLabel,
  FUND_CURRENCY_CODES,
  OFFERED_CURRENCY_CODES,
} from '../../src/contract/currencies';

describe('the offered currency list', () => {
  it('leaves out every ISO 4217 fund code, and nothing else', () => {
    for (const fund of ['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'XSU', 'XUA'])
      expect(OFFERED_CURRENCY_CODES).not.toContain(fund);
    expect(CURRENCY_CODES.filter((code) => !OFFERED_CURRENCY_CODES.includes(code))).toEqual(
      FUND_CURRENCY_CODES.filter((code) => CURRENCY_CODES.includes(code)),
    );
    expect(OFFERED_CURRENCY_CODES).toEqual(expect.arrayContaining(['EUR', 'USD', 'JPY', 'KWD', 'CHF']));
  });

  it('leaves out precious metals and the SDR, which have no minor unit', () => {
    for (const code of ['XAU', 'XAG', 'XPT', 'XDR', 'XTS', 'XXX']) expect(CURRENCY_CODES).not.toContain(code);
  });

  it('names each currency after its code', () => {
    expect(currencyLabel('EUR')).toBe('EUR — Euro');
    expect(currencyLabel('JPY')).toBe('JPY — Japanese Yen');
    expect(OFFERED_CURRENCY_CODES.filter((code) => currencyLabel(code) === code)).toEqual([]);
  });
});
