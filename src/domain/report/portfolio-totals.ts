import type { EpicRecord } from '../model/portfolio-record';
import { minorUnitsConverter, type CurrencyExponent } from '../money/minor-units';
import { sumTotals } from '../totals/merge-totals';
import {
  addReduction,
  createEpicReduction,
  createTotalsBuffer,
  reduceEpic,
  toValueTotals,
  type TotalsBuffer,
} from '../totals/totals-buffer';
import type { ValueTotals } from '../totals/value-totals';

/** The programme key used for epics without a parent issue. */
export const NO_PROGRAMME = '(none)';

export interface PortfolioTotals {
  readonly portfolio: ValueTotals;
  /** Keyed by project key, ascending. */
  readonly byProject: Readonly<Record<string, ValueTotals>>;
  /**
   * Keyed by programme (parent issue) key, ascending; `(none)` for epics without a parent. Without
   * per-objective series: programme rows show value KPIs, and a portfolio has thousands of them.
   */
  readonly byProgramme: Readonly<Record<string, ValueTotals>>;
}

function bufferFor(buffers: Map<string, TotalsBuffer>, key: string): TotalsBuffer {
  let buffer = buffers.get(key);
  if (buffer === undefined) {
    buffer = createTotalsBuffer();
    buffers.set(key, buffer);
  }
  return buffer;
}

function sortedTotals(buffers: Map<string, TotalsBuffer>): Record<string, ValueTotals> {
  const keys = [...buffers.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, toValueTotals(bufferFor(buffers, key))]));
}

/**
 * The totals of every project and programme of a portfolio's epics (as written in a document,
 * decimal amounts), and of the whole. Each epic is reduced once, converting its amounts to minor
 * units on the way, and added to its project and its programme. The portfolio is then the merge
 * of the project totals: the same operation that later combines stored per-project aggregates.
 */
export function portfolioTotals({
  epics,
  currencyExponent,
}: {
  epics: readonly EpicRecord[];
  currencyExponent: CurrencyExponent;
}): PortfolioTotals {
  const toMinorUnits = minorUnitsConverter({ currencyExponent });
  const projects = new Map<string, TotalsBuffer>();
  const programmes = new Map<string, TotalsBuffer>();
  const reduction = createEpicReduction();
  for (const epic of epics) {
    reduceEpic(reduction, epic, toMinorUnits);
    addReduction(bufferFor(projects, epic.project), reduction);
    addReduction(bufferFor(programmes, epic.programme ?? NO_PROGRAMME), reduction, { objectives: false });
  }
  const byProject = sortedTotals(projects);
  return {
    portfolio: sumTotals({ parts: Object.values(byProject) }),
    byProject,
    byProgramme: sortedTotals(programmes),
  };
}
