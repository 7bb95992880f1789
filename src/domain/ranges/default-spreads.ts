import type { Epic } from '../model/epic';
import { monthIndexOf, type YearMonth } from '../time/year-month';
import { NO_EPIC_RANGES, resolveEpicRanges, type EpicRanges } from './estimates';

/**
 * How much of a simulation rests on the default spreads rather than entered ranges: among the
 * benefits with planned amounts after the as-of month (the only ones drawn), how many have no
 * entered range and take their evidence grade's default; the same for the epics' cost overruns
 * (epics with planned cost after as-of). A reader of a range needs this to judge it: on the
 * demo data every range is a default, and the defaults are skewed low (docs/kpis.md).
 */
export interface DefaultSpreadCounts {
  /** Benefits with planned amounts after as-of. */
  readonly benefits: number;
  /** Of those, the ones drawn from a default spread (no entered range). */
  readonly defaultBenefits: number;
  /** Epics with planned cost after as-of. */
  readonly costs: number;
  /** Of those, the ones drawn from the default cost overrun. */
  readonly defaultCosts: number;
}

/**
 * Counts the drawn benefits and costs of `epics` whose range is a default (see
 * `DefaultSpreadCounts`). Entered ranges come from `rangesByEpic`, else the epic's own
 * `value.ranges`, as in the simulation. Example: one epic with two benefits planned after as-of,
 * one with an entered range, and planned cost without an overrun range -> benefits 2,
 * defaultBenefits 1, costs 1, defaultCosts 1.
 */
export function defaultSpreadCounts({
  epics,
  asOf,
  rangesByEpic = new Map(),
}: {
  epics: readonly Epic[];
  asOf: YearMonth;
  rangesByEpic?: ReadonlyMap<string, EpicRanges>;
}): DefaultSpreadCounts {
  const last = monthIndexOf(asOf);
  const later = (entries: readonly { readonly month: YearMonth; readonly amount: number }[]) =>
    entries.some((entry) => entry.amount !== 0 && monthIndexOf(entry.month) > last);
  let benefits = 0;
  let defaultBenefits = 0;
  let costs = 0;
  let defaultCosts = 0;
  for (const epic of epics) {
    const resolved = resolveEpicRanges({
      epic,
      ranges: rangesByEpic.get(epic.key) ?? epic.value.ranges ?? NO_EPIC_RANGES,
      asOf,
    });
    epic.value.benefits.forEach((benefit, position) => {
      if (!later(benefit.planned)) return;
      benefits += 1;
      if (resolved.benefits[position]?.source !== 'entered') defaultBenefits += 1;
    });
    if (later(epic.value.costs.planned)) {
      costs += 1;
      if (resolved.costOverrun.source === 'default') defaultCosts += 1;
    }
  }
  return { benefits, defaultBenefits, costs, defaultCosts };
}
