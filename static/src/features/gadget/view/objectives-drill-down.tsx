import type { PortfolioView } from '../../../../../src/contract/gadget.contract';
import { KPI_DRILL_DOWNS } from '../../../../../src/contract/kpi-drill-down';
import { formatMoney, formatMonth, formatPercent, formatRatio } from '../../../shared/format';
import { Lozenge } from '../../../ui/lozenge';
import { Table, type Column } from '../../../ui/table';
import type { EpicFilter } from '../data/gadget-api';
import { DrillDownSection } from './drill-down-section';
import { IssueSearchLink } from './issue-search-link';
import { objectiveRowsOf, objectivesJql, trackText, type ObjectiveRow } from './objective-rows';
import { ScrollHint } from './scroll-hint';

/**
 * The objectives behind "Strategic goals advanced" and "Objectives on track": each active
 * objective with what the tile counts, and the count that makes the tile. Each name opens the
 * epics attributed to it.
 */
export function ObjectivesDrillDown({
  view,
  counts,
  title,
  siteUrl,
  onBack,
  onDrill,
}: {
  view: PortfolioView;
  counts: 'advanced' | 'on-track';
  title: string;
  siteUrl: string;
  onBack: () => void;
  onDrill: (filter: EpicFilter, title: string) => void;
}) {
  const active = objectiveRowsOf(view.byObjective).filter((row) => row.status === 'active');
  const rows = counts === 'advanced' ? active : active.filter((row) => row.target !== null);
  const counted = rows.filter((row) => (counts === 'advanced' ? row.advanced : row.onTrack === true)).length;
  const money = (amount: number | null) => (amount === null ? '—' : formatMoney(amount, view.currency));
  const name: Column<ObjectiveRow, string> = {
    key: 'name',
    label: 'Objective',
    sortValue: (row) => row.name,
    cell: (row) => (
      <button
        type="button"
        className="vl-link-button"
        onClick={() => {
          onDrill({ by: 'objective', id: row.id }, `Epics linked to ${row.name}`);
        }}
      >
        {row.name}
      </button>
    ),
  };
  const columns: Column<ObjectiveRow, string>[] =
    counts === 'advanced'
      ? [
          name,
          {
            key: 'advanced',
            label: 'Advanced',
            sortValue: (row) => (row.advanced ? 1 : 0),
            cell: (row) => (
              <Lozenge appearance={row.advanced ? 'success' : 'default'}>
                {row.advanced ? 'Advanced' : 'Not advanced'}
              </Lozenge>
            ),
          },
          {
            key: 'window',
            label: `Realised in the last ${String(view.advancedWindowMonths)} months`,
            numeric: true,
            sortValue: (row) => row.realisedInWindow,
            cell: (row) => money(row.realisedInWindow),
          },
          {
            key: 'realised',
            label: 'Attributed realised',
            numeric: true,
            sortValue: (row) => row.attributedRealised,
            cell: (row) => money(row.attributedRealised),
          },
        ]
      : [
          name,
          {
            key: 'track',
            label: 'On track',
            sortValue: (row) => (row.onTrack === true ? 1 : 0),
            cell: (row) => (
              <Lozenge appearance={row.onTrack === true ? 'success' : 'removed'}>
                {trackText(row.onTrack)}
              </Lozenge>
            ),
          },
          {
            key: 'target',
            label: 'Target',
            numeric: true,
            sortValue: (row) => row.target?.amount ?? null,
            cell: (row) => money(row.target?.amount ?? null),
          },
          {
            key: 'date',
            label: 'Target date',
            sortValue: (row) => row.target?.date ?? null,
            cell: (row) => (row.target ? formatMonth(row.target.date.slice(0, 7)) : '—'),
            className: 'vl-nowrap',
          },
          {
            key: 'forecast',
            label: 'Forecast at target date',
            numeric: true,
            sortValue: (row) => row.forecastAtTargetDate,
            cell: (row) => money(row.forecastAtTargetDate),
          },
          {
            key: 'progress',
            label: 'Realised of target',
            numeric: true,
            sortValue: (row) => row.progress,
            cell: (row) => formatRatio(row.progress),
          },
        ];
  const figure = counts === 'advanced' ? view.strategicGoalsAdvancedPct : view.objectivesOnTrackPct;
  return (
    <DrillDownSection
      heading={
        <>
          {title} <span className="vl-count">({rows.length})</span>
        </>
      }
      actions={
        rows.length > 0 ? (
          <IssueSearchLink jql={objectivesJql(rows.map((row) => row.id))} siteUrl={siteUrl} />
        ) : null
      }
      onBack={onBack}
    >
      {rows.length === 0 ? (
        <p>
          {counts === 'advanced'
            ? 'There is no active strategic objective.'
            : 'No active objective has a target yet.'}
        </p>
      ) : (
        <>
          <ScrollHint>
            <Table
              label={title}
              columns={columns}
              rows={rows}
              rowKey={(row) => row.id}
              initialSort={{ key: 'name', direction: 'ascending' }}
            />
          </ScrollHint>
          <p className="vl-legend-note">
            {counts === 'advanced'
              ? `${String(counted)} of ${String(rows.length)} active objectives advanced`
              : `${String(counted)} of ${String(rows.length)} active objectives with a target are on track`}{' '}
            = {formatPercent(figure)}.{' '}
            {
              KPI_DRILL_DOWNS[counts === 'advanced' ? 'strategicGoalsAdvancedPct' : 'objectivesOnTrackPct']
                .explanation
            }
          </p>
        </>
      )}
    </DrillDownSection>
  );
}
