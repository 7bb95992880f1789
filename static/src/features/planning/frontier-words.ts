import type { FrontierPointView } from '../../../../src/contract/planning.contract';
import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { formatMoney } from '../../shared/format';

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
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

/** "A 50% cut keeps 96% of the current plan’s remaining NPV", from the deepest cut with a plan. */
export function frontierTakeaway(points: readonly FrontierPointView[], currentNpv: number | null): string {
  const planned = points.filter(
    (point): point is Extract<FrontierPointView, { status: 'planned' }> => point.status === 'planned',
  );
  const deepest = planned[planned.length - 1];
  if (deepest === undefined) return 'No cut from 0% to 50% can be planned';
  if (currentNpv === null || currentNpv <= 0)
    return `The deepest cut with a plan is ${String(deepest.cutPercent)}%`;
  const kept = Math.round((deepest.npvRetained / currentNpv) * 100);
  const deeper = points.some((point) => point.cutPercent > deepest.cutPercent)
    ? '; no deeper cut has a plan'
    : '';
  return `A ${String(deepest.cutPercent)}% cut keeps ${String(kept)}% of the current plan’s ${lowerFirst(KPI_NAMES.remainingNpv)}${deeper}`;
}
