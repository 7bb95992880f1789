/**
 * Reading numbers the way people type and paste them: `1,234.50`, `1.234,50`, `1 234,5`,
 * `€1,234`, `(1,200)`. Results are exact integers in units of 10^-decimals, so 0.1 + 0.2 never
 * turns into 0.30000000000000004 on the way to the server.
 */
export type ParsedDecimal =
  | { ok: true; units: number }
  | { ok: false; reason: 'empty' | 'invalid' | 'decimals' }
  /** A currency symbol or code that is not the site currency's (`$500` on a EUR site). */
  | { ok: false; reason: 'currency'; found: string };

const currencyMarks = new Map<string, ReadonlySet<string>>();

/**
 * How people write `currency` beside an amount: its ISO code and its symbols (`€`; `$` and
 * `US$` for USD), in English and in the user's language, upper case.
 */
export function marksOf(currency: string, locale?: string): ReadonlySet<string> {
  const key = `${currency}:${locale ?? ''}`;
  let marks = currencyMarks.get(key);
  if (marks === undefined) {
    const found = new Set<string>([currency.toUpperCase()]);
    for (const language of ['en', locale]) {
      for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
        try {
          const symbol = new Intl.NumberFormat(language, { style: 'currency', currency, currencyDisplay })
            .formatToParts(1)
            .find((part) => part.type === 'currency')?.value;
          if (symbol !== undefined) found.add(symbol.toUpperCase());
        } catch {
          // An unknown currency code has no symbol; its code is still accepted.
        }
      }
    }
    // CLDR's prefixed dollars and the like (US$, CA$, HK$): the code's country, then the symbol.
    for (const symbol of [...found]) {
      if (/^\p{Sc}$/u.test(symbol)) found.add(`${currency.slice(0, 2).toUpperCase()}${symbol}`);
    }
    marks = found;
    currencyMarks.set(key, marks);
  }
  return marks;
}

/** Why an amount in another currency is refused, with what to type instead. */
export function otherCurrencyMessage(typed: string, currency: string): string {
  let symbol: string | undefined;
  try {
    symbol = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    })
      .formatToParts(1)
      .find((part) => part.type === 'currency')?.value;
  } catch {
    symbol = undefined;
  }
  const unit = symbol === undefined || symbol === currency ? currency : `${currency} (${symbol})`;
  return `"${typed.trim()}" is in another currency: enter the amount in ${unit}.`;
}

/** A currency symbol, or a run of letters (possibly with a symbol: `US$`), at either end. */
const LEADING_MARK = /^(?:\p{L}+\p{Sc}?|\p{Sc})/u;
const TRAILING_MARK = /(?:\p{L}+\p{Sc}?|\p{Sc})$/u;
/** ISO 4217 codes the browser knows: three such letters are another currency, not a typo. */
const currencyCodes = new Set(Intl.supportedValuesOf('currency'));

const decimalSeparators = new Map<string, string>();

function decimalSeparatorOf(locale: string | undefined): string {
  const key = locale ?? '';
  let separator = decimalSeparators.get(key);
  if (separator === undefined) {
    separator = new Intl.NumberFormat(locale)
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value;
    separator = separator === ',' ? ',' : '.';
    decimalSeparators.set(key, separator);
  }
  return separator;
}

/**
 * Which of `.` and `,` is the decimal separator. Both present: the last one. One of them once,
 * not followed by exactly three digits: that one. `1,234` is ambiguous, so the user's locale
 * decides (1234 in English, 1.234 in German). Several of one kind are thousands separators.
 */
function decimalSeparatorIn(text: string, locale: string | undefined): string | null {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const separator = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (separator === null) return null;
  if (text.indexOf(separator) !== text.lastIndexOf(separator)) return null;
  const digitsAfter = text.length - text.lastIndexOf(separator) - 1;
  if (digitsAfter !== 3) return separator;
  return decimalSeparatorOf(locale) === separator ? separator : null;
}

/**
 * `text` as a signed integer of 10^-decimals units (`"1,234.5"`, 2 → 123450). With a `currency`
 * (an amount), that currency's code or symbol may stand on either side; another currency's is
 * refused as such (never read as the site's, which would store $500 as €500), and any other
 * letters make the text unreadable. Without one (a count, a percentage), no mark is allowed.
 */
export function parseDecimal(
  text: string,
  decimals: number,
  locale?: string,
  currency?: string,
): ParsedDecimal {
  let value = text.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1);
  }
  // Spaces, no-break spaces and apostrophes group thousands in some locales (1 234, 1'234).
  value = value.replace(/[\s\u00a0\u202f'’]/g, '');
  // A sign, and a currency symbol or code, on either side of each other (-€12, €-12, 1.234 EUR).
  const sign = () => {
    if (/^[-−]/.test(value)) {
      negative = !negative;
      value = value.slice(1);
    } else if (value.startsWith('+')) {
      value = value.slice(1);
    }
  };
  sign();
  for (const mark of [LEADING_MARK, TRAILING_MARK]) {
    const found = mark.exec(value)?.[0];
    if (found === undefined) continue;
    if (currency === undefined) return { ok: false, reason: 'invalid' };
    if (!marksOf(currency, locale).has(found.toUpperCase())) {
      return /\p{Sc}/u.test(found) || currencyCodes.has(found.toUpperCase())
        ? { ok: false, reason: 'currency', found }
        : { ok: false, reason: 'invalid' };
    }
    value = mark === LEADING_MARK ? value.slice(found.length) : value.slice(0, -found.length);
    sign();
  }
  if (!/^[\d.,]*\d[\d.,]*$/.test(value)) return { ok: false, reason: 'invalid' };
  const separator = decimalSeparatorIn(value, locale);
  let whole = value;
  let fraction = '';
  if (separator !== null) {
    if (value.indexOf(separator) !== value.lastIndexOf(separator)) return { ok: false, reason: 'invalid' };
    const at = value.lastIndexOf(separator);
    whole = value.slice(0, at);
    fraction = value.slice(at + 1);
  }
  // Thousands groups after the first have 3 digits (2 in Indian grouping: 1,23,456).
  const groups = whole.split(/[.,]/);
  if (groups.slice(1).some((group) => !/^\d{2,3}$/.test(group))) return { ok: false, reason: 'invalid' };
  whole = groups.join('');
  if (!/^\d*$/.test(whole) || whole.length > 15) return { ok: false, reason: 'invalid' };
  fraction = fraction.replace(/0+$/, '');
  if (fraction.length > decimals) return { ok: false, reason: 'decimals' };
  const units = Number(whole || '0') * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  return { ok: true, units: negative && units !== 0 ? -units : units };
}

const inputFormats = new Map<number, Intl.NumberFormat>();

/** An amount as an input shows it: grouped, with the currency's decimals (`12,000.00`). */
export function formatDecimalInput(value: number, decimals: number): string {
  let format = inputFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    inputFormats.set(decimals, format);
  }
  return format.format(value);
}

/** A fraction (0.695) as a percentage for an input (`69.5`), without grouping or trailing zeros. */
export function formatPercentInput(fraction: number): string {
  return String(Math.round(fraction * 1_000_000) / 10_000);
}
