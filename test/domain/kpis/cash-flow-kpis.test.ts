import fc from 'fast-check';
import {
  DomainInvariantError,
  emptyTotals,
  irr,
  netCashFlows,
  npv,
  paybackMonth,
  type ValueTotals,
} from '../../../src/domain';
import { totalsWith } from '../../fixtures/value-builders';

/**
 * Totals whose net cash flows, as of `asOf`, are `flows` (minor units) from `firstMonth`: past
 * flows go to realised benefit (inflow) or actual cost (outflow), future ones to risk-weighted
 * planned benefit or planned cost.
 */
function totalsWithFlows(firstMonth: string, asOfColumn: number, flows: readonly number[]): ValueTotals {
  const inflow = flows.map((flow) => Math.max(flow, 0));
  const outflow = flows.map((flow) => Math.max(-flow, 0));
  const past = (values: number[]) => values.map((value, column) => (column <= asOfColumn ? value : 0));
  const future = (values: number[]) => values.map((value, column) => (column > asOfColumn ? value : 0));
  return totalsWith(firstMonth, {
    realisedBenefit: past(inflow),
    actualCost: past(outflow),
    riskWeightedPlannedBenefit: future(inflow),
    plannedCost: future(outflow),
  });
}

/** The worked example's portfolio flows: Jan..May 2026 as of March (column 2). */
const WORKED_FLOWS = [-210000, 10000, 90000, 40000, 110000];
const worked = totalsWithFlows('2026-01', 2, WORKED_FLOWS);

describe(netCashFlows.name, () => {
  it('uses what happened up to as-of and the risk-weighted plan after it', () => {
    const totals = totalsWith('2026-01', {
      realisedBenefit: [100, 200, 300],
      actualCost: [50, 0, 999],
      riskWeightedPlannedBenefit: [999, 999, 70],
      plannedCost: [999, 999, 20],
    });
    expect(netCashFlows({ totals, asOf: '2026-02' })).toEqual([100 - 50, 200 - 0, 70 - 20]);
  });
});

describe(npv.name, () => {
  it('returns 333.16 EUR for the worked example at 12% a year (1% a month), as of 2026-03', () => {
    // -2100 x 1.01^2 + 100 x 1.01 + 900 + 400 / 1.01 + 1100 / 1.01^2 = 333.1552583 EUR
    expect(npv({ totals: worked, asOf: '2026-03', discountRate: 0.12 })).toBe(33316);
  });

  it('discounts a future month and compounds a past one', () => {
    const future = totalsWithFlows('2026-04', -1, [101000]);
    expect(npv({ totals: future, asOf: '2026-03', discountRate: 0.12 })).toBe(100000); // 1010 / 1.01
    const past = totalsWithFlows('2026-02', 0, [100000]);
    expect(npv({ totals: past, asOf: '2026-03', discountRate: 0.12 })).toBe(101000); // 1000 x 1.01
  });

  it('returns the plain sum of the flows at a discount rate of 0', () => {
    expect(npv({ totals: worked, asOf: '2026-03', discountRate: 0 })).toBe(40000); // -2100 + 100 + 900 + 400 + 1100
  });

  it('returns 0 when there are no cash flows', () => {
    expect(npv({ totals: emptyTotals(), asOf: '2026-03', discountRate: 0.08 })).toBe(0);
  });

  it('throws for a discount rate given in percent (8 instead of 0.08)', () => {
    expect(() => npv({ totals: worked, asOf: '2026-03', discountRate: 8 })).toThrow(DomainInvariantError);
  });
});

describe(paybackMonth.name, () => {
  it('returns the first month the running total is back at or above 0: 2026-05 for the worked example', () => {
    // running totals: -2100, -2000, -1100, -700, +400
    expect(paybackMonth({ totals: worked, asOf: '2026-03' })).toEqual({ value: '2026-05' });
  });

  it('counts a running total of exactly 0 as paid back', () => {
    const totals = totalsWithFlows('2026-01', 5, [-500, 200, 300, 100]);
    expect(paybackMonth({ totals, asOf: '2026-06' })).toEqual({ value: '2026-03' });
  });

  it('returns the first recovery even if the total dips below 0 again later', () => {
    const totals = totalsWithFlows('2026-01', 5, [-100, 150, -200, 10]);
    expect(paybackMonth({ totals, asOf: '2026-06' })).toEqual({ value: '2026-02' });
  });

  it('returns NEVER_IN_DEFICIT when benefits come before any cost, or there are no flows', () => {
    expect(paybackMonth({ totals: totalsWithFlows('2026-01', 5, [100, -100]), asOf: '2026-06' })).toEqual({
      value: null,
      reason: 'NEVER_IN_DEFICIT',
    });
    expect(paybackMonth({ totals: emptyTotals(), asOf: '2026-06' })).toEqual({
      value: null,
      reason: 'NEVER_IN_DEFICIT',
    });
  });

  it('returns NOT_RECOVERED when the total never gets back to 0', () => {
    expect(
      paybackMonth({ totals: totalsWithFlows('2026-01', 5, [-1000, 300, 300]), asOf: '2026-06' }),
    ).toEqual({
      value: null,
      reason: 'NOT_RECOVERED',
    });
  });

  it('can lie in the future, on the risk-weighted plan', () => {
    const planned = totalsWithFlows('2026-04', -1, [-50000, 30000, 30000]);
    expect(paybackMonth({ totals: planned, asOf: '2026-03' })).toEqual({ value: '2026-06' });
  });
});

describe(irr.name, () => {
  it('returns 12 x the monthly rate: -1000 then +1100 a month later is 10% a month, 1.2 a year', () => {
    const result = irr({ totals: totalsWithFlows('2026-01', 5, [-100000, 110000]), asOf: '2026-06' });
    expect(result.value).toBeCloseTo(1.2, 12);
  });

  it('matches numpy on the worked example: 12 x (1/x - 1) for the positive root x of np.roots([1100, 400, 900, 100, -2100])', () => {
    // numpy 2.4: 0.7251160825979994
    expect(irr({ totals: worked, asOf: '2026-03' }).value).toBeCloseTo(0.7251160825979994, 12);
  });

  it('returns a negative rate when less comes back than went in: -1000 then +500 is -50% a month', () => {
    expect(
      irr({ totals: totalsWithFlows('2026-01', 5, [-100000, 50000]), asOf: '2026-06' }).value,
    ).toBeCloseTo(-6, 12);
  });

  it('skips months without flows when counting sign changes', () => {
    const result = irr({ totals: totalsWithFlows('2026-01', 5, [-100000, 0, 0, 110000]), asOf: '2026-06' });
    expect(result.value).toBeCloseTo(12 * (1.1 ** (1 / 3) - 1), 12);
  });

  it('also solves a loan-like flow that starts positive: +1000 then -1100 is 10% a month', () => {
    expect(
      irr({ totals: totalsWithFlows('2026-01', 5, [100000, -110000]), asOf: '2026-06' }).value,
    ).toBeCloseTo(1.2, 12);
  });

  it('returns NO_SIGN_CHANGE for only costs, only benefits, or no flows', () => {
    const noChange = { value: null, reason: 'NO_SIGN_CHANGE' };
    expect(irr({ totals: totalsWithFlows('2026-01', 5, [-5, -6]), asOf: '2026-06' })).toEqual(noChange);
    expect(irr({ totals: totalsWithFlows('2026-01', 5, [5, 0, 6]), asOf: '2026-06' })).toEqual(noChange);
    expect(irr({ totals: emptyTotals(), asOf: '2026-06' })).toEqual(noChange);
  });

  it('returns SEVERAL_SIGN_CHANGES when the flows change sign more than once', () => {
    expect(irr({ totals: totalsWithFlows('2026-01', 5, [-100, 300, -250]), asOf: '2026-06' })).toEqual({
      value: null,
      reason: 'SEVERAL_SIGN_CHANGES',
    });
  });

  it('is the discount rate at which npv is 0', () => {
    fc.assert(
      fc.property(
        // npv accepts discount rates of 0..100% a year, so the flows are built to have an irr in
        // that range: the investment is what the returns are worth at a chosen rate below 95%.
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 24 }),
        (chosenRate, returns) => {
          const positiveReturns = [...returns.slice(0, -1), (returns.at(-1) ?? 0) + 1];
          const growth = 1 + chosenRate / 12;
          const worth = positiveReturns.reduce(
            (sum, value, index) => sum + value * growth ** -(index + 1),
            0,
          );
          const flows = [-Math.max(1, Math.round(worth)), ...positiveReturns];
          const totals = totalsWithFlows('2026-01', -1, flows);
          const rate = irr({ totals, asOf: '2025-12' }).value;
          // Rounding the investment to a whole minor unit can push a rate near 0 just below it.
          fc.pre(rate !== null && rate >= 0 && rate <= 1);
          const scale = flows.reduce((sum, flow) => sum + Math.abs(flow), 0);
          expect(Math.abs(npv({ totals, asOf: '2025-12', discountRate: rate }))).toBeLessThanOrEqual(
            1 + scale * 1e-9,
          );
        },
      ),
    );
  });
});
