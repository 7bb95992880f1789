export type CsvCell = string | number | boolean | null;

/**
 * Characters a spreadsheet skips, or does not show, before a cell's content: whitespace (space,
 * tab, line feed, no-break and ideographic spaces, the byte-order mark), other control characters,
 * and zero-width or direction marks. A formula hidden behind them still runs.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it must skip
const INVISIBLE_LEAD = /^[\s\x00-\x1F\x7F\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]*/;

/** What starts a formula: `=`, `+`, `-`, `@`, their full-width and small forms, and the minus sign. */
const FORMULA_CHARACTER = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\u2212]/;

/**
 * Whether a spreadsheet could read the text cell as a formula (OWASP "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection): it starts with a tab, carriage return
 * or null, or its first visible character starts a formula.
 */
function mayRunAsFormula(text: string): boolean {
  return /^[\t\r\0]/.test(text) || FORMULA_CHARACTER.test(text.replace(INVISIBLE_LEAD, ''));
}

/** Text that needs quotes in RFC 4180, or that a reader would otherwise trim. */
function needsQuotes(text: string): boolean {
  return /[",\r\n]/.test(text) || text !== text.trim();
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Numbers are written as numbers (a negative amount is not a formula and must stay summable);
 * a text cell that may run as a formula gets a leading `'`, which spreadsheets read as "this is
 * text", and quotes, so that the `'` stays the first character of the cell.
 */
function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  if (mayRunAsFormula(cell)) return quoted(`'${cell}`);
  return needsQuotes(cell) ? quoted(cell) : cell;
}

/** RFC 4180 CSV: comma-separated, CRLF line ends, quotes doubled inside quoted cells. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(cellText).join(',')).join('\r\n') + '\r\n';
}
