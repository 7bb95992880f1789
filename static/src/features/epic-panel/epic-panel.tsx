import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EpicValueView } from '../../../../src/contract/panel.contract';
import { displayNames } from './api';
import { formatDateTime, HistoryTab } from './history-tab';
import { UnreadableRecordNotice } from './unreadable-record-notice';
import { usePanelLoad } from './use-panel-load';
import { ValueTab } from './value-tab';
import './epic-panel.css';
import { Button } from '../../ui/button';
import { Lozenge } from '../../ui/lozenge';
import { SectionMessage } from '../../ui/section-message';

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
  const [state, setState, reload] = usePanelLoad();
  const [tab, setTab] = useState<TabId>('value');
  const [historyOpened, setHistoryOpened] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [savedBy, setSavedBy] = useState<{ id: string; name: string } | null>(null);
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());

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

  const issueKey = state.status === 'ready' ? state.issueKey : null;
  const accountId = state.status === 'ready' ? state.accountId : '';
  const onViewChange = useCallback(
    (next: EpicValueView) => {
      if (issueKey !== null) setState({ status: 'ready', issueKey, accountId, view: next });
    },
    [issueKey, accountId, setState],
  );

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
          {state.retry ? <Button onClick={reload}>Try again</Button> : null}
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
            {/* Not the kit's Tabs, which render only the selected panel: the Value tab stays
                mounted behind History so that unsaved edits survive a look at the history. */}
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
            {dirty ? <Lozenge appearance="moved">Unsaved changes</Lozenge> : null}
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
              onReload={reload}
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
