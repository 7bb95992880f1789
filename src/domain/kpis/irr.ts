import { computed, notComputable, type Kpi, type KpiInput } from './kpi';
import { netCashFlows } from './net-cash-flows';

/**
 * Internal rate of return: the annual rate at which the NPV of the monthly net cash flows
 * (`netCashFlows`) is 0.
 *
 * Units: an annual rate as a decimal, nominal and compounded monthly, the same convention as the
 * discount rate (monthly rate = irr / 12). So `npv` computed with `discountRate = irr` is 0, and
 * irr > discountRate exactly when npv > 0. The effective annual rate is (1 + irr / 12)^12 - 1.
 *
 * Method: the monthly rate r solves Σ CF_t (1 + r)^-t = 0 (t counted from the first non-zero
 * flow). Writing x = 1 / (1 + r) turns this into a polynomial with as many sign changes in its
 * coefficients as the flows have; with exactly one, Descartes' rule of signs guarantees exactly
 * one positive root, i.e. one rate above -100%, which bisection finds to full double precision.
 * Example: flows -1000 then +1100 a month later -> r = 10% a month -> irr = 1.2.
 * Edge cases: flows that never change sign (all costs, all benefits, no flows) -> not
 * computable, `NO_SIGN_CHANGE`; more than one change -> `SEVERAL_SIGN_CHANGES`, since several
 * rates may then solve the equation. Zero months are skipped when counting changes.
 */
export function irr(input: KpiInput): Kpi<number, 'NO_SIGN_CHANGE' | 'SEVERAL_SIGN_CHANGES'> {
  const flows = withoutLeadingAndTrailingZeros(netCashFlows(input));
  const signChanges = countSignChanges(flows);
  if (signChanges === 0) {
    return notComputable('NO_SIGN_CHANGE');
  }
  if (signChanges > 1) {
    return notComputable('SEVERAL_SIGN_CHANGES');
  }
  return computed(12 * monthlyRateOf(flows));
}

function withoutLeadingAndTrailingZeros(flows: readonly number[]): number[] {
  const first = flows.findIndex((flow) => flow !== 0);
  const last = flows.findLastIndex((flow) => flow !== 0);
  return first === -1 ? [] : flows.slice(first, last + 1);
}

function countSignChanges(flows: readonly number[]): number {
  let changes = 0;
  let previousSign = 0;
  for (let column = 0; column < flows.length; column += 1) {
    const sign = Math.sign(flows[column] ?? 0);
    if (sign !== 0) {
      if (previousSign !== 0 && sign !== previousSign) {
        changes += 1;
      }
      previousSign = sign;
    }
  }
  return changes;
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
 * and change sign once. With x = 1/(1+r): if Σ flows (x = 1, r = 0) has the sign of the first
 * flow, the root has x > 1 (r < 0), and is found as y = 1/x in (0, 1) of the reversed polynomial,
 * which keeps every power of a number <= 1 and so never overflows.
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
