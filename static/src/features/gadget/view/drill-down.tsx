import type { EpicList, EpicRow } from '../../../../../src/contract/gadget.contract';
import {
  KPI_DRILL_DOWNS,
  columnTotal,
  isAdditive,
  reconciledFigure,
  type DrillKpi,
  type EpicColumn,
} from '../../../../../src/contract/kpi-drill-down';
import { currencyExponentOf } from '../../../../../src/contract/currencies';
import { useResource } from '../../../shared/use-resource';
import { Table } from '../../../ui/table';
import { TILES } from '../config/kpi-tiles';
import { listEpics, type EpicFilter, type ScopeRequest } from '../data/gadget-api';
import { drillColumns, formatColumnValue } from './drill-columns';
import { DrillDownSection } from './drill-down-section';
import { IssueSearchLink } from './issue-search-link';
import { ErrorMessage, LoadingMessage } from './states';
import { ScrollHint } from './scroll-hint';

export interface DrillTarget {
  filter: EpicFilter;
  title: string;
  /** The tile drilled into: its epics, with its columns. Absent for a breakdown row or an objective. */
  kpi?: DrillKpi;
}

/** A breakdown row's columns: realised and ROI (with the actual cost it is on), expected ROI, NPV. */
const GROUP_COLUMNS: readonly EpicColumn[] = [
  'realisedBenefit',
  'actualCost',
  'roi',
  'forecastCost',
  'expectedRoi',
  'npv',
];
/** An objective's columns: what is attributed to it (share × the epic's amounts), not whole epics. */
const OBJECTIVE_COLUMNS: readonly EpicColumn[] = ['share', 'attributedRealised', 'attributedPlanned'];

/** What a drill-down shows: its columns, and which of them sort first. */
export function drillColumnsOf(target: DrillTarget): readonly EpicColumn[] {
  if (target.kpi !== undefined) return KPI_DRILL_DOWNS[target.kpi].columns;
  return target.filter.by === 'objective' ? OBJECTIVE_COLUMNS : GROUP_COLUMNS;
}

/** The total row: additive columns summed; a tile's own ratio column rebuilt from those sums. */
function TotalRow({
  rows,
  columns,
  target,
  currency,
}: {
  rows: readonly EpicRow[];
  columns: readonly EpicColumn[];
  target: DrillTarget;
  currency: string;
}) {
  const exponent = currencyExponentOf(currency) ?? 2;
  const reconciles = target.kpi === undefined ? undefined : KPI_DRILL_DOWNS[target.kpi].reconciles;
  const cellOf = (column: EpicColumn): string => {
    if (isAdditive(column)) return formatColumnValue(column, columnTotal(rows, column, exponent), currency);
    // The tile's own column: its figure rebuilt from the totals beside it.
    if (reconciles && column === columns[0] && (reconciles.kind === 'ratio' || reconciles.kind === 'nps')) {
      const figure = reconciledFigure(rows, reconciles, exponent);
      const asRatio = reconciles.kind === 'ratio' && reconciles.scale === 100 && figure !== null;
      return formatColumnValue(column, asRatio ? figure / 100 : figure, currency);
    }
    return '';
  };
  return (
    <tfoot>
      <tr className="vl-total-row">
        <th scope="row">Total</th>
        {columns.map((column) => (
          <td key={column} className="vl-num">
            {cellOf(column)}
          </td>
        ))}
        <td>{rows.length === 1 ? '1 epic' : `${String(rows.length)} epics`}</td>
        <td />
      </tr>
    </tfoot>
  );
}

function EpicTable({ list, target, siteUrl }: { list: EpicList; target: DrillTarget; siteUrl: string }) {
  const columns = drillColumnsOf(target);
  const first = columns[0];
  return (
    <ScrollHint>
      <Table
        label={`Epics: ${target.title}`}
        className="vl-table-epics"
        columns={drillColumns(columns, list.currency, siteUrl)}
        rows={list.epics}
        rowKey={(row) => row.key}
        initialSort={
          first === undefined
            ? { key: 'key', direction: 'ascending' }
            : { key: first, direction: 'descending' }
        }
        footer={<TotalRow rows={list.epics} columns={columns} target={target} currency={list.currency} />}
      />
    </ScrollHint>
  );
}

/**
 * The epics behind a figure, with the columns that make that figure and a total row that
 * reconciles with it; sortable; keys open the issue, and the whole list opens in issue search.
 */
export function DrillDown({
  request,
  target,
  siteUrl,
  onBack,
}: {
  request: ScopeRequest;
  target: DrillTarget;
  siteUrl: string;
  onBack: () => void;
}) {
  const { resource: list, retry: reload } = useResource(
    JSON.stringify([request, target.filter, target.kpi ?? null]),
    () =>
      listEpics({
        ...request,
        filter: target.filter,
        ...(target.kpi === undefined ? {} : { kpi: target.kpi }),
      }),
  );
  const explanation =
    target.kpi === undefined
      ? target.filter.by === 'objective'
        ? 'Each epic counts with its share for this objective: the attributed amounts add up to the objective’s.'
        : 'These epics add up to the row of the breakdown: realised, costs and NPV are their totals.'
      : KPI_DRILL_DOWNS[target.kpi].explanation;
  return (
    <DrillDownSection
      heading={
        <>
          {target.title}
          {list.state === 'ready' ? <span className="vl-count"> ({list.data.epics.length})</span> : null}
        </>
      }
      actions={list.state === 'ready' ? <IssueSearchLink jql={list.data.jql} siteUrl={siteUrl} /> : null}
      onBack={onBack}
    >
      {list.state === 'loading' ? <LoadingMessage label="Loading the epics…" /> : null}
      {list.state === 'failed' ? (
        <ErrorMessage
          error={list.error}
          onRetry={reload}
          title={
            target.kpi === undefined
              ? `The epics of “${target.title}” could not be loaded`
              : `The epics behind ${TILES[target.kpi].label} could not be loaded`
          }
        />
      ) : null}
      {list.state === 'ready' && list.data.epics.length === 0 ? (
        <p>
          {target.kpi === undefined
            ? 'No epic of this scope is behind this figure.'
            : `No epic of this scope adds anything to ${TILES[target.kpi].label}.`}
        </p>
      ) : null}
      {list.state === 'ready' && list.data.epics.length > 0 ? (
        <>
          <EpicTable list={list.data} target={target} siteUrl={siteUrl} />
          <p className="vl-legend-note">{explanation}</p>
        </>
      ) : null}
      {list.state === 'ready' && target.kpi !== undefined ? (
        <p className="vl-legend-note">
          Issue search lists every epic of this scope; this table keeps only those that add to{' '}
          {TILES[target.kpi].label}.
        </p>
      ) : null}
    </DrillDownSection>
  );
}
