import type { KeepProbabilitiesView } from '../../../../src/contract/planning.contract';
import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { formatRatio } from '../../shared/format';

/** An epic's keep-probability cell: "85%", or "—" when it has none (the note says why). */
export function keepCellText(keep: KeepProbabilitiesView | undefined, key: string): string {
  const figure = keep?.byEpic[key]?.keep;
  return figure === undefined || figure === null ? '—' : formatRatio(figure);
}

/**
 * What the keep-probability column means and what reproduces it, or why it is empty:
 * "Keep-probability: the share of 200 draws (seed 123) in which …".
 */
export function keepNoteText(keep: KeepProbabilitiesView | undefined): string | null {
  if (keep === undefined) return null;
  if (keep.reason === 'SCOPE_TOO_LARGE')
    return `${KPI_NAMES.keepProbability}: not drawn, this scope has too many epics to re-plan in enough draws; narrow it to some projects.`;
  if (keep.reason === 'NO_EPICS') return null;
  const withoutPlan =
    keep.drawsWithoutPlan === 0
      ? ''
      : ` ${keep.drawsWithoutPlan.toLocaleString('en')} draws in which no plan met every cap and floor are left out.`;
  return `${KPI_NAMES.keepProbability}: the share of ${keep.draws.toLocaleString('en')} draws (seed ${String(keep.seed)}) in which the cut, planned again with each epic's benefits and costs drawn from its ranges, keeps the epic (continues or delays it).${withoutPlan}`;
}
