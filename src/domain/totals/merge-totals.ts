import { addTotals, createTotalsBuffer, toValueTotals } from './totals-buffer';
import type { ValueTotals } from './value-totals';

/**
 * The totals of the union of two disjoint sets of epics. Commutative and associative, exactly
 * (integer sums only), with `emptyTotals()` as identity; the result is in canonical form.
 */
export function mergeTotals(a: ValueTotals, b: ValueTotals): ValueTotals {
  return sumTotals({ parts: [a, b] });
}

/** The totals of the union of any number of disjoint parts, e.g. per-project aggregates. */
export function sumTotals({ parts }: { parts: Iterable<ValueTotals> }): ValueTotals {
  const buffer = createTotalsBuffer();
  for (const part of parts) {
    addTotals(buffer, part);
  }
  return toValueTotals(buffer);
}
