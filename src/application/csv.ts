export type CsvCell = string | number | boolean | null;

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"); a text
 * cell starting with one is prefixed with `'` so it stays text. Numbers are written as numbers
 * (a negative number is not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV: comma-separated, CRLF line ends, quotes doubled inside quoted cells. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(cellText).join(',')).join('\r\n') + '\r\n';
}
