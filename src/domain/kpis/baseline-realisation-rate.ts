import { asOfColumn, sumToDate } from '../totals/series-sums';
import { notComputable, ratio, type Kpi, type KpiInput } from './kpi';

/**
 * Realisation against the approved baseline: what the baselined epics realised to date divided by
 * what their approved baselines planned to date, both net of dis-benefits and as of the same
 * month. Shown beside `realisationRate` (against the current plan): a plan that was cut after
 * approval no longer hides a shortfall.
 *
 * Units: a ratio (0.5 means half of what was approved so far has been realised); can exceed 1.
 * Example: baseline plans 1,000.00 for 2026-01 and 2026-02 each; the plan was cut to 500.00 a
 * month; 1,000.00 realised, as of 2026-02 -> 0.5 (against the current plan: 1.0).
 * Edge cases: no epic of the scope has an approved baseline -> `NO_APPROVED_BASELINE`; the
 * baselines plan nothing to date -> `NOTHING_PLANNED_TO_DATE`; a net baseline plan to date below
 * zero -> `NET_PLAN_NEGATIVE`. Epics without a baseline are left out of both sides.
 */
export function baselineRealisationRate(
  input: KpiInput,
): Kpi<number, 'NO_APPROVED_BASELINE' | 'NOTHING_PLANNED_TO_DATE' | 'NET_PLAN_NEGATIVE'> {
  const { baseline } = input.totals;
  if (baseline.epicCount === 0) return notComputable('NO_APPROVED_BASELINE');
  const column = asOfColumn(input);
  const approved = sumToDate({ values: baseline.approvedPlannedBenefit, asOfColumn: column });
  if (approved < 0) return notComputable('NET_PLAN_NEGATIVE');
  return ratio({
    numerator: sumToDate({ values: baseline.realisedBenefit, asOfColumn: column }),
    denominator: approved,
    reasonIfZero: 'NOTHING_PLANNED_TO_DATE',
  });
}
