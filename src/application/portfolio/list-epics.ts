import type { EpicList, EpicRow, Scope } from '../../contract/gadget.contract';
import type { z } from 'zod';
import type { epicFilterSchema } from '../../contract/gadget.contract';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { kpisOfEpic } from '../epic-value/epic-value-view';
import { monthOf } from '../ports/clock';
import { SiteConfig } from '../site-config';
import { collectScope } from './collect-scope';
import type { GadgetContext } from './gadget-context';

type EpicFilter = z.output<typeof epicFilterSchema>;

function matches(epic: EpicRecord, filter: EpicFilter): boolean {
  switch (filter.by) {
    case 'all':
      return true;
    case 'project':
      return epic.project === filter.key;
    case 'programme':
      return (epic.programme ?? '(none)') === filter.key;
    case 'objective':
      return epic.value.objectives.some((link) => link.id === filter.id);
  }
}

/**
 * The scope to search for a drill-down: where the filter can be said in the scope itself, the
 * search reads only the epics behind the figure (one project of a 50,000-epic site, not the
 * site). Epics are still matched against the filter afterwards, so this only ever narrows.
 */
export function drillDownScope(scope: Scope, filter: EpicFilter): Scope | null {
  if (scope.kind === 'all') {
    if (filter.by === 'project') return { kind: 'projects', projects: [filter.key] };
    if (filter.by === 'programme' && filter.key !== '(none)')
      return { kind: 'programmes', programmes: [filter.key] };
    if (filter.by === 'objective') return { kind: 'objectives', objectives: [filter.id] };
  }
  if (scope.kind === 'projects' && filter.by === 'project') {
    return scope.projects.includes(filter.key) ? { kind: 'projects', projects: [filter.key] } : null;
  }
  return scope;
}

/** The epics behind a figure, each with its own KPIs (drill-down). */
export async function listEpics(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined; filter: EpicFilter },
): Promise<EpicList> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const scope = drillDownScope(input.scope, input.filter);
  if (scope === null)
    return { asOf, currency: (await new SiteConfig(context.store).settings()).currency, epics: [] };
  const { settings, epics } = await collectScope(context, scope);
  const { filter } = input;
  const rows = epics
    .filter((epic) => matches(epic, filter))
    .map((epic): EpicRow => {
      const share =
        filter.by === 'objective'
          ? epic.value.objectives.find((link) => link.id === filter.id)?.share
          : undefined;
      return {
        key: epic.key,
        summary: epic.summary,
        project: epic.project,
        programme: epic.programme,
        status: epic.status,
        successProbability: epic.value.successProbability,
        kpis: kpisOfEpic({ epic, settings, asOf }),
        ...(share === undefined ? {} : { share }),
      };
    });
  return { asOf, currency: settings.currency, epics: rows };
}
