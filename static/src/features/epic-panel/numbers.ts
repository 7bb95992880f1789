/**
 * Reading numbers the way people type and paste them: `1,234.50`, `1.234,50`, `1 234,5`,
 * `€1,234`, `(1,200)`. Results are exact integers in units of 10^-decimals, so 0.1 + 0.2 never
 * turns into 0.30000000000000004 on the way to the server.
 */
export type ParsedDecimal =
  { ok: true; units: number } | { ok: false; reason: 'empty' | 'invalid' | 'decimals' };

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

/** `text` as a signed integer of 10^-decimals units (`"1,234.5"`, 2 → 123450). */
export function parseDecimal(text: string, decimals: number, locale?: string): ParsedDecimal {
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
  value = value.replace(/^(?:\p{Sc}|[A-Za-z]{3})/u, '').replace(/(?:\p{Sc}|[A-Za-z]{3})$/u, '');
  sign();
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
