import type { PortfolioView } from '../../../../../src/contract/gadget.contract';

export type ObjectiveRow = PortfolioView['byObjective'][string] & { id: string };

/** The view's objectives as rows, active first, each group by name. */
export function objectiveRowsOf(byObjective: PortfolioView['byObjective']): ObjectiveRow[] {
  return Object.entries(byObjective)
    .map(([id, figures]) => ({ ...figures, id }))
    .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'active' ? -1 : 1));
}

/** "On track", "Off track", or "No target" (then progress and forecast are not computable). */
export function trackText(onTrack: boolean | null): string {
  return onTrack === null ? 'No target' : onTrack ? 'On track' : 'Off track';
}

/** JQL of the epics linked to objectives, through manifest.yml's `valueObjective` alias. */
export function objectivesJql(ids: readonly string[]): string {
  return `valueObjective in (${ids.map((id) => `"${id.replace(/(["\\])/g, '\\$1')}"`).join(', ')})`;
}
