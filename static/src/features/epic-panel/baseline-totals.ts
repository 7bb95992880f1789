import type { ApprovedBaselineView } from '../../../../src/contract/panel.contract';
import { benefitSignOf } from './net-benefit';

/** An approved plan's net benefit (dis-benefits subtracted) and its cost, as decimal amounts. */
export function baselineTotalsOf(
  baseline: ApprovedBaselineView,
  decimals: number,
): { benefit: number; cost: number } {
  const scale = 10 ** decimals;
  // Summed in minor units, so that many decimal amounts add up to the cent.
  const units = (entries: readonly { amount: number }[]) =>
    entries.reduce((sum, entry) => sum + Math.round(entry.amount * scale), 0);
  const benefit = baseline.benefits.reduce(
    (sum, benefit) => sum + benefitSignOf(benefit.kind) * units(benefit.planned),
    0,
  );
  return { benefit: benefit / scale, cost: units(baseline.plannedCost) / scale };
}
