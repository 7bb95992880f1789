/**
 * ISO 4217 currencies and their minor-unit exponent (the number of decimals of the minor unit),
 * from the ISO 4217 list of current codes (List One). Codes without a minor unit (precious metals,
 * SDR, test and "no currency" codes) are left out: they cannot price a benefit.
 *
 * Note: these are the ISO exponents, which sometimes differ from what `Intl.NumberFormat` shows
 * by default (CLDR formats RSD and IQD with 0 decimals; ISO gives them 2 and 3).
 */
const EXPONENT_0 = [
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
] as const;
const EXPONENT_3 = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'] as const;
const EXPONENT_4 = ['CLF', 'UYW'] as const;
const EXPONENT_2 = [
  'AED',
  'AFN',
  'ALL',
  'AMD',
  'AOA',
  'ARS',
  'AUD',
  'AWG',
  'AZN',
  'BAM',
  'BBD',
  'BDT',
  'BGN',
  'BMD',
  'BND',
  'BOB',
  'BOV',
  'BRL',
  'BSD',
  'BTN',
  'BWP',
  'BYN',
  'BZD',
  'CAD',
  'CDF',
  'CHE',
  'CHF',
  'CHW',
  'CNY',
  'COP',
  'COU',
  'CRC',
  'CUP',
  'CVE',
  'CZK',
  'DKK',
  'DOP',
  'DZD',
  'EGP',
  'ERN',
  'ETB',
  'EUR',
  'FJD',
  'FKP',
  'GBP',
  'GEL',
  'GHS',
  'GIP',
  'GMD',
  'GTQ',
  'GYD',
  'HKD',
  'HNL',
  'HTG',
  'HUF',
  'IDR',
  'ILS',
  'INR',
  'IRR',
  'JMD',
  'KES',
  'KGS',
  'KHR',
  'KPW',
  'KYD',
  'KZT',
  'LAK',
  'LBP',
  'LKR',
  'LRD',
  'LSL',
  'MAD',
  'MDL',
  'MGA',
  'MKD',
  'MMK',
  'MNT',
  'MOP',
  'MRU',
  'MUR',
  'MVR',
  'MWK',
  'MXN',
  'MXV',
  'MYR',
  'MZN',
  'NAD',
  'NGN',
  'NIO',
  'NOK',
  'NPR',
  'NZD',
  'PAB',
  'PEN',
  'PGK',
  'PHP',
  'PKR',
  'PLN',
  'QAR',
  'RON',
  'RSD',
  'RUB',
  'SAR',
  'SBD',
  'SCR',
  'SDG',
  'SEK',
  'SGD',
  'SHP',
  'SLE',
  'SOS',
  'SRD',
  'SSP',
  'STN',
  'SVC',
  'SYP',
  'SZL',
  'THB',
  'TJS',
  'TMT',
  'TOP',
  'TRY',
  'TTD',
  'TWD',
  'TZS',
  'UAH',
  'USD',
  'USN',
  'UYU',
  'UZS',
  'VED',
  'VES',
  'WST',
  'XCD',
  'XCG',
  'YER',
  'ZAR',
  'ZMW',
  'ZWG',
] as const;

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...EXPONENT_0.map((code) => [code, 0] as const),
  ...EXPONENT_2.map((code) => [code, 2] as const),
  ...EXPONENT_3.map((code) => [code, 3] as const),
  ...EXPONENT_4.map((code) => [code, 4] as const),
]);

/** Every currency code a site may use, ascending. */
export const CURRENCY_CODES: readonly string[] = [...EXPONENTS.keys()].sort();

/** The ISO 4217 minor-unit exponent of `currency` (EUR 2, JPY 0, KWD 3), or undefined if unknown. */
export function currencyExponentOf(currency: string): number | undefined {
  return EXPONENTS.get(currency);
}

/**
 * How many decimals an amount in `currency` may have: the currency's minor unit, but never more
 * than 2 (the portfolio format's limit), so 0 for JPY and 2 for EUR and KWD.
 */
export function amountDecimalsOf(currency: string): number | undefined {
  const exponent = currencyExponentOf(currency);
  return exponent === undefined ? undefined : Math.min(exponent, MAX_AMOUNT_DECIMALS);
}

/** Amounts in the portfolio format have at most 2 decimals, whatever the currency. */
export const MAX_AMOUNT_DECIMALS = 2;

/**
 * ISO 4217 fund codes: units of account and settlement funds (Bolivian Mvdol, WIR euro and franc,
 * Unidad de Fomento, Unidad de Valor Real, Mexican UDI, Uruguayan indexed units, US next-day
 * dollar, SUCRE, ADB unit). They are in List One, so a site that chose one stays readable, but no
 * one budgets a benefit in them: the admin page does not offer them.
 */
export const FUND_CURRENCY_CODES: readonly string[] = [
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW',
  'XSU',
  'XUA',
];

/** The currencies a site is offered, ascending: every code with a minor unit, fund codes left out. */
export const OFFERED_CURRENCY_CODES: readonly string[] = CURRENCY_CODES.filter(
  (code) => !FUND_CURRENCY_CODES.includes(code),
);

let currencyNames: Intl.DisplayNames | null | undefined;

/** "EUR — Euro": the code, then its English name where the runtime knows it. */
export function currencyLabel(code: string): string {
  if (currencyNames === undefined) {
    try {
      currencyNames = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'none' });
    } catch {
      currencyNames = null;
    }
  }
  const name = currencyNames?.of(code);
  return name === undefined || name === code ? code : `${code} — ${name}`;
}
