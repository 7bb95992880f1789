import fc from 'fast-check';
import { toCsv } from '../../src/application/csv';

/** The text a spreadsheet reads from a one-cell CSV line (RFC 4180 quoting undone). */
function cellRead(line: string): string {
  const body = line.replace(/\r\n$/, '');
  return body.startsWith('"') ? body.slice(1, -1).replace(/""/g, '"') : body;
}

/** Characters a spreadsheet skips or does not show before a cell's content. */
const INVISIBLE = [' ', '\t', '\r', '\n', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
/** Characters that start a formula, ASCII and full-width. */
const FORMULA = ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

describe('toCsv', () => {
  it.each([
    ['=1+2'],
    [' =1+2'],
    ['\n=HYPERLINK("http://x")'],
    ['\uFF1DSUM(A1)'],
    ['\u200B=1'],
    ['\uFEFF@SUM(A1)'],
    ['\u00A0-1'],
    ['\tx'],
    ['\rx'],
  ])('neutralises the text cell %j with a leading quote inside a quoted cell', (cell) => {
    const line = toCsv([[cell]]);

    expect(line.startsWith(`"'`)).toBe(true);
    expect(cellRead(line)).toBe(`'${cell}`);
  });

  it('neutralises every text cell whose first visible character starts a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 6 }),
        fc.constantFrom(...FORMULA),
        fc.string(),
        (invisible, formula, rest) => {
          const cell = `${invisible.join('')}${formula}${rest}`;

          expect(cellRead(toCsv([[cell]]))).toBe(`'${cell}`);
        },
      ),
    );
  });

  it('leaves text that starts with a letter or digit as it is', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][^\r\n"]*$/), (cell) => {
        expect(cellRead(toCsv([[cell]]))).toBe(cell);
      }),
    );
  });

  it('writes numbers as numbers, negative ones included, so spreadsheets can add them up', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (amount) => {
        expect(toCsv([[amount]])).toBe(`${String(amount)}\r\n`);
      }),
    );
    expect(toCsv([[-12.5, 1.5, null, 'a,b']])).toBe('-12.5,1.5,,"a,b"\r\n');
  });
});
