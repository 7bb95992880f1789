import type { ImportFieldChange } from '../../../../../src/contract/admin.contract';
import { formatMoney, formatRatio } from '../../../shared/format';

/** One side of a change as text: money in the file's currency, ratios as percentages, "none" for null. */
export function changeValueText(
  value: ImportFieldChange['before'],
  unit: ImportFieldChange['unit'],
  currency: string,
): string {
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'money':
      return formatMoney(value, currency);
    case 'ratio':
      return formatRatio(value);
    case 'number':
    case 'text':
      return value.toLocaleString();
  }
}

/** A change as one sentence: "Discount rate: 8% → 10%". */
export function changeText(change: ImportFieldChange, currency: string): string {
  return `${change.field}: ${changeValueText(change.before, change.unit, currency)} → ${changeValueText(change.after, change.unit, currency)}`;
}
