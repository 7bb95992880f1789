import { formatMonth } from '../shared/format';

/**
 * A monthly chart's description from the first and the last month it shows (as "Mar 2026"), or
 * that there are none: an empty chart still needs a description that says so.
 */
export function describeMonthSpan(
  points: readonly { month: string }[],
  describe: (from: string, to: string) => string,
): string {
  const first = points[0];
  const last = points[points.length - 1];
  return first && last ? describe(formatMonth(first.month), formatMonth(last.month)) : 'No months to show.';
}
