import { useState } from 'react';
import type { AuditEntry } from '../../../../../src/contract/admin.contract';
import type { ResolverError } from '../../../../../src/contract/envelope';
import { useAdminApi } from '../admin-context';
import { useResource } from '../../../shared/use-resource';
import { formatTime } from '../text';
import { SectionMessage } from '../../../ui/section-message';
import { Skeleton } from '../../../ui/skeleton';
import { useUserNames } from '../user-directory';
import { accountsOf, describeAction, describeValue, fieldName } from './describe-entry';
import { Button } from '../../../ui/button';

interface Log {
  entries: AuditEntry[];
  nextCursor: string | null;
}

/** Who changed objectives and settings, when, and what: newest first, a page at a time. */
export function AuditSection() {
  const api = useAdminApi();
  const first = useResource('audit', () => api.getAuditLog());
  // Older pages, fetched on demand after the first.
  const [older, setOlder] = useState<Log | null>(null);
  const [moreError, setMoreError] = useState<ResolverError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const log: Log | null =
    first.resource.state !== 'ready'
      ? null
      : {
          entries: [...first.resource.data.entries, ...(older?.entries ?? [])],
          nextCursor: older === null ? first.resource.data.nextCursor : older.nextCursor,
        };
  const error = first.resource.state === 'failed' ? first.resource.error : moreError;
  const nameOf = useUserNames(log?.entries.flatMap(accountsOf) ?? []);

  async function loadMore(): Promise<void> {
    if (log?.nextCursor == null) return;
    setLoadingMore(true);
    setMoreError(null);
    const result = await api.getAuditLog(log.nextCursor);
    setLoadingMore(false);
    if (result.ok)
      setOlder({
        entries: [...(older?.entries ?? []), ...result.data.entries],
        nextCursor: result.data.nextCursor,
      });
    else setMoreError(result.error);
  }

  return (
    <section aria-labelledby="audit-title">
      <div className="vl-section-header">
        <div>
          <h2 id="audit-title">Audit log</h2>
          <p className="vl-subtle">
            Every change to objectives and settings, and every import, newest first.
          </p>
        </div>
      </div>
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
      {log !== null && log.entries.length === 0 && (
        <div className="vl-empty">
          <h3>No changes recorded yet</h3>
          <p>Creating or editing an objective, saving settings or importing a file adds an entry here.</p>
        </div>
      )}
      {log !== null && log.entries.length > 0 && (
        <>
          <div className="vl-table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
            <table className="vl-table vl-audit-table">
              <caption id="audit-caption" className="vl-visually-hidden">
                Changes to objectives and settings, newest first ({log.entries.length} shown)
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {log.entries.map((entry, index) => (
                  <tr key={`${entry.at}-${String(index)}`}>
                    <td className="vl-nowrap">
                      <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                    </td>
                    <td>{nameOf(entry.by)}</td>
                    <th scope="row">{describeAction(entry.action)}</th>
                    <td>
                      {entry.changes.length === 0 ? (
                        <span className="vl-subtle">No field changed</span>
                      ) : (
                        <ul className="vl-change-list">
                          {entry.changes.map((change) => (
                            <li key={change.path}>
                              <span className="vl-change-field">{fieldName(change.path)}</span>{' '}
                              {change.before !== null && (
                                <>
                                  <del>{describeValue(change.path, change.before, nameOf)}</del>
                                  <span aria-hidden="true"> → </span>
                                  <span className="vl-visually-hidden"> changed to </span>
                                </>
                              )}
                              <ins>{describeValue(change.path, change.after, nameOf)}</ins>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="vl-form-actions">
            {log.nextCursor !== null ? (
              <Button
                onClick={() => void loadMore()}

                busy={loadingMore}
              >
                Load older changes
              </Button>
            ) : (
              <span className="vl-subtle">That is every change recorded.</span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
