import type { RankingRow } from '../../contract/planning.contract';
import { epicFromRecord } from '../../domain/model/epic-from-record';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { minorUnits, toDecimalAmount, type CurrencyExponent } from '../../domain/money/minor-units';
import {
  cd3,
  costOfDelay,
  finishingSignal,
  remainingCost,
  remainingMonths,
  remainingNpv,
  remainingPlanOf,
  remainingRiskAdjustedBenefit,
} from '../../domain/planning';
import type { YearMonth } from '../../domain/time/year-month';

/** A ranking row before it has its rank, with the exact figures the totals add up (minor units). */
export interface ScoredEpic {
  row: Omit<RankingRow, 'rank'>;
  /** CD3 in minor units, unrounded: the ranking key. */
  score: number | null;
  minor: { remainingNpv: number; remainingCost: number; costOfDelay: number };
}

/**
 * One in-flight epic's money-based figures as of `asOf`, each from its one domain function over
 * the same remaining plan: remaining NPV, remaining cost, cost of delay, CD3 and the finishing
 * signal (src/domain/planning; docs/kpis.md, "Value planning").
 */
export function scoreEpic({
  epic,
  asOf,
  discountRate,
  currencyExponent,
}: {
  epic: EpicRecord;
  asOf: YearMonth;
  discountRate: number;
  currencyExponent: CurrencyExponent;
}): ScoredEpic {
  const plan = remainingPlanOf({ epic: epicFromRecord({ epic, currencyExponent }), asOf });
  const money = (amount: number) => toDecimalAmount({ amount: minorUnits(amount), currencyExponent });
  const npv = remainingNpv({ plan, discountRate });
  const cost = remainingCost({ plan });
  const delay = costOfDelay({ plan, discountRate });
  const score = cd3({ plan, discountRate });
  const signal = finishingSignal({ plan });
  return {
    row: {
      key: epic.key,
      summary: epic.summary,
      project: epic.project,
      programme: epic.programme,
      status: epic.status,
      remainingNpv: money(npv),
      remainingCost: money(cost),
      remainingBenefit: money(remainingRiskAdjustedBenefit({ plan })),
      costOfDelay: money(delay),
      remainingMonths: remainingMonths({ plan }),
      ...(score.value === null
        ? { cd3: null, cd3Reason: score.reason }
        : { cd3: score.value / 10 ** currencyExponent }),
      signal: { verdict: signal.verdict, margin: money(signal.margin) },
    },
    score: score.value,
    minor: { remainingNpv: npv, remainingCost: cost, costOfDelay: delay },
  };
}

/** Highest CD3 first; epics without one (nothing left to fund) last; ties by key, so the order is stable. */
export function byCd3Descending(a: ScoredEpic, b: ScoredEpic): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return a.row.key < b.row.key ? -1 : a.row.key > b.row.key ? 1 : 0;
}
