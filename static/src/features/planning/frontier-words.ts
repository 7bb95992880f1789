import type { FrontierPointView } from '../../../../src/contract/planning.contract';
import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { formatMoney } from '../../shared/format';

const percent = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** How sure a point's figure is, in a few words (the table's column, the point's label). */
export function proofWords(point: FrontierPointView, currency: string): string {
  switch (point.status) {
    case 'infeasible':
      return `No plan meets this cut: ${point.conflicts[0]?.message ?? 'the constraints conflict.'}`;
    case 'not-solved':
      return 'Not solved in time: no plan found.';
    case 'planned':
      switch (point.proof) {
        case 'proven':
          return 'Proven: no plan keeps more.';
        case 'not-solved':
          return 'Not proven: out of time, the greedy ranking’s figure.';
        case 'gap': {
          const bound = point.upperBound ?? point.npvRetained;
          const gap = bound === 0 ? 0 : ((bound - point.npvRetained) / Math.abs(bound)) * 100;
          return `Not proven: within ${percent.format(gap)}% (no plan keeps more than ${formatMoney(bound, currency)}).`;
        }
      }
  }
}

/** One point as a sentence, for its focusable mark in the chart. */
export function pointWords(point: FrontierPointView, currency: string): string {
  const cut = `Cut ${String(point.cutPercent)}%`;
  if (point.status !== 'planned') return `${cut}. ${proofWords(point, currency)}`;
  const greedy =
    point.greedyNpvRetained === null
      ? 'the greedy ranking finds no plan'
      : `greedy ranking ${formatMoney(point.greedyNpvRetained, currency)}`;
  return `${cut}: ${KPI_NAMES.npvRetained} ${formatMoney(point.npvRetained, currency)}, ${greedy}. ${proofWords(point, currency)}`;
}

/**
 * The chart's takeaway, from the shallowest and the deepest cut with a plan: "A 50% cut keeps
 * €1.6M, 80% of what a 0% cut keeps", or "Cuts up to 50% cost no NPV: each keeps €3.3M" when the
 * frontier is flat (stopping what loses money already frees enough).
 */
export function frontierTakeaway(points: readonly FrontierPointView[], currency: string): string {
  const planned = points.filter(
    (point): point is Extract<FrontierPointView, { status: 'planned' }> => point.status === 'planned',
  );
  const first = planned[0];
  const deepest = planned[planned.length - 1];
  if (first === undefined || deepest === undefined) return 'No cut from 0% to 50% can be planned';
  const money = (amount: number) => formatMoney(amount, currency, { compact: true });
  const deeper = points.some((point) => point.cutPercent > deepest.cutPercent)
    ? '; no deeper cut has a plan'
    : '';
  const cut = `${String(deepest.cutPercent)}%`;
  if (deepest.npvRetained === first.npvRetained) {
    return deepest === first
      ? `Only a ${cut} cut has a plan: it keeps ${money(first.npvRetained)}${deeper}`
      : `Cuts up to ${cut} cost no NPV: each keeps ${money(first.npvRetained)}${deeper}`;
  }
  const share =
    first.npvRetained > 0
      ? `, ${String(Math.round((deepest.npvRetained / first.npvRetained) * 100))}% of what a ${String(first.cutPercent)}% cut keeps`
      : '';
  return `A ${cut} cut keeps ${money(deepest.npvRetained)}${share}${deeper}`;
}
