import { useEffect, useState } from 'react';
import type { HistoryEntry, ObjectiveOption } from '../../../../src/contract/panel.contract';
import { displayNames, getHistory } from './api';
import { describeChange, peopleNamedBy } from './history-text';
import { Button } from '../../ui/button';
import { SectionMessage } from '../../ui/section-message';

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Everyone the entries name: who saved each, and the benefit owners their changes name. */
function peopleIn(entries: readonly HistoryEntry[]): string[] {
  return entries.flatMap((entry) => [entry.by, ...entry.changes.flatMap(peopleNamedBy)]);
}

/** `request` names what was asked for; state for an older request shows as loading. */
type HistoryState = { request: string } & (
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      entries: HistoryEntry[];
      nextCursor: string | null;
      names: ReadonlyMap<string, string>;
      objectiveNames: Record<string, string>;
    }
);

interface HistoryTabProps {
  issueKey: string;
  currency: string;
  objectives: readonly ObjectiveOption[];
  /** The revision shown in the editor; a new one (a save) reloads the history. */
  revision: number;
}

/** Who changed the epic's value, when, and what, newest first. */
export function HistoryTab({ issueKey, currency, objectives, revision }: HistoryTabProps) {
  const [attempt, setAttempt] = useState(0);
  const request = `${issueKey}@${String(revision)}#${String(attempt)}`;
  const [loaded, setState] = useState<HistoryState>({ request: '', status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const state: HistoryState = loaded.request === request ? loaded : { request, status: 'loading' };

  useEffect(() => {
    const run = new AbortController();
    const stopped = () => run.signal.aborted;
    void (async () => {
      const page = await getHistory(issueKey);
      if (stopped()) return;
      if (!page.ok) {
        setState({ request, status: 'error', message: page.error.message });
        return;
      }
      const names = await displayNames(peopleIn(page.data.entries));
      if (!stopped()) {
        setState({
          request,
          status: 'ready',
          entries: page.data.entries,
          nextCursor: page.data.nextCursor,
          names,
          objectiveNames: page.data.objectiveNames,
        });
      }
    })();
    return () => {
      run.abort();
    };
  }, [issueKey, request]);

  const loadMore = async () => {
    if (state.status !== 'ready' || state.nextCursor === null) return;
    setLoadingMore(true);
    const page = await getHistory(issueKey, state.nextCursor);
    setLoadingMore(false);
    if (!page.ok) {
      setState({ request, status: 'error', message: page.error.message });
      return;
    }
    const names = await displayNames(peopleIn([...state.entries, ...page.data.entries]));
    setState({
      request,
      status: 'ready',
      entries: [...state.entries, ...page.data.entries],
      nextCursor: page.data.nextCursor,
      names,
      objectiveNames: page.data.objectiveNames,
    });
  };

  if (state.status === 'loading') {
    return (
      <div className="placeholder-list" role="status" aria-label="Loading the history">
        <div className="placeholder placeholder-line" />
        <div className="placeholder placeholder-line short" />
        <div className="placeholder placeholder-line" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <SectionMessage appearance="error" role="alert">
        <p>
          <strong>The history could not be loaded.</strong> {state.message}
        </p>
        <Button
          onClick={() => {
            setAttempt(attempt + 1);
          }}
        >
          Try again
        </Button>
      </SectionMessage>
    );
  }
  if (state.entries.length === 0) {
    return (
      <div className="empty-state">
        <p>
          <strong>No changes yet.</strong> Every save of this epic’s value is listed here: who changed what,
          and when.
        </p>
      </div>
    );
  }
  // The history page names archived objectives too; the panel's own list has only the active ones.
  const names = new Map([
    ...Object.entries(state.objectiveNames),
    ...objectives.map((objective) => [objective.id, objective.name] as const),
  ]);
  const objectiveName = (id: string) => names.get(id) ?? id;
  return (
    <>
      <ol className="history">
        {state.entries.map((entry) => (
          <li key={entry.revision} className="history-entry">
            <h3 className="history-who">
              {state.names.get(entry.by) ?? entry.by}{' '}
              <span className="history-when">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · revision {entry.revision}
              </span>
            </h3>
            {entry.changes.length === 0 ? (
              <p className="history-none">Saved without changes.</p>
            ) : (
              <ul className="history-changes">
                {entry.changes.map((change, index) => (
                  <li key={index}>
                    {describeChange(change, {
                      currency,
                      objectiveName,
                      personName: (accountId) => state.names.get(accountId) ?? accountId,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {state.nextCursor === null ? null : (
        <Button disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? 'Loading…' : 'Show older changes'}
        </Button>
      )}
    </>
  );
}
