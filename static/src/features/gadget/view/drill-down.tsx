import { useEffect, useRef } from 'react';
import type { EpicRow } from '../../../../../src/contract/gadget.contract';
import { formatMoney, formatRatio } from '../../../shared/format';
import { listEpics, type EpicFilter, type ScopeRequest } from '../data/gadget-api';
import { useResource } from '../../../shared/use-resource';
import { SortableHeader } from '../../../ui/sortable-header';
import { sortRows, useSort } from '../../../ui/sorting';
import { IssueLink } from './issue-link';
import { ErrorMessage, LoadingMessage } from './states';
import { Button } from '../../../ui/button';

type Column =
  | 'key'
  | 'summary'
  | 'status'
  | 'successProbability'
  | 'share'
  | 'realisedBenefit'
  | 'forecastCost'
  | 'roi'
  | 'expectedRoi'
  | 'npv';

const STATUS_TEXT: Record<EpicRow['status'], string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};

function valueOf(row: EpicRow, column: Column): number | string | null {
  switch (column) {
    case 'key':
    case 'summary':
      return row[column];
    case 'status':
      return STATUS_TEXT[row.status];
    case 'successProbability':
      return row.successProbability;
    case 'share':
      return row.share ?? null;
    default:
      return row.kpis[column];
  }
}

export interface DrillTarget {
  filter: EpicFilter;
  title: string;
}

/** The epics behind a figure, each with its own KPIs; sortable; keys open the issue. */
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
  const heading = useRef<HTMLHeadingElement>(null);
  const { resource: list, retry: reload } = useResource(JSON.stringify([request, target.filter]), () =>
    listEpics({ ...request, filter: target.filter }),
  );
  const [sort, toggle] = useSort<Column>({ key: 'realisedBenefit', direction: 'descending' });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const withShare = target.filter.by === 'objective';
  return (
    <section className="vl-section" aria-labelledby="drill-heading">
      <Button appearance="subtle" className="vl-back" onClick={onBack}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M10 3 5 8l5 5" />
        </svg>
        Back to overview
      </Button>
      <h2 id="drill-heading" className="vl-section-heading" tabIndex={-1} ref={heading}>
        {target.title}
        {list.state === 'ready' ? <span className="vl-count"> ({list.data.epics.length})</span> : null}
      </h2>
      {list.state === 'loading' ? <LoadingMessage label="Loading the epics…" /> : null}
      {list.state === 'failed' ? <ErrorMessage error={list.error} onRetry={reload} /> : null}
      {list.state === 'ready' && list.data.epics.length === 0 ? (
        <p>No epic of this scope is behind this figure.</p>
      ) : null}
      {list.state === 'ready' && list.data.epics.length > 0 ? (
        <div className="vl-table-scroll" role="region" aria-label="Table of epics" tabIndex={0}>
          <table className="vl-table vl-table-epics">
            <thead>
              <tr>
                <SortableHeader
                  column="key"
                  label="Key"
                  sort={sort}
                  onSort={toggle}
                  firstDirection="ascending"
                />
                <SortableHeader
                  column="summary"
                  label="Summary"
                  sort={sort}
                  onSort={toggle}
                  firstDirection="ascending"
                />
                <SortableHeader
                  column="status"
                  label="Status"
                  sort={sort}
                  onSort={toggle}
                  firstDirection="ascending"
                />
                <SortableHeader
                  column="successProbability"
                  label="Probability"
                  sort={sort}
                  onSort={toggle}
                  numeric
                />
                {withShare ? (
                  <SortableHeader column="share" label="Share" sort={sort} onSort={toggle} numeric />
                ) : null}
                <SortableHeader
                  column="realisedBenefit"
                  label="Realised"
                  sort={sort}
                  onSort={toggle}
                  numeric
                />
                <SortableHeader
                  column="forecastCost"
                  label="Forecast cost"
                  sort={sort}
                  onSort={toggle}
                  numeric
                />
                <SortableHeader column="roi" label="ROI" sort={sort} onSort={toggle} numeric />
                <SortableHeader
                  column="expectedRoi"
                  label="Expected ROI"
                  sort={sort}
                  onSort={toggle}
                  numeric
                />
                <SortableHeader column="npv" label="NPV" sort={sort} onSort={toggle} numeric />
              </tr>
            </thead>
            <tbody>
              {sortRows(list.data.epics, sort, valueOf).map((row) => {
                const money = (amount: number) => formatMoney(amount, list.data.currency, { compact: true });
                return (
                  <tr key={row.key}>
                    <th scope="row">
                      <IssueLink issueKey={row.key} siteUrl={siteUrl} />
                    </th>
                    <td className="vl-summary">{row.summary}</td>
                    <td>{STATUS_TEXT[row.status]}</td>
                    <td className="vl-num">{formatRatio(row.successProbability)}</td>
                    {withShare ? <td className="vl-num">{formatRatio(row.share ?? null)}</td> : null}
                    <td className="vl-num">{money(row.kpis.realisedBenefit)}</td>
                    <td className="vl-num">{money(row.kpis.forecastCost)}</td>
                    <td className="vl-num">{formatRatio(row.kpis.roi)}</td>
                    <td className="vl-num">{formatRatio(row.kpis.expectedRoi)}</td>
                    <td className="vl-num">{money(row.kpis.npv)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
