/*
 * Exact counting of the real roots of an integer polynomial in the open interval (0, 1), for
 * `irr` where Norstrom's criterion cannot tell how many rates solve the flows. Cash flows are
 * integers (minor units), so the count is done in BigInt and proves what it says.
 *
 * Method (Vincent's theorem, as in the Vincent-Collins-Akritas root isolation): the roots of P in
 * (0, 1) are the positive roots of Q(x) = (1 + x)^n P(1 / (1 + x)). By Descartes' rule of signs,
 * Q has at most as many positive roots as its coefficients change sign, and the same count modulo
 * 2: 0 changes prove no root, 1 proves exactly one. Otherwise the interval is halved, P(x/2) and
 * P((x + 1)/2) (scaled by 2^n to stay integral) covering (0, 1/2) and (1/2, 1), and each half is
 * counted the same way. For a polynomial without repeated roots the halving ends (Vincent's
 * theorem); a repeated root, a root exactly at a split point, or too much work gives `null`.
 */

/** Additions of BigInts one count may spend: about a tenth of a second at worst. */
const WORK_BUDGET = 400_000;
/** Halvings before giving up: roots closer than 2^-40 are not told apart. */
const MAX_DEPTH = 40;

function signChanges(coefficients: readonly bigint[]): number {
  let changes = 0;
  let previous = 0n;
  for (const coefficient of coefficients) {
    if (coefficient !== 0n) {
      if (previous !== 0n && coefficient < 0n !== previous < 0n) changes += 1;
      previous = coefficient;
    }
  }
  return changes;
}

interface Work {
  spent: number;
}

/** P(x + 1) in place, by repeated synthetic division: n^2 / 2 additions. */
function shiftByOne(coefficients: bigint[], work: Work): void {
  const n = coefficients.length - 1;
  for (let start = 0; start < n; start += 1) {
    for (let index = n - 1; index >= start; index -= 1) {
      coefficients[index] = (coefficients[index] ?? 0n) + (coefficients[index + 1] ?? 0n);
    }
  }
  work.spent += (n * (n + 1)) / 2;
}

/** Sign changes of (1 + x)^n P(1 / (1 + x)): x^n P(1/x) reversed, then shifted by one. */
function descartesBound(coefficients: readonly bigint[], work: Work): number {
  const transformed = [...coefficients].reverse();
  shiftByOne(transformed, work);
  return signChanges(transformed);
}

function count(coefficients: readonly bigint[], depth: number, work: Work): number | null {
  const bound = descartesBound(coefficients, work);
  if (bound <= 1) return bound;
  if (depth >= MAX_DEPTH || work.spent > WORK_BUDGET) return null;
  const n = coefficients.length - 1;
  // 2^n P(x/2): covers (0, 1/2). Its value at x = 1 is 2^n P(1/2).
  const left = coefficients.map((coefficient, power) => coefficient << BigInt(n - power));
  if (left.reduce((sum, coefficient) => sum + coefficient, 0n) === 0n) return null;
  // 2^n P((x + 1)/2): covers (1/2, 1).
  const right = [...left];
  shiftByOne(right, work);
  const inLeft = count(left, depth + 1, work);
  if (inLeft === null) return null;
  const inRight = count(right, depth + 1, work);
  return inRight === null ? null : inLeft + inRight;
}

/**
 * How many distinct real roots the polynomial Σ coefficients[t] x^t has in the open interval
 * (0, 1), or null when it cannot tell (see the file comment). Coefficients are integers, from the
 * constant term up.
 */
export function realRootsInUnitInterval(coefficients: readonly bigint[]): number | null {
  if (coefficients.every((coefficient) => coefficient === 0n)) return null;
  return count(coefficients, 0, { spent: 0 });
}
