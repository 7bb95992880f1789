import { currencyExponentOf } from '../../contract/currencies';
import type { Scope } from '../../contract/gadget.contract';

/**
 * Money as the agent says it: the site currency's symbol or code and its own decimals, e.g.
 * `€1,234.50`, `¥1,235`. Amounts arrive as decimals in major units.
 */
export function moneyWordsOf(currency: string): (amount: number) => string {
  const digits = currencyExponentOf(currency) ?? 2;
  const format = new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return (amount) => format.format(amount);
}

/** A ratio (0.25) as a percentage (`25.0%`); a figure that cannot be computed says so. */
export function ratioWords(ratio: number | null): string {
  return ratio === null ? 'not computable' : `${(ratio * 100).toFixed(1)}%`;
}

/** A percentage already in 0-100 (`62.5%`). */
export function percentWords(percent: number | null): string {
  return percent === null ? 'not computable' : `${percent.toFixed(1)}%`;
}

/** The scope a question was about, in words. */
export function scopeWords(scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return 'every epic you may browse';
    case 'projects':
      return `the epics of project${scope.projects.length === 1 ? '' : 's'} ${scope.projects.join(', ')}`;
    case 'programmes':
      return `the epics of programme${scope.programmes.length === 1 ? '' : 's'} ${scope.programmes.join(', ')}`;
    case 'objectives':
      return `the epics serving objective${scope.objectives.length === 1 ? '' : 's'} ${scope.objectives.join(', ')}`;
    case 'jql':
      return `the epics of the JQL filter \`${scope.jql}\``;
  }
}
