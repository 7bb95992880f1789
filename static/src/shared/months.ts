/** Calendar months as the value record writes them: `YYYY-MM`, from 1900-01 to 2199-12. */
const MONTH = /^(\d{4})-(\d{2})$/;

export function isValidMonth(month: string): boolean {
  const match = MONTH.exec(month);
  if (!match) return false;
  const year = Number(match[1]);
  const monthNumber = Number(match[2]);
  return year >= 1900 && year <= 2199 && monthNumber >= 1 && monthNumber <= 12;
}

/** Months counted from year 0, so month arithmetic is integer arithmetic. */
function ordinal(month: string): number {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  return year * 12 + monthNumber - 1;
}

function fromOrdinal(value: number): string {
  const year = Math.floor(value / 12);
  return `${String(year).padStart(4, '0')}-${String((value % 12) + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, count: number): string {
  return fromOrdinal(ordinal(month) + count);
}

/** Every month from `from` to `to` inclusive; empty when `to` is before `from`. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let at = ordinal(from); at <= ordinal(to); at += 1) months.push(fromOrdinal(at));
  return months;
}

const monthNames = new Map<string, ReadonlyMap<string, number>>();

/** Month names in English and in the user's language, short and long, lower case, to 1–12. */
function namesOf(locale: string | undefined): ReadonlyMap<string, number> {
  const key = locale ?? '';
  let names = monthNames.get(key);
  if (!names) {
    const built = new Map<string, number>([['sept', 9]]);
    for (const language of ['en', locale ?? 'en']) {
      for (const width of ['short', 'long'] as const) {
        const format = new Intl.DateTimeFormat(language, { month: width, timeZone: 'UTC' });
        for (let index = 0; index < 12; index += 1) {
          const text = format.format(new Date(Date.UTC(2000, index, 1)));
          built.set(text.toLowerCase().replace(/\.$/, ''), index + 1);
        }
      }
    }
    names = built;
    monthNames.set(key, names);
  }
  return names;
}

function monthNumberOfName(name: string, locale: string | undefined): number | undefined {
  return namesOf(locale).get(name.toLowerCase().replace(/\.$/, ''));
}

function yearOf(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

/**
 * A month as people type or paste it: `2026-03`, `2026-3`, `2026/03`, `03/2026`, `3.2026`,
 * `Mar 2026`, `March 2026`, `Mar-26` (a spreadsheet's mmm-yy). Null when it is not a month.
 */
export function parseMonth(text: string, locale?: string): string | null {
  const value = text.trim();
  let year: number | undefined;
  let monthNumber: number | undefined;
  let match = /^(\d{4})[-/.](\d{1,2})$/.exec(value);
  if (match) {
    year = Number(match[1]);
    monthNumber = Number(match[2]);
  } else if ((match = /^(\d{1,2})[-/.](\d{4})$/.exec(value))) {
    monthNumber = Number(match[1]);
    year = Number(match[2]);
  } else if ((match = /^(\p{L}+\.?)[\s\-/]*(\d{4}|\d{2})$/u.exec(value))) {
    monthNumber = monthNumberOfName(match[1] ?? '', locale);
    year = yearOf(match[2] ?? '');
  }
  if (year === undefined || monthNumber === undefined) return null;
  const month = `${String(year).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}`;
  return isValidMonth(month) ? month : null;
}
