import type { EpicList, Scope } from '../../contract/gadget.contract';
import type { z } from 'zod';
import type { epicFilterSchema } from '../../contract/gadget.contract';
import { isBehind, type DrillKpi } from '../../contract/kpi-drill-down';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { monthOf } from '../ports/clock';
import { SiteConfig } from '../site-config';
import { collectScope, epicTypeIdsOf } from './collect-scope';
import { epicDrillRow } from './epic-drill-row';
import type { GadgetContext } from './gadget-context';
import { drillDownJql } from './scope-jql';

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

/**
 * The epics behind a figure, each with its own KPIs and the parts the figure is made of
 * (drill-down). With `kpi`, only the epics that add something to that KPI are listed, so the
 * rows reconcile with its tile (kpi-drill-down.ts); with an objective filter, each row carries
 * the amounts attributed to the objective rather than the whole epic's.
 */
export async function listEpics(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined; filter: EpicFilter; kpi?: DrillKpi | undefined },
): Promise<EpicList> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const { filter, kpi } = input;
  const scope = drillDownScope(input.scope, filter);
  const settingsNow = await new SiteConfig(context.store).settings();
  const jql = drillDownJql({
    scope: input.scope,
    filter,
    epicTypeIds: await epicTypeIdsOf(context, settingsNow),
  });
  if (scope === null) return { asOf, currency: settingsNow.currency, epics: [], jql };
  const { settings, objectives, epics } = await collectScope(context, scope);
  const objectiveId = filter.by === 'objective' ? filter.id : undefined;
  const rows = epics
    .filter((epic) => matches(epic, filter))
    .map((epic) =>
      epicDrillRow({
        epic,
        settings,
        objectives,
        asOf,
        ...(objectiveId === undefined ? {} : { objectiveId }),
      }),
    )
    .filter((row) => kpi === undefined || isBehind(row, kpi));
  return { asOf, currency: settings.currency, epics: rows, jql };
}
