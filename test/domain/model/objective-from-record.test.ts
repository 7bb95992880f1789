import { objectiveFromRecord } from '../../../src/domain';

const record = { id: 'OBJ-1', name: 'Grow revenue', status: 'active' as const, weight: 3 };

describe(objectiveFromRecord.name, () => {
  it('converts the target amount to minor units and keeps measure and date', () => {
    const target = { measure: 'Revenue', amount: 250_000.5, date: '2026-12-31' };
    expect(objectiveFromRecord({ objective: { ...record, target }, currencyExponent: 2 })).toEqual({
      ...record,
      target: { measure: 'Revenue', amount: 25_000_050, date: '2026-12-31' },
    });
  });

  it('returns a null target when there is none, absent or null', () => {
    expect(objectiveFromRecord({ objective: record, currencyExponent: 2 }).target).toBeNull();
    expect(
      objectiveFromRecord({ objective: { ...record, target: null }, currencyExponent: 2 }).target,
    ).toBeNull();
  });

  it('rounds half to even an amount with more decimals than the currency, rather than failing', () => {
    // A target stored in EUR read after the site moved to JPY.
    const target = { measure: 'Revenue', amount: 10.5, date: '2026-12-31' };
    expect(
      objectiveFromRecord({ objective: { ...record, target }, currencyExponent: 0 }).target?.amount,
    ).toBe(10);
  });

  it('holds an amount beyond every possible total at 2^53 - 1 minor units', () => {
    const target = { measure: 'Revenue', amount: 1e300, date: '2026-12-31' };
    expect(
      objectiveFromRecord({ objective: { ...record, target }, currencyExponent: 2 }).target?.amount,
    ).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('leaves out a target whose date has no real month, as an old record may hold', () => {
    const target = { measure: 'Revenue', amount: 100, date: '2026-13-01' };
    expect(objectiveFromRecord({ objective: { ...record, target }, currencyExponent: 2 }).target).toBeNull();
  });
});
