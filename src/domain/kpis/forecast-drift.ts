import { sumAll } from '../totals/series-sums';
import { notComputable, ratio, type Kpi, type KpiInput } from './kpi';

/**
 * Forecast drift: how far the current plan of the baselined epics has moved from their approved
 * baselines, as a share of the approved plan:
 *
 *   (Σ current planned benefit − Σ approved planned benefit) / Σ approved planned benefit
 *
 * over every month (like `plannedBenefit`, it does not depend on the as-of month), net of
 * dis-benefits. Negative when the plan shrank since approval.
 *
 * Units: a ratio (-0.25 means the plan is 25% below what was approved).
 * Example: approved 4,000.00, current plan 3,000.00 -> -0.25.
 * Edge cases: no epic of the scope has an approved baseline -> `NO_APPROVED_BASELINE`; an approved
 * benefit plan of 0 (a baseline of costs only) -> `NO_APPROVED_BENEFIT`; a negative net approved
 * plan -> `NET_PLAN_NEGATIVE`. Epics without a baseline are left out of both sides.
 */
export function forecastDrift(
  input: KpiInput,
): Kpi<number, 'NO_APPROVED_BASELINE' | 'NO_APPROVED_BENEFIT' | 'NET_PLAN_NEGATIVE'> {
  const { baseline } = input.totals;
  if (baseline.epicCount === 0) return notComputable('NO_APPROVED_BASELINE');
  const approved = sumAll({ values: baseline.approvedPlannedBenefit });
  if (approved < 0) return notComputable('NET_PLAN_NEGATIVE');
  const current = sumAll({ values: baseline.currentPlannedBenefit });
  return ratio({ numerator: current - approved, denominator: approved, reasonIfZero: 'NO_APPROVED_BENEFIT' });
}
