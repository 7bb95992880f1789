import type { RangesView } from '../../../../../src/contract/ranges.contract';
import { formatRatio } from '../../../shared/format';
import type { KpiStatus } from './kpi-status';

/** From this simulated chance of NPV below zero on, an NPV on target by plan reads "At risk". */
export const MOSTLY_BELOW_ZERO = 0.5;

/** Why the NPV tile does not say "On target" alone, in words. */
export interface RangeWarning {
  readonly probabilityNpvBelowZero: number;
  readonly note: string;
}

/**
 * The NPV tile's warning when most simulated outcomes are below zero (chance ≥ 50%), else null
 * (docs/kpis.md, "The NPV tile against its range"). The note says the share and, when some drawn
 * benefits have no entered range, that the ranges rest on the default spreads, which are skewed
 * low on purpose: a reader then knows what to enter to narrow them.
 */
export function npvRangeWarning(ranges: RangesView | undefined): RangeWarning | null {
  if (ranges === undefined) return null;
  const chance = ranges.portfolio.probabilityNpvBelowZero;
  if (!(chance >= MOSTLY_BELOW_ZERO)) return null;
  const spreads = ranges.defaultSpreads;
  const defaults =
    spreads === undefined || spreads.defaultBenefits === 0
      ? ''
      : ` The ranges include default spreads for ${spreads.defaultBenefits.toLocaleString('en')} of ${spreads.benefits.toLocaleString('en')} benefits without an entered range.`;
  return {
    probabilityNpvBelowZero: chance,
    note: `The plan figure is on target, but ${formatRatio(chance)} of simulated outcomes are below zero.${defaults}`,
  };
}

/**
 * The status a tile shows: its plan status, except that a plan "On target" with a range warning
 * shows "At risk" (the plan figure alone would mislead); any other status stands as it is.
 */
export function rangeAwareStatus(
  planStatus: KpiStatus | null,
  warning: RangeWarning | null | undefined,
): { status: KpiStatus | null; warned: boolean } {
  if (planStatus === 'on-target' && warning) return { status: 'at-risk', warned: true };
  return { status: planStatus, warned: false };
}
