import { toMinorUnits, type CurrencyExponent } from '../money/minor-units';
import type { BenefitRangeEstimate, EpicRanges } from './estimates';

/** An epic's ranges as written in a document: amount ranges in decimals of the site currency. */
export type EpicRangesRecord = EpicRanges;

/**
 * The engine's form of an epic's ranges: amount ranges converted to minor units, percentages
 * kept. Validate documents with `parseEpicRanges` (src/contract) first.
 */
export function epicRangesFromRecord({
  ranges,
  currencyExponent,
}: {
  ranges: EpicRangesRecord;
  currencyExponent: CurrencyExponent;
}): EpicRanges {
  const toMinor = (amount: number) => toMinorUnits({ amount, currencyExponent });
  return {
    benefits: ranges.benefits.map((range): BenefitRangeEstimate =>
      range.basis === 'amount'
        ? { ...range, low: toMinor(range.low), likely: toMinor(range.likely), high: toMinor(range.high) }
        : range,
    ),
    costOverrun: ranges.costOverrun,
  };
}
