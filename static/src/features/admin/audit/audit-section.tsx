import { useState } from 'react';
import type { AuditEntry } from '../../../../../src/contract/admin.contract';
import type { ResolverError } from '../../../../../src/contract/envelope';
import { toCsv } from '../../../../../src/contract/csv';
import { downloadFile } from '../../../shared/download';
import { useResource } from '../../../shared/use-resource';
import { Button } from '../../../ui/button';
import { SectionMessage } from '../../../ui/section-message';
import { Skeleton } from '../../../ui/skeleton';
import { useAdminApi } from '../admin-context';
import type { AuditFilter } from '../admin-api';
import { ChangeList } from '../change-list';
import { formatTime } from '../text';
import { useUserNames } from '../user-directory';
import { AuditFilters } from './audit-filters';
import { accountsOf, auditCsvRows, describeAction, describeValue, fieldName } from './describe-entry';
import { SectionHeader } from '../section-header';

interface Log {
  entries: AuditEntry[];
  nextCursor: string | null;
}

/** Pages read for one export: 200 answers of up to 50 entries, far more than a site logs. */
const MAX_EXPORT_PAGES = 200;

/** Who changed objectives and settings, and who imported what, when: newest first, filtered, exported. */
export function AuditSection() {
  const api = useAdminApi();
  const [filter, setFilter] = useState<AuditFilter>({});
  const filterKey = JSON.stringify(filter);
  const first = useResource(`audit ${filterKey}`, () => api.getAuditLog(undefined, filter));
  // Older pages, fetched on demand after the first, for the filter they were asked with.
  const [older, setOlder] = useState<(Log & { filterKey: string }) | null>(null);
  const [moreError, setMoreError] = useState<ResolverError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [exporting, setExporting] = useState<'idle' | 'busy' | { failed: string }>('idle');
  const [people, setPeople] = useState<string[]>([]);
  const olderHere = older?.filterKey === filterKey ? older : null;
  const log: Log | null =
    first.resource.state !== 'ready'
      ? null
      : {
          entries: [...first.resource.data.entries, ...(olderHere?.entries ?? [])],
          nextCursor: olderHere === null ? first.resource.data.nextCursor : olderHere.nextCursor,
        };
  const error = first.resource.state === 'failed' ? first.resource.error : moreError;
  const seen = log?.entries.map((entry) => entry.by) ?? [];
  if (seen.some((accountId) => !people.includes(accountId))) setPeople([...new Set([...people, ...seen])]);
  const nameOf = useUserNames([...people, ...(log?.entries.flatMap(accountsOf) ?? [])]);

  async function loadMore(): Promise<void> {
    if (log?.nextCursor == null) return;
    setLoadingMore(true);
    setMoreError(null);
    const result = await api.getAuditLog(log.nextCursor, filter);
    setLoadingMore(false);
    if (result.ok)
      setOlder({
        filterKey,
        entries: [...(olderHere?.entries ?? []), ...result.data.entries],
        nextCursor: result.data.nextCursor,
      });
    else setMoreError(result.error);
  }

  /** Every entry the filter keeps, not only those shown, as CSV. */
  async function exportCsv(): Promise<void> {
    setExporting('busy');
    const entries: AuditEntry[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_EXPORT_PAGES; page += 1) {
      const result = await api.getAuditLog(cursor, filter);
      if (!result.ok) {
        setExporting({ failed: result.error.message });
        return;
      }
      entries.push(...result.data.entries);
      if (result.data.nextCursor === null) break;
      cursor = result.data.nextCursor;
    }
    downloadFile({
      filename: `value-layer-audit-log${filter.from === undefined ? '' : `-from-${filter.from}`}${filter.to === undefined ? '' : `-to-${filter.to}`}.csv`,
      mimeType: 'text/csv',
      parts: [toCsv(auditCsvRows(entries, nameOf))],
    });
    setExporting('idle');
  }

  return (
    <section aria-labelledby="audit-title">
      <SectionHeader
        id="audit-title"
        title="Audit log"
        actions={
          <Button
            onClick={() => void exportCsv()}
            busy={exporting === 'busy'}
            disabled={exporting === 'busy'}
          >
            Export CSV
          </Button>
        }
      >
        Every change to objectives and settings, and every import, newest first.
      </SectionHeader>
      <AuditFilters
        filter={filter}
        people={people}
        nameOf={nameOf}
        onChange={(next) => {
          setFilter(next);
          setMoreError(null);
        }}
      />
      {typeof exporting === 'object' && (
        <SectionMessage appearance="error" title="The audit log could not be exported">
          <p>{exporting.failed}</p>
        </SectionMessage>
      )}
      {log === null && error === null && <Skeleton label="Loading the audit log…" rows={5} />}
      {error !== null && (
        <SectionMessage
          appearance="error"
          title="The audit log could not be loaded"
          actions={<Button onClick={log === null ? first.retry : () => void loadMore()}>Try again</Button>}
        >
          <p>{error.message}</p>
        </SectionMessage>
      )}
      {log !== null && log.entries.length === 0 && log.nextCursor === null && (
        <div className="vl-empty">
          {filterKey === '{}' ? (
            <>
              <h3>No changes recorded yet</h3>
              <p>Creating or editing an objective, saving settings or importing a file adds an entry here.</p>
            </>
          ) : (
            <>
              <h3>No change matches these filters</h3>
              <p>Choose another kind, person or range of days.</p>
            </>
          )}
        </div>
      )}
      {log !== null && (log.entries.length > 0 || log.nextCursor !== null) && (
        <>
          <AuditTable entries={log.entries} nameOf={nameOf} />
          <div className="vl-form-actions">
            {log.nextCursor !== null ? (
              <Button onClick={() => void loadMore()} busy={loadingMore}>
                Load older changes
              </Button>
            ) : (
              <span className="vl-subtle">
                {filterKey === '{}' ? 'That is every change recorded.' : 'That is every change that matches.'}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function AuditTable({
  entries,
  nameOf,
}: {
  entries: readonly AuditEntry[];
  nameOf: (accountId: string) => string;
}) {
  return (
    <div className="vl-table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      {/* What and how come first: on a narrow frame they are what shows, when and who scroll in. */}
      <table className="vl-table vl-audit-table">
        <caption id="audit-caption" className="vl-visually-hidden">
          Changes to objectives and settings, newest first ({entries.length} shown)
        </caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Changes</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={`${entry.at}-${String(index)}`}>
              <th scope="row">{describeAction(entry.action)}</th>
              <td>
                {entry.changes.length === 0 ? (
                  <span className="vl-subtle">No field changed</span>
                ) : (
                  <ChangeList
                    lines={entry.changes.map((change, line) => ({
                      key: `${change.path}-${String(line)}`,
                      field: fieldName(change.path),
                      before:
                        change.before === null ? null : describeValue(change.path, change.before, nameOf),
                      after: describeValue(change.path, change.after, nameOf),
                    }))}
                  />
                )}
              </td>
              <td className="vl-nowrap">
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
              </td>
              <td>{nameOf(entry.by)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
