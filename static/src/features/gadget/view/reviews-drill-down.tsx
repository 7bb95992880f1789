import { useEffect, useState } from 'react';
import type { Scope } from '../../../../../src/contract/gadget.contract';
import type { DueReviewRow } from '../../../../../src/contract/review.contract';
import { Lozenge } from '../../../ui/lozenge';
import { Table, type Column } from '../../../ui/table';
import { REVIEWS_TILE, TILES } from '../config/kpi-tiles';
import { ownerNames } from '../data/owner-names';
import { formatDay, isRefusedScope, useReviewsDue } from '../data/reviews-due';
import { DrillDownSection } from './drill-down-section';
import { IssueLink } from './issue-link';
import { ErrorMessage, LoadingMessage } from './states';

type ReviewColumn = 'epic' | 'summary' | 'project' | 'review' | 'dueDate' | 'state' | 'owners';

function reviewColumns(
  siteUrl: string,
  names: ReadonlyMap<string, string>,
): Column<DueReviewRow, ReviewColumn>[] {
  return [
    {
      key: 'epic',
      label: 'Epic',
      sortValue: (row) => row.issueKey,
      cell: (row) => <IssueLink issueKey={row.issueKey} siteUrl={siteUrl} />,
    },
    {
      key: 'summary',
      label: 'Summary',
      sortValue: (row) => row.summary,
      cell: (row) => row.summary,
      className: 'vl-summary',
    },
    { key: 'project', label: 'Project', sortValue: (row) => row.projectKey, cell: (row) => row.projectKey },
    {
      key: 'review',
      label: 'Review',
      sortValue: (row) => row.offsetMonths,
      cell: (row) => `${String(row.offsetMonths)}-month review`,
    },
    {
      key: 'dueDate',
      label: 'Due',
      sortValue: (row) => row.dueDate,
      cell: (row) => formatDay(row.dueDate),
      className: 'vl-nowrap',
    },
    {
      key: 'state',
      label: 'State',
      // Overdue sorts before due, as the server lists them.
      sortValue: (row) => (row.state === 'overdue' ? 0 : 1),
      cell: (row) =>
        row.state === 'overdue' ? (
          <Lozenge appearance="removed">Overdue</Lozenge>
        ) : (
          <Lozenge appearance="moved">Due</Lozenge>
        ),
    },
    {
      key: 'owners',
      label: 'Owners',
      cell: (row) =>
        row.owners.length === 0 ? 'Not yet notified' : row.owners.map((id) => names.get(id) ?? id).join(', '),
    },
  ];
}

/** The open reviews behind the benefit reviews tile, overdue first, each epic a link to its issue. */
export function ReviewsDrillDown({
  scope,
  refreshKey,
  siteUrl,
  onBack,
}: {
  scope: Scope;
  refreshKey: string;
  siteUrl: string;
  onBack: () => void;
}) {
  const { resource, retry } = useReviewsDue(scope, refreshKey);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const owners = resource.state === 'ready' ? resource.data.reviews.flatMap((row) => row.owners) : [];
  const ownersKey = JSON.stringify([...new Set(owners)].sort());
  useEffect(() => {
    const ids = JSON.parse(ownersKey) as string[];
    if (ids.length === 0) return;
    let current = true;
    void ownerNames(ids).then((found) => {
      if (current) setNames(found);
    });
    return () => {
      current = false;
    };
  }, [ownersKey]);
  const label = TILES[REVIEWS_TILE].label;
  return (
    <DrillDownSection
      heading={
        <>
          {label} due and overdue
          {resource.state === 'ready' ? <span className="vl-count"> ({resource.data.total})</span> : null}
        </>
      }
      onBack={onBack}
    >
      {resource.state === 'loading' ? <LoadingMessage label="Loading the reviews…" /> : null}
      {resource.state === 'failed' && isRefusedScope(resource.error) ? <p>{resource.error.message}</p> : null}
      {resource.state === 'failed' && !isRefusedScope(resource.error) ? (
        <ErrorMessage
          error={resource.error}
          onRetry={retry}
          title="The benefit reviews could not be loaded"
        />
      ) : null}
      {resource.state === 'ready' && resource.data.reviews.length === 0 ? (
        <p>No benefit review of this scope is due or overdue.</p>
      ) : null}
      {resource.state === 'ready' && resource.data.reviews.length > 0 ? (
        <>
          <Table
            label={`${label} due and overdue`}
            columns={reviewColumns(siteUrl, names)}
            rows={resource.data.reviews}
            rowKey={(row) => `${row.issueKey}-${String(row.offsetMonths)}`}
            // The server's order (overdue first, then by due date) is the state column's, ascending.
            initialSort={{ key: 'state', direction: 'ascending' }}
          />
          {resource.data.total > resource.data.reviews.length ? (
            <p className="vl-legend-note">
              The first {resource.data.reviews.length} of {resource.data.total} reviews, overdue first.
            </p>
          ) : null}
          <p className="vl-legend-note">
            A review is due from 30 days before its date and overdue after it; its owners close it in the
            epic’s Value panel.
          </p>
        </>
      ) : null}
    </DrillDownSection>
  );
}
