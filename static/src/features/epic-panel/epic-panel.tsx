import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EpicValueView, UnreadableRecord } from '../../../../src/contract/panel.contract';
import { displayNames, getValue, panelContext } from './api';
import { formatDateTime, HistoryTab } from './history-tab';
import { isUnreadableRecord, UnreadableRecordNotice } from './unreadable-record-notice';
import { ValueTab } from './value-tab';
import './epic-panel.css';
import { Button } from '../../ui/button';
import { SectionMessage } from '../../ui/section-message';

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; title: string; message: string; retry: boolean }
  | { status: 'unreadable'; issueKey: string; accountId: string; record: UnreadableRecord }
  | { status: 'ready'; issueKey: string; accountId: string; view: EpicValueView };

const TABS = [
  { id: 'value', label: 'Value' },
  { id: 'history', label: 'History' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function LoadingSkeleton() {
  return (
    <div className="placeholder-panel" role="status" aria-label="Loading the epic’s value">
      <div className="placeholder placeholder-tabs" />
      <div className="placeholder-metrics">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="placeholder placeholder-metric" />
        ))}
      </div>
      <div className="placeholder placeholder-chart" />
      <div className="placeholder placeholder-line" />
      <div className="placeholder placeholder-line short" />
    </div>
  );
}

/** The Value panel on an epic: its value at a glance, the form to record it, and its history. */
export function EpicPanel() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [tab, setTab] = useState<TabId>('value');
  const [historyOpened, setHistoryOpened] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [savedBy, setSavedBy] = useState<{ id: string; name: string } | null>(null);
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());

  useEffect(() => {
    const run = new AbortController();
    const stopped = () => run.signal.aborted;
    void (async () => {
      // A host that cannot say which issue this is gets the same answer as one without an issue.
      const { issueKey, accountId } = await panelContext().catch(() => ({ issueKey: null, accountId: '' }));
      if (issueKey === null) {
        if (!stopped()) {
          setState({
            status: 'failed',
            title: 'No epic to show',
            message:
              'Jira did not say which issue this panel is on. Reload the page, or open the panel from an epic.',
            retry: true,
          });
        }
        return;
      }
      const result = await getValue(issueKey);
      if (stopped()) return;
      if (result.ok) {
        setState({ status: 'ready', issueKey, accountId, view: result.data });
        return;
      }
      const { code, message, details } = result.error;
      if (code === 'UNREADABLE_RECORD' && isUnreadableRecord(details)) {
        setState({ status: 'unreadable', issueKey, accountId, record: details });
        return;
      }
      setState({
        status: 'failed',
        title:
          code === 'NOT_FOUND'
            ? 'This epic is not available'
            : code === 'BAD_REQUEST'
              ? 'Value is recorded on epics only'
              : 'The value could not be loaded',
        message,
        retry: code !== 'NOT_FOUND' && code !== 'BAD_REQUEST' && code !== 'FORBIDDEN',
      });
    })();
    return () => {
      run.abort();
    };
  }, [attempt]);

  const view = state.status === 'ready' ? state.view : null;
  const updatedBy = view?.updatedBy ?? null;
  useEffect(() => {
    if (updatedBy === null) return;
    const run = new AbortController();
    const stopped = () => run.signal.aborted;
    void displayNames([updatedBy]).then((names) => {
      if (!stopped()) setSavedBy({ id: updatedBy, name: names.get(updatedBy) ?? updatedBy });
    });
    return () => {
      run.abort();
    };
  }, [updatedBy]);

  const onViewChange = useCallback((next: EpicValueView) => {
    setState((old) => (old.status === 'ready' ? { ...old, view: next } : old));
  }, []);

  const select = (id: TabId) => {
    setTab(id);
    if (id === 'history') setHistoryOpened(true);
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((item) => item.id === tab);
    const target =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS.at(-1)
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    select(target.id);
    tabRefs.current.get(target.id)?.focus();
  };

  return (
    <main className="epic-panel" aria-labelledby="panel-title">
      <h1 id="panel-title" className="vl-visually-hidden">
        Value
      </h1>
      {state.status === 'loading' ? <LoadingSkeleton /> : null}
      {state.status === 'failed' ? (
        <SectionMessage appearance="error" role="alert">
          <h2 className="vl-message-title">{state.title}</h2>
          <p>{state.message}</p>
          {state.retry ? (
            <Button
              onClick={() => {
                setState({ status: 'loading' });
                setAttempt(attempt + 1);
              }}
            >
              Try again
            </Button>
          ) : null}
        </SectionMessage>
      ) : null}
      {state.status === 'unreadable' ? (
        <UnreadableRecordNotice
          record={state.record}
          onOverwritten={(view) => {
            setState({ status: 'ready', issueKey: state.issueKey, accountId: state.accountId, view });
          }}
        />
      ) : null}
      {state.status === 'ready' ? (
        <>
          <div className="panel-bar">
            <div role="tablist" aria-label="Value panel" className="vl-tabs">
              {TABS.map((item) => (
                <button
                  key={item.id}
                  ref={(element) => {
                    if (element) tabRefs.current.set(item.id, element);
                  }}
                  type="button"
                  role="tab"
                  id={`tab-${item.id}`}
                  className="vl-tab"
                  aria-selected={tab === item.id}
                  aria-controls={`tabpanel-${item.id}`}
                  tabIndex={tab === item.id ? 0 : -1}
                  onClick={() => {
                    select(item.id);
                  }}
                  onKeyDown={onTabKey}
                >
                  {item.label}
                </button>
              ))}
            </div>
            {dirty ? <span className="vl-lozenge vl-lozenge--moved">Unsaved changes</span> : null}
          </div>
          <p className="panel-meta">
            {state.view.updatedAt === null
              ? 'Not saved yet.'
              : `Last saved by ${savedBy !== null && savedBy.id === state.view.updatedBy ? savedBy.name : (state.view.updatedBy ?? 'someone')} · ${formatDateTime(state.view.updatedAt)}`}
          </p>
          <div role="tabpanel" id="tabpanel-value" aria-labelledby="tab-value" hidden={tab !== 'value'}>
            <ValueTab
              issueKey={state.issueKey}
              storageKey={`${state.issueKey}:${state.accountId}`}
              view={state.view}
              onViewChange={onViewChange}
              onDirtyChange={setDirty}
              onReload={() => {
                setState({ status: 'loading' });
                setAttempt((old) => old + 1);
              }}
            />
          </div>
          <div role="tabpanel" id="tabpanel-history" aria-labelledby="tab-history" hidden={tab !== 'history'}>
            {historyOpened ? (
              <HistoryTab
                issueKey={state.issueKey}
                currency={state.view.currency}
                objectives={state.view.objectives}
                revision={state.view.revision}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </main>
  );
}
