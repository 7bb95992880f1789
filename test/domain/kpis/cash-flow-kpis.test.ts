import fc from 'fast-check';
import {
  discountedPaybackMonth,
  DomainInvariantError,
  emptyTotals,
  irr,
  mirr,
  netCashFlows,
  npv,
  paybackMonth,
} from '../../../src/domain';
import { totalsWithFlows } from '../../fixtures/cash-flow-totals';
import { totalsWith } from '../../fixtures/value-builders';

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

  it('returns the one rate of flows that change sign three times when the cumulative flow changes once (Norstrom)', () => {
    // -1000, +600, -100, +700: cumulative -1000, -400, -500, +200; backwards +700, +600, +1200, +200.
    // numpy-financial irr([-1000, 600, -100, 700]) = 0.0937320206757926 a month.
    const result = irr({
      totals: totalsWithFlows('2026-01', 5, [-100000, 60000, -10000, 70000]),
      asOf: '2026-06',
    });
    expect(result.value).toBeCloseTo(12 * 0.0937320206757926, 9);
  });

  it('returns a unique negative rate when the cumulative flow read backwards changes sign once', () => {
    // +700, -100, +600, -1000 read from the end: -1000, -400, -500, +200 once; forwards +700, +600,
    // +1200, +200 never. So only a rate below 0: 700 - 100 x + 600 x^2 - 1000 x^3 = 0 with x = 1/(1+r).
    const result = irr({
      totals: totalsWithFlows('2026-01', 5, [70000, -10000, 60000, -100000]),
      asOf: '2026-06',
    });
    const monthly = (result.value ?? Number.NaN) / 12;
    expect(monthly).toBeLessThan(0);
    const x = 1 / (1 + monthly);
    expect(700 - 100 * x + 600 * x ** 2 - 1000 * x ** 3).toBeCloseTo(0, 9);
  });

  it('returns SEVERAL_RATES_POSSIBLE when two rates solve the flows: -100, +230, -132 at 10% and 20% a month', () => {
    expect(irr({ totals: totalsWithFlows('2026-01', 5, [-10000, 23000, -13200]), asOf: '2026-06' })).toEqual({
      value: null,
      reason: 'SEVERAL_RATES_POSSIBLE',
    });
  });

  it('returns SEVERAL_RATES_POSSIBLE when the flows sum to 0 and change sign more than once (0% and maybe more)', () => {
    expect(irr({ totals: totalsWithFlows('2026-01', 5, [-100, 300, -200]), asOf: '2026-06' })).toEqual({
      value: null,
      reason: 'SEVERAL_RATES_POSSIBLE',
    });
  });

  it('returns NO_RATE_SOLVES when the flows change sign but no rate makes the npv 0: +5, -1, +5', () => {
    expect(irr({ totals: totalsWithFlows('2026-01', 5, [500, -100, 500]), asOf: '2026-06' })).toEqual({
      value: null,
      reason: 'NO_RATE_SOLVES',
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

describe(mirr.name, () => {
  it('returns the worked example at 1% a month: 12 x ((2525.1201 / 2100)^(1/4) - 1)', () => {
    // inflows carried to May: 100 x 1.01^3 + 900 x 1.01^2 + 400 x 1.01 + 1100; outflows at January: 2100
    expect(mirr({ totals: worked, asOf: '2026-03', discountRate: 0.12 }).value).toBeCloseTo(
      12 * ((2525.1201 / 2100) ** (1 / 4) - 1),
      12,
    );
  });

  it('has a value where irr has several: -100, +230, -132 at 12% a year', () => {
    // FV of inflows at month 2: 230 x 1.01; PV of outflows: 100 + 132 / 1.01^2
    const expected = 12 * ((230 * 1.01) / (100 + 132 / 1.01 ** 2)) ** (1 / 2) - 12;
    const totals = totalsWithFlows('2026-01', 5, [-10000, 23000, -13200]);
    expect(mirr({ totals, asOf: '2026-06', discountRate: 0.12 }).value).toBeCloseTo(expected, 12);
  });

  it('equals irr when money is reinvested at the irr itself: -1000 then +1100 at 120% a year', () => {
    const totals = totalsWithFlows('2026-01', 5, [-100000, 110000]);
    expect(mirr({ totals, asOf: '2026-06', discountRate: 1 }).value).toBeCloseTo(1.2, 12);
  });

  it('returns NO_SIGN_CHANGE without an inflow or without an outflow', () => {
    const noChange = { value: null, reason: 'NO_SIGN_CHANGE' };
    expect(
      mirr({ totals: totalsWithFlows('2026-01', 5, [-5, -6]), asOf: '2026-06', discountRate: 0.1 }),
    ).toEqual(noChange);
    expect(mirr({ totals: emptyTotals(), asOf: '2026-06', discountRate: 0.1 })).toEqual(noChange);
  });

  it('throws for a discount rate given in percent', () => {
    expect(() => mirr({ totals: worked, asOf: '2026-03', discountRate: 12 })).toThrow(DomainInvariantError);
  });
});

describe(discountedPaybackMonth.name, () => {
  it('returns 2026-05 for the worked example: running present values -2142.21 .. +333.16', () => {
    expect(discountedPaybackMonth({ totals: worked, asOf: '2026-03', discountRate: 0.12 })).toEqual({
      value: '2026-05',
    });
  });

  it('comes later than the undiscounted payback when the discount eats the margin', () => {
    // Undiscounted -1000 + 1005 >= 0 in February; at 12% a year 1005 / 1.01 = 995.05 is not enough,
    // and March's 100 / 1.01^2 brings it back.
    const totals = totalsWithFlows('2026-01', -1, [-100000, 100500, 10000]);
    expect(paybackMonth({ totals, asOf: '2025-12' })).toEqual({ value: '2026-02' });
    expect(discountedPaybackMonth({ totals, asOf: '2025-12', discountRate: 0.12 })).toEqual({
      value: '2026-03',
    });
  });

  it('returns NOT_RECOVERED when only the undiscounted total recovers', () => {
    const totals = totalsWithFlows('2026-01', -1, [-100000, 100500]);
    expect(discountedPaybackMonth({ totals, asOf: '2025-12', discountRate: 0.12 })).toEqual({
      value: null,
      reason: 'NOT_RECOVERED',
    });
  });

  it('equals paybackMonth at a discount rate of 0, and returns NEVER_IN_DEFICIT without a deficit', () => {
    expect(discountedPaybackMonth({ totals: worked, asOf: '2026-03', discountRate: 0 })).toEqual(
      paybackMonth({ totals: worked, asOf: '2026-03' }),
    );
    expect(discountedPaybackMonth({ totals: emptyTotals(), asOf: '2026-03', discountRate: 0.1 })).toEqual({
      value: null,
      reason: 'NEVER_IN_DEFICIT',
    });
  });
});
