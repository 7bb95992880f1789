import type { ObjectiveRangesView } from '../../../../../src/contract/ranges.contract';
import { formatMonth, formatRatio } from '../../../shared/format';

/**
 * An objective's chance of reaching its target, in words: "62% chance to reach by Jun 2027", or
 * why there is none (docs/kpis.md, "Chance an objective reaches its target"). Null for an
 * objective without a target: its "No target" lozenge already says so, and "no chance" would
 * read as 0%.
 */
export function objectiveChanceText(
  ranges: Pick<ObjectiveRangesView, 'target' | 'probabilityTargetReached' | 'probabilityReason'>,
): string | null {
  const { target, probabilityTargetReached: chance } = ranges;
  if (chance !== null && target !== null) {
    return `${formatRatio(chance)} chance to reach by ${formatMonth(target.date.slice(0, 7))}`;
  }
  return ranges.probabilityReason === 'TARGET_DATE_UNREADABLE'
    ? 'Chance to reach unknown: the target date cannot be read (an admin can set it again)'
    : null;
}
