import type { Epic } from '../model/epic';
import type { MinorUnits } from '../money/minor-units';
import {
  addReduction,
  createEpicReduction,
  createTotalsBuffer,
  reduceEpic,
  toValueTotals,
} from './totals-buffer';
import type { ValueTotals } from './value-totals';

/** The model's amounts are minor units already. */
const asMinorUnits = (amount: MinorUnits): number => amount;

/** The totals of a single epic (what the epic panel's KPIs are computed from). */
export function totalsOfEpic({ epic }: { epic: Epic }): ValueTotals {
  return totalsOfEpics({ epics: [epic] });
}

/**
 * The totals of a set of epics. Equal to merging `totalsOfEpic` of each epic in any order, but
 * without building the intermediate JSON per epic.
 */
export function totalsOfEpics({ epics }: { epics: Iterable<Epic> }): ValueTotals {
  const buffer = createTotalsBuffer();
  const reduction = createEpicReduction();
  for (const epic of epics) {
    reduceEpic(reduction, epic, asMinorUnits);
    addReduction(buffer, reduction);
  }
  return toValueTotals(buffer);
}
