import { useEffect, useState } from 'react';
import type { EpicValueView, UnreadableRecord } from '../../../../src/contract/panel.contract';
import { getValue, panelContext } from './api';
import { isUnreadableRecord } from './unreadable-record-notice';

export type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; title: string; message: string; retry: boolean }
  | { status: 'unreadable'; issueKey: string; accountId: string; record: UnreadableRecord }
  | { status: 'ready'; issueKey: string; accountId: string; view: EpicValueView };

/**
 * Loads the epic's value for the issue the panel is on: `[state, setState, reload]`. A host that
 * cannot say which issue this is, a missing epic, an unreadable record and a failed call each
 * get their own state, and say whether trying again can help.
 */
export function usePanelLoad(): [LoadState, (state: LoadState) => void, () => void] {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

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

  const reload = () => {
    setState({ status: 'loading' });
    setAttempt((old) => old + 1);
  };
  return [state, setState, reload];
}
