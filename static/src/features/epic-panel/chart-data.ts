import type { EpicValueDocument } from '../../../../src/contract/epic-value.schema';
import { monthsFrom } from '../../shared/months';
import { benefitSignOf } from './net-benefit';

export interface ChartPoint {
  month: string;
  planned: number;
  /** Null after the as-of month: what is dated later has not happened yet. */
  realised: number | null;
  cumulativePlanned: number;
  cumulativeRealised: number | null;
}

/**
 * Net planned and realised benefit by month, month by month and running, from the first to the
 * last month with an amount: dis-benefits are subtracted, as the server's totals do. Sums are in
 * minor units, so the running totals are exact.
 */
export function chartPoints(value: EpicValueDocument, asOf: string, decimals: number): ChartPoint[] {
  const scale = 10 ** decimals;
  const planned = new Map<string, number>();
  const realised = new Map<string, number>();
  const add = (into: Map<string, number>, month: string, amount: number) => {
    into.set(month, (into.get(month) ?? 0) + Math.round(amount * scale));
  };
  for (const benefit of value.benefits) {
    const sign = benefitSignOf(benefit.kind);
    for (const entry of benefit.planned) add(planned, entry.month, sign * entry.amount);
    for (const entry of benefit.realised)
      if (entry.month <= asOf) add(realised, entry.month, sign * entry.amount);
  }
  const months = [...planned.keys(), ...realised.keys()].sort();
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return [];
  let runningPlanned = 0;
  let runningRealised = 0;
  return monthsFrom(first, last).map((month) => {
    const plannedUnits = planned.get(month) ?? 0;
    runningPlanned += plannedUnits;
    if (month > asOf) {
      return {
        month,
        planned: plannedUnits / scale,
        realised: null,
        cumulativePlanned: runningPlanned / scale,
        cumulativeRealised: null,
      };
    }
    const realisedUnits = realised.get(month) ?? 0;
    runningRealised += realisedUnits;
    return {
      month,
      planned: plannedUnits / scale,
      realised: realisedUnits / scale,
      cumulativePlanned: runningPlanned / scale,
      cumulativeRealised: runningRealised / scale,
    };
  });
}
