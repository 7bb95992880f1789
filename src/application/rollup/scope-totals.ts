import type { EpicRecord } from '../../domain/model/portfolio-record';
import type { CurrencyExponent } from '../../domain/money/minor-units';
import { NO_PROGRAMME, portfolioTotals } from '../../domain/report/portfolio-totals';
import { sumTotals } from '../../domain/totals/merge-totals';
import type { ValueTotals } from '../../domain/totals/value-totals';

/** An epic left out of the totals because its stored record cannot be read. */
export interface UnreadableEpic {
  key: string;
  reason: string;
}

/** At most this many unreadable epics are named per aggregate or view; the count stays exact. */
export const UNREADABLE_LIMIT = 50;

/** The unreadable epics named: the first by key, so that every path names the same ones. */
export function namedUnreadable(list: readonly UnreadableEpic[]): UnreadableEpic[] {
  return [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, UNREADABLE_LIMIT);
}

/**
 * The totals of a scope, split the two ways the gadget breaks it down. Both the roll-up store
 * and the live path reduce to this, and one function (`portfolioViewOf`) turns it into the view,
 * so the two paths give identical numbers by construction.
 *
 * - `byProject`: full totals, objective series included; the portfolio is their merge.
 * - `byProgramme`: totals without objective series (`programmeTotalsOf`): a programme's row shows
 *   value KPIs only, and dropping the per-objective series keeps a project's aggregate ~2.5x
 *   smaller (every dashboard load reads every browsable project's aggregate).
 */
export interface ScopeTotals {
  byProject: Record<string, ValueTotals>;
  byProgramme: Record<string, ValueTotals>;
  unreadable: UnreadableEpic[];
  unreadableCount: number;
}

export function emptyScopeTotals(): ScopeTotals {
  return { byProject: {}, byProgramme: {}, unreadable: [], unreadableCount: 0 };
}

/** A programme's totals as kept for the breakdown: the same totals without objective series. */
export function programmeTotalsOf(totals: ValueTotals): ValueTotals {
  return { ...totals, byObjective: {} };
}

/** The scope totals of raw records, as the live path computes them. */
export function scopeTotalsOfEpics({
  epics,
  currencyExponent,
  unreadable = [],
}: {
  epics: readonly EpicRecord[];
  currencyExponent: CurrencyExponent;
  unreadable?: readonly UnreadableEpic[];
}): ScopeTotals {
  const totals = portfolioTotals({ epics, currencyExponent });
  return {
    byProject: { ...totals.byProject },
    byProgramme: Object.fromEntries(
      Object.entries(totals.byProgramme).map(([key, value]) => [key, programmeTotalsOf(value)]),
    ),
    unreadable: namedUnreadable(unreadable),
    unreadableCount: unreadable.length,
  };
}

function mergeGroups(parts: readonly Record<string, ValueTotals>[]): Record<string, ValueTotals> {
  const grouped = new Map<string, ValueTotals[]>();
  for (const part of parts) {
    for (const [key, totals] of Object.entries(part)) {
      const list = grouped.get(key);
      if (list === undefined) grouped.set(key, [totals]);
      else list.push(totals);
    }
  }
  return Object.fromEntries(
    [...grouped].map(([key, list]) => [
      key,
      list.length === 1 ? (list[0] as ValueTotals) : sumTotals({ parts: list }),
    ]),
  );
}

/** The scope totals of disjoint parts (projects, pages of a live computation). */
export function mergeScopeTotals(parts: readonly ScopeTotals[]): ScopeTotals {
  const unreadable = parts.flatMap((part) => part.unreadable);
  return {
    byProject: mergeGroups(parts.map((part) => part.byProject)),
    byProgramme: mergeGroups(parts.map((part) => part.byProgramme)),
    unreadable: namedUnreadable(unreadable),
    unreadableCount: parts.reduce((sum, part) => sum + part.unreadableCount, 0),
  };
}

export { NO_PROGRAMME };
