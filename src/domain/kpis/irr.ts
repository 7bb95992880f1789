import { countSignChanges, cumulativeSums, withoutLeadingAndTrailingZeros } from './cash-flow-signs';
import { computed, notComputable, type Kpi, type KpiInput } from './kpi';
import { netCashFlows } from './net-cash-flows';
import { realRootsInUnitInterval } from './real-roots-in-unit-interval';

export type IrrReason = 'NO_SIGN_CHANGE' | 'NO_RATE_SOLVES' | 'SEVERAL_RATES_POSSIBLE';

/**
 * Internal rate of return: the annual rate at which the NPV of the monthly net cash flows
 * (`netCashFlows`) is 0, given only when exactly one rate above -100% does so.
 *
 * Units: an annual rate as a decimal, nominal and compounded monthly, the same convention as the
 * discount rate (monthly rate = irr / 12). So `npv` computed with `discountRate = irr` is 0, and
 * irr > discountRate exactly when npv > 0. The effective annual rate is (1 + irr / 12)^12 - 1.
 *
 * Method: the monthly rate r solves P(v) = Σ CF_t v^t = 0 with v = 1 / (1 + r), t counted from
 * the first non-zero flow. Rates r > 0 are roots v in (0, 1), rates in (-1, 0) roots w = 1 / v in
 * (0, 1) of the reversed polynomial, and r = 0 is a root exactly when Σ CF_t = 0. The number of
 * roots is proven, never guessed:
 * 1. Descartes' rule of signs: flows that change sign exactly once have exactly one root.
 * 2. Otherwise Norstrom's criterion (1972), applied in both directions: P(v) / (1 - v) is the power
 *    series whose coefficients are the cumulative flows A_0 .. A_n, then A_n forever, so on
 *    (0, 1) it has at most as many roots as the cumulative flows change sign, and the same count
 *    modulo 2. With Σ CF_t = A_n != 0, one sign change of the cumulative flows read forwards
 *    means exactly one rate above 0, one read backwards (from the last month) exactly one rate
 *    in (-1, 0). Exactly one change over both directions: a unique rate. None in either: no
 *    rate solves the equation.
 * 3. Otherwise the roots are counted exactly on the integer flows (`realRootsInUnitInterval`:
 *    Descartes' rule after mapping (0, 1) to (0, infinity), halving the interval until each part
 *    holds at most one sign change), in both directions, plus r = 0 when the flows sum to 0.
 *    One in all: a unique rate. None: no rate. Several, or a count that cannot tell (a repeated
 *    root, a root exactly at a halving point, more work than its budget): several rates solve it,
 *    or may.
 * The root is then found by bisection on (0, 1) to full double precision.
 * Example: flows -1000 then +1100 a month later -> r = 10% a month -> irr = 1.2. Flows -1000,
 * +600, -100, +700 change sign three times, but their cumulative flow (-1000, -400, -500, +200)
 * only once and backwards (+700, +600, +1200, +200) never: one rate, r = 9.3732% a month,
 * irr = 1.1248.
 * Flows -100, +110, -15, +205 have a cumulative flow that changes sign three times (Norstrom allows
 * 1 or 3 rates), but the exact count finds one: r = 71.1896% a month (numpy-financial 0.71189611).
 * Edge cases: flows that never change sign (all costs, all benefits, no flows) ->
 * `NO_SIGN_CHANGE`; several changes and no rate at all (+5, -1, +5: P > 0 everywhere) ->
 * `NO_RATE_SOLVES`; several changes and several rates (-100, +230, -132 is solved by both 10%
 * and 20% a month), or a count that cannot tell -> `SEVERAL_RATES_POSSIBLE`. Zero months are
 * skipped when counting changes.
 */
export function irr(input: KpiInput): Kpi<number, IrrReason> {
  const flows = withoutLeadingAndTrailingZeros(netCashFlows(input));
  const signChanges = countSignChanges(flows);
  if (signChanges === 0) {
    return notComputable('NO_SIGN_CHANGE');
  }
  if (signChanges > 1) {
    const norstrom = ratesProvenByNorstrom(flows);
    const rates = norstrom === 2 ? (ratesCountedExactly(flows) ?? 2) : norstrom;
    if (rates !== 1) {
      return notComputable(rates === 0 ? 'NO_RATE_SOLVES' : 'SEVERAL_RATES_POSSIBLE');
    }
  }
  return computed(12 * monthlyRateOf(flows));
}

/**
 * How many monthly rates above -100% solve the flows by Norstrom's criterion: 0 or 1 when it
 * proves that many, 2 when it proves at least two or cannot tell (the total is 0, so r = 0 is a
 * root besides any other, or the cumulative flows change sign more than once in a direction).
 */
function ratesProvenByNorstrom(flows: readonly number[]): 0 | 1 | 2 {
  const forward = cumulativeSums(flows);
  if ((forward.at(-1) ?? 0) === 0) {
    return 2;
  }
  const aboveZero = countSignChanges(forward);
  const belowZero = countSignChanges(cumulativeSums([...flows].reverse()));
  const rates = aboveZero + belowZero;
  return rates === 0 ? 0 : rates === 1 ? 1 : 2;
}

/**
 * How many monthly rates above -100% solve the integer flows, counted exactly: roots x in (0, 1)
 * of Σ CF_t x^t (rates above 0), of the reversed polynomial (rates in (-1, 0)), and r = 0 when
 * the flows sum to 0; capped at 2, and null when a count cannot tell (`realRootsInUnitInterval`)
 * or the flows are not whole minor units.
 */
function ratesCountedExactly(flows: readonly number[]): 0 | 1 | 2 | null {
  if (!flows.every((flow) => Number.isSafeInteger(flow))) return null;
  const coefficients = flows.map((flow) => BigInt(flow));
  const above = realRootsInUnitInterval(coefficients);
  if (above === null || above > 1) return above === null ? null : 2;
  const below = realRootsInUnitInterval([...coefficients].reverse());
  if (below === null) return null;
  const atZero = coefficients.reduce((sum, flow) => sum + flow, 0n) === 0n ? 1 : 0;
  const rates = above + below + atZero;
  return rates === 0 ? 0 : rates === 1 ? 1 : 2;
}

/** Σ coefficients[t] x^t by Horner's rule. */
function polynomialAt(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let t = coefficients.length - 1; t >= 0; t -= 1) {
    value = value * x + (coefficients[t] ?? 0);
  }
  return value;
}

/**
 * The root in (0, 1] of a polynomial whose value at 0 (`coefficients[0]`) and at 1 differ in
 * sign or vanish at 1, found by bisection until the interval stops shrinking.
 */
function rootInUnitInterval(coefficients: readonly number[]): number {
  let low = 0;
  let high = 1;
  const signAtLow = Math.sign(coefficients[0] ?? 0);
  for (;;) {
    const middle = (low + high) / 2;
    if (middle <= low || middle >= high) {
      return middle;
    }
    const value = polynomialAt(coefficients, middle);
    if (value === 0) {
      return middle;
    }
    if (Math.sign(value) === signAtLow) {
      low = middle;
    } else {
      high = middle;
    }
  }
}

/**
 * The monthly rate r > -1 with Σ flows[t] (1 + r)^-t = 0, for flows that start and end non-zero
 * and have exactly one such rate. With x = 1/(1+r): if Σ flows (x = 1, r = 0) has the sign of the
 * first flow, the root has x > 1 (r < 0), and is found as y = 1/x in (0, 1) of the reversed
 * polynomial, which keeps every power of a number <= 1 and so never overflows. Either way the
 * polynomial's values at the ends of (0, 1) differ in sign, which the uniqueness proofs of `irr`
 * guarantee (the first and last cumulative flow differ in sign in the direction holding the root).
 */
function monthlyRateOf(flows: readonly number[]): number {
  const atZeroRate = flows.reduce((sum, flow) => sum + flow, 0);
  if (atZeroRate === 0) {
    return 0;
  }
  if (Math.sign(atZeroRate) !== Math.sign(flows[0] ?? 0)) {
    const x = rootInUnitInterval(flows);
    return 1 / x - 1;
  }
  const y = rootInUnitInterval([...flows].reverse());
  return y - 1;
}
