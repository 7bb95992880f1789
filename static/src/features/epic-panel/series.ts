import { type AmountRow, type EvidenceGrade, rowKey, type RealisedRow } from './draft';
import { addMonths, parseMonth } from '../../shared/months';
import { formatDecimalInput, parseDecimal } from './numbers';

export interface NewEntry {
  month: string;
  units: number;
}

/**
 * Puts amounts into a series: a month already in it gets the new amount (and evidence), other
 * months are added; rows end up in month order. Returns how many months were replaced.
 */
export function mergeEntries<Row extends AmountRow>(
  rows: readonly Row[],
  entries: readonly NewEntry[],
  { decimals, evidence }: { decimals: number; evidence?: EvidenceGrade },
): { rows: Row[]; replaced: number } {
  const amountText = (units: number) => formatDecimalInput(units / 10 ** decimals, decimals);
  const incoming = new Map(entries.map((entry) => [entry.month, entry.units]));
  let replaced = 0;
  const merged = rows.map((row) => {
    const month = parseMonth(row.month);
    const units = month === null ? undefined : incoming.get(month);
    if (month === null || units === undefined) return row;
    incoming.delete(month);
    replaced += 1;
    return { ...row, month, amount: amountText(units), ...(evidence === undefined ? {} : { evidence }) };
  });
  for (const [month, units] of incoming) {
    const row: AmountRow = { key: rowKey(), month, amount: amountText(units) };
    merged.push(
      (evidence === undefined
        ? row
        : ({ ...row, evidence, note: '', evidenceLink: '' } satisfies RealisedRow)) as Row,
    );
  }
  const order = (row: Row) => parseMonth(row.month) ?? '9999-99';
  return { rows: merged.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)), replaced };
}

/** The month a new row starts with: the one after the last, else the current month. */
export function nextMonthOf(rows: readonly AmountRow[], asOf: string): string {
  const months = rows.flatMap((row) => parseMonth(row.month) ?? []).sort();
  const last = months.at(-1);
  return last === undefined ? asOf : addMonths(last, 1);
}

/** The sum of the rows that hold a valid amount, in minor units. */
export function totalUnitsOf(rows: readonly AmountRow[], decimals: number, currency?: string): number {
  return rows.reduce((sum, row) => {
    const parsed = parseDecimal(row.amount, decimals, undefined, currency);
    return parsed.ok && parsed.units > 0 ? sum + parsed.units : sum;
  }, 0);
}
