import { addMonths, parseMonth } from '../../shared/months';
import { otherCurrencyMessage, parseDecimal } from './numbers';

export interface PastedEntry {
  month: string;
  units: number;
}

export type PasteResult = { ok: true; entries: PastedEntry[] } | { ok: false; message: string };

/** Cells of pasted text: rows by line, cells by tab or semicolon (never comma: it is a decimal mark). */
function rowsOf(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines.pop();
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  return lines.map((line) => line.split(/\t|;/).map((cell) => cell.trim()));
}

/**
 * Amounts pasted from a spreadsheet, as months and minor units. Understands a column or a row of
 * amounts (consecutive months from `firstMonth`; an empty cell skips a month), month and amount
 * side by side on each line (a header line is ignored), and a row of months above a row of amounts.
 */
export function parsePaste(
  text: string,
  {
    firstMonth,
    decimals,
    locale,
    currency,
  }: { firstMonth: string | null; decimals: number; locale?: string; currency?: string },
): PasteResult {
  const rows = rowsOf(text);
  if (rows.length === 0) return { ok: false, message: 'Paste at least one amount.' };
  const amount = (cell: string, where: string): number | string => {
    const parsed = parseDecimal(cell, decimals, locale, currency);
    if (parsed.ok && parsed.units >= 0) return parsed.units;
    if (parsed.ok) return `${where}: "${cell}" is negative; amounts are 0 or more.`;
    if (parsed.reason === 'currency' && currency !== undefined)
      return `${where}: ${otherCurrencyMessage(cell, currency)}`;
    return parsed.reason === 'decimals'
      ? `${where}: "${cell}" has more than ${String(decimals)} decimals.`
      : `${where}: "${cell}" is not an amount.`;
  };
  const isMonth = (cell: string) => parseMonth(cell, locale) !== null;

  // A row of months above a row of amounts.
  const [head, second] = rows;
  if (rows.length === 2 && head && second && head.length > 1 && head.every(isMonth)) {
    if (second.length > head.length)
      return { ok: false, message: 'The second row has more cells than months.' };
    return collect(
      head.map((cell, index) => [cell, second[index] ?? '', `Column ${String(index + 1)}`] as const),
      amount,
      locale,
    );
  }
  // Month and amount on each line, perhaps under a header line.
  const labelled = rows.filter((row) => row.length >= 2 && isMonth(row[0] ?? ''));
  if (labelled.length > 0 && labelled.length >= rows.length - 1) {
    const lines = rows.flatMap((row, index) =>
      row.length >= 2 && isMonth(row[0] ?? '')
        ? [[row[0] ?? '', row[1] ?? '', `Line ${String(index + 1)}`] as const]
        : [],
    );
    return collect(lines, amount, locale);
  }
  // A column or a row of amounts.
  const cells = rows.length === 1 ? (rows[0] ?? []) : rows.map((row) => row[0] ?? '');
  if (rows.length > 1 && rows.some((row) => row.filter((cell) => cell !== '').length > 1)) {
    return {
      ok: false,
      message: 'Paste one column or one row of amounts, or months and amounts side by side.',
    };
  }
  if (firstMonth === null) return { ok: false, message: 'Choose the first month of the pasted amounts.' };
  const entries: PastedEntry[] = [];
  for (const [index, cell] of cells.entries()) {
    if (cell === '' || cell === '-') continue;
    const units = amount(cell, `${rows.length === 1 ? 'Cell' : 'Line'} ${String(index + 1)}`);
    if (typeof units === 'string') return { ok: false, message: units };
    entries.push({ month: addMonths(firstMonth, index), units });
  }
  return entries.length === 0 ? { ok: false, message: 'Paste at least one amount.' } : { ok: true, entries };
}

function collect(
  lines: readonly (readonly [string, string, string])[],
  amount: (cell: string, where: string) => number | string,
  locale: string | undefined,
): PasteResult {
  const byMonth = new Map<string, number>();
  for (const [monthCell, amountCell, where] of lines) {
    if (amountCell === '' || amountCell === '-') continue;
    const month = parseMonth(monthCell, locale) ?? '';
    if (byMonth.has(month)) return { ok: false, message: `${where}: ${monthCell} appears twice.` };
    const units = amount(amountCell, where);
    if (typeof units === 'string') return { ok: false, message: units };
    byMonth.set(month, units);
  }
  const entries = [...byMonth].map(([month, units]) => ({ month, units }));
  return entries.length === 0 ? { ok: false, message: 'Paste at least one amount.' } : { ok: true, entries };
}
