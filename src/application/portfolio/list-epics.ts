import type { EpicList, EpicRow, Scope } from '../../contract/gadget.contract';
import type { z } from 'zod';
import type { epicFilterSchema } from '../../contract/gadget.contract';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { kpisOfEpic } from '../epic-value/epic-value-view';
import { monthOf } from '../ports/clock';
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

/** The epics behind a figure, each with its own KPIs (drill-down). */
export async function listEpics(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined; filter: EpicFilter },
): Promise<EpicList> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const { settings, epics } = await collectScope(context, input.scope);
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
