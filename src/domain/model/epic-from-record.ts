import { toMinorUnits, type CurrencyExponent } from '../money/minor-units';
import type { MonthlyAmount } from './benefit';
import type { Epic } from './epic';
import type { EpicRecord } from './portfolio-record';
import { epicRangesFromRecord } from '../ranges/estimates-from-record';

/**
 * Converts an epic as written in a document (decimal amounts) to the engine's model (minor
 * units), e.g. to compute its KPIs with `epicKpis`.
 *
 * @throws DomainInvariantError when an amount has more decimals than the currency allows or is
 *   negative: validate documents with the contract first.
 */
export function epicFromRecord({
  epic,
  currencyExponent,
}: {
  epic: EpicRecord;
  currencyExponent: CurrencyExponent;
}): Epic {
  const toMonthly = (entry: MonthlyAmount<number>): MonthlyAmount => ({
    month: entry.month,
    amount: toMinorUnits({ amount: entry.amount, currencyExponent }),
  });
  const { value } = epic;
  return {
    ...epic,
    value: {
      ...value,
      benefits: value.benefits.map((benefit) => ({
        ...benefit,
        planned: benefit.planned.map(toMonthly),
        realised: benefit.realised.map((entry) => ({ ...toMonthly(entry), evidence: entry.evidence })),
      })),
      costs: { planned: value.costs.planned.map(toMonthly), actual: value.costs.actual.map(toMonthly) },
      baseline:
        value.baseline === undefined
          ? undefined
          : {
              ...value.baseline,
              benefits: value.baseline.benefits.map((benefit) => ({
                ...benefit,
                planned: benefit.planned.map(toMonthly),
              })),
              plannedCost: value.baseline.plannedCost.map(toMonthly),
            },
      ...(value.ranges === undefined
        ? {}
        : { ranges: epicRangesFromRecord({ ranges: value.ranges, currencyExponent }) }),
    },
  } satisfies Epic;
}
