import type { RankingRow, RankingView } from '../../../../src/contract/planning.contract';
import { formatMoney, formatMonth } from '../../shared/format';
import { Table, type Column } from '../../ui/table';
import { IssueLink } from '../gadget/view/issue-link';
import { FinishingSignal } from './finishing-signal';
import type { PinChoice } from './budget-cut-panel';
import { RANKING_FIGURES, type RankingFigure } from './ranking-columns';

type ColumnKey = 'epic' | RankingFigure | 'signal' | 'pin';

/** The budget cut's pins, chosen per row: absent = the optimiser decides. */
export interface RowPins {
  value: ReadonlyMap<string, PinChoice>;
  onChange: (key: string, pin: PinChoice | null) => void;
}

function figureCell(row: RankingRow, figure: RankingFigure, currency: string) {
  switch (figure) {
    case 'cd3':
      return row.cd3 === null ? (
        <>
          <span aria-hidden="true">—</span>
          <span className="vl-visually-hidden">none: no remaining work</span>
        </>
      ) : (
        formatMoney(row.cd3, currency)
      );
    case 'remainingMonths':
      return String(row.remainingMonths);
    default:
      return formatMoney(row[figure], currency);
  }
}

/**
 * The in-flight epics in CD3 order (highest first: fund these first to lose the least to
 * waiting), the stop/continue signal beside each epic so that it is seen without scrolling.
 * Every column sorts; the epic column sorts by rank.
 */
export function RankingTable({
  view,
  siteUrl,
  pins,
}: {
  view: RankingView;
  siteUrl: string;
  pins?: RowPins;
}) {
  const { currency } = view;
  const columns: Column<RankingRow, ColumnKey>[] = [
    {
      key: 'epic',
      label: 'Rank and epic',
      sortValue: (row) => row.rank,
      cell: (row) => (
        <span className="vl-ranking-name">
          <span className="vl-ranking-rank">{row.rank}</span>
          <span>
            <IssueLink issueKey={row.key} siteUrl={siteUrl} />{' '}
            <span className="vl-ranking-summary">{row.summary}</span>
          </span>
        </span>
      ),
    },
    {
      key: 'signal',
      label: 'Stop or continue',
      sortValue: (row) => row.signal.margin,
      cell: (row) => <FinishingSignal row={row} currency={currency} />,
    },
    ...RANKING_FIGURES.map(({ id, label }): Column<RankingRow, ColumnKey> => ({
      key: id,
      label,
      numeric: true,
      sortValue: (row) => row[id],
      cell: (row) => figureCell(row, id, currency),
    })),
    ...(pins === undefined
      ? []
      : [
          {
            key: 'pin',
            label: 'Budget cut',
            cell: (row: RankingRow) => (
              <select
                className="vl-input vl-select vl-ranking-pin"
                aria-label={`Budget cut for ${row.key}`}
                value={pins.value.get(row.key) ?? ''}
                onChange={(event) => {
                  const value = event.target.value;
                  pins.onChange(row.key, value === 'continue' || value === 'stop' ? value : null);
                }}
              >
                <option value="">Optimiser decides</option>
                <option value="continue">Must continue</option>
                <option value="stop">Must stop</option>
              </select>
            ),
          } satisfies Column<RankingRow, ColumnKey>,
        ]),
  ];
  return (
    <Table
      label="In-flight epics ranked by CD3"
      caption={`Ranked by CD3, highest first, as of ${formatMonth(view.asOf)}`}
      columns={columns}
      rows={view.rows}
      rowKey={(row) => row.key}
      initialSort={{ key: 'epic', direction: 'ascending' }}
      className="vl-ranking-table"
    />
  );
}
