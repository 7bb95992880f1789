import { parsePaste } from '../../../static/src/features/epic-panel/paste';

const options = { firstMonth: '2026-03', decimals: 2, locale: 'en-US' };

describe('parsePaste', () => {
  it('reads a column of amounts as consecutive months from the first month', () => {
    expect(parsePaste('1,000.00\n2,500.50\r\n300\n', options)).toEqual({
      ok: true,
      entries: [
        { month: '2026-03', units: 100000 },
        { month: '2026-04', units: 250050 },
        { month: '2026-05', units: 30000 },
      ],
    });
  });

  it('skips a month for an empty cell in the column', () => {
    expect(parsePaste('100\n\n300', options)).toEqual({
      ok: true,
      entries: [
        { month: '2026-03', units: 10000 },
        { month: '2026-05', units: 30000 },
      ],
    });
  });

  it('reads a row of tab-separated amounts', () => {
    expect(parsePaste('100\t200\t300', options)).toMatchObject({
      ok: true,
      entries: [{ month: '2026-03' }, { month: '2026-04' }, { month: '2026-05' }],
    });
  });

  it('reads months and amounts side by side, under a header line', () => {
    expect(
      parsePaste('Month\tAmount\nJan 2027\t1.234,50\n2027-02\t99', { ...options, locale: 'de-DE' }),
    ).toEqual({
      ok: true,
      entries: [
        { month: '2027-01', units: 123450 },
        { month: '2027-02', units: 9900 },
      ],
    });
  });

  it('reads a row of months above a row of amounts', () => {
    expect(parsePaste('Mar 2026\tApr 2026\n10\t20', options)).toEqual({
      ok: true,
      entries: [
        { month: '2026-03', units: 1000 },
        { month: '2026-04', units: 2000 },
      ],
    });
  });

  it('names the line that is not an amount', () => {
    expect(parsePaste('100\nabc', options)).toEqual({
      ok: false,
      message: 'Line 2: "abc" is not an amount.',
    });
    expect(parsePaste('100\n-5', options)).toEqual({
      ok: false,
      message: 'Line 2: "-5" is negative; amounts are 0 or more.',
    });
  });

  it('asks for the first month when the amounts come without months', () => {
    expect(parsePaste('100', { ...options, firstMonth: null })).toEqual({
      ok: false,
      message: 'Choose the first month of the pasted amounts.',
    });
  });

  it('refuses a month pasted twice', () => {
    expect(parsePaste('2026-03\t1\n2026-03\t2', options)).toEqual({
      ok: false,
      message: 'Line 2: 2026-03 appears twice.',
    });
  });

  it('refuses nothing at all', () => {
    expect(parsePaste(' \n ', options)).toEqual({ ok: false, message: 'Paste at least one amount.' });
  });
});
