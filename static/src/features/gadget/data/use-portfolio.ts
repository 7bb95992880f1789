import { useCallback, useEffect, useState } from 'react';
import type { ResolverError } from '../../../../../src/contract/envelope';
import type { PortfolioView, Scope } from '../../../../../src/contract/gadget.contract';
import { getPortfolio, livePage, type ScopeRequest } from './gadget-api';

/** How far a live computation has got: epics read, and Jira's approximate total when known. */
export interface LiveProgress {
  processed: number;
  total: number | null;
}

/**
 * What a failed load can do next: `continue` the live computation from its last cursor (the
 * epics already read are kept on the server), `restart` from scratch, or `none` (retrying cannot
 * help: the scope must be edited or the viewer lacks access).
 */
export type NextStep = 'continue' | 'restart' | 'none';

export type PortfolioLoad =
  | { state: 'loading'; progress: LiveProgress | null }
  | { state: 'ready'; data: PortfolioView }
  | { state: 'failed'; error: ResolverError; progress: LiveProgress | null; next: NextStep };

/**
 * The roll-up store answers the whole-site and projects scopes at once; every other scope is
 * computed live, a bounded page per call (src/application/portfolio/get-portfolio.ts).
 */
export const isLiveScope = (scope: Scope) => scope.kind !== 'all' && scope.kind !== 'projects';

interface Resume {
  key: string;
  cursor: string;
  progress: LiveProgress;
}

interface Run {
  attempt: number;
  resume: Resume | null;
}

type Failure = { state: 'failed'; error: ResolverError; progress: LiveProgress | null; next: NextStep };

function nextStepOf(error: ResolverError, cursor: string | undefined): NextStep {
  if (error.fields?.some((field) => field.path === 'jql')) return 'none';
  switch (error.code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'TOO_LARGE':
      return 'none';
    case 'BAD_REQUEST':
      // With a cursor, the server has forgotten the computation (expired, or the currency changed).
      return cursor === undefined ? 'none' : 'restart';
    default:
      return cursor === undefined ? 'restart' : 'continue';
  }
}

/**
 * Loads the portfolio view of a request. Live scopes call `gadget/live-page` until its cursor runs
 * out, reporting progress after each page; a change of `key` or unmounting stops the loop before
 * its next call. After a failure, `retry` goes on from the last cursor rather than from the start.
 */
export function usePortfolio({
  key,
  request,
  countEpics,
}: {
  /** Changes whenever what is loaded changes (scope, month, a dashboard refresh). */
  key: string;
  request: ScopeRequest;
  /** Jira's approximate number of epics of a JQL scope, or null (see epic-count.ts). */
  countEpics: (jql: string) => Promise<number | null>;
}): { load: PortfolioLoad; retry: () => void } {
  const [run, setRun] = useState<Run>({ attempt: 0, resume: null });
  const runKey = `${String(run.attempt)}:${key}`;
  const [settled, setSettled] = useState<{ runKey: string; load: PortfolioLoad; resume: Resume | null }>();

  useEffect(() => {
    let current = true;
    const publish = (load: PortfolioLoad, resume: Resume | null = null) => {
      if (current) setSettled({ runKey, load, resume });
    };
    async function loadRollup() {
      const envelope = await getPortfolio(request);
      publish(
        envelope.ok
          ? { state: 'ready', data: envelope.data }
          : {
              state: 'failed',
              error: envelope.error,
              progress: null,
              next: nextStepOf(envelope.error, undefined),
            },
      );
    }
    async function loadLive() {
      const resume = run.resume?.key === key ? run.resume : null;
      let cursor = resume?.cursor;
      const progress: LiveProgress = resume ? { ...resume.progress } : { processed: 0, total: null };
      let finished = false;
      if (resume === null && request.scope.kind === 'jql') {
        // In parallel with the first page; a count that comes late (or never) only refines the bar.
        void countEpics(request.scope.jql).then((total) => {
          progress.total = total;
          if (!finished && total !== null) publish({ state: 'loading', progress: { ...progress } });
        });
      }
      for (;;) {
        const envelope = await livePage({ ...request, ...(cursor === undefined ? {} : { cursor }) });
        if (!current) return;
        if (!envelope.ok) {
          finished = true;
          const failure: Failure = {
            state: 'failed',
            error: envelope.error,
            progress: { ...progress },
            next: nextStepOf(envelope.error, cursor),
          };
          publish(failure, cursor === undefined ? null : { key, cursor, progress: { ...progress } });
          return;
        }
        progress.processed = envelope.data.processed;
        if (envelope.data.nextCursor === null) {
          finished = true;
          if (envelope.data.view) publish({ state: 'ready', data: envelope.data.view });
          else
            publish({
              state: 'failed',
              error: { code: 'INTERNAL', message: 'The server finished without sending the figures.' },
              progress: { ...progress },
              next: 'restart',
            });
          return;
        }
        cursor = envelope.data.nextCursor;
        publish({ state: 'loading', progress: { ...progress } });
      }
    }
    void (isLiveScope(request.scope) ? loadLive() : loadRollup());
    return () => {
      current = false;
    };
    // `request` and `countEpics` are fresh each render; `runKey` says when what is loaded changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runKey]);

  const load: PortfolioLoad =
    settled?.runKey === runKey
      ? settled.load
      : {
          state: 'loading',
          progress:
            run.resume?.key === key
              ? run.resume.progress
              : isLiveScope(request.scope)
                ? { processed: 0, total: null }
                : null,
        };
  const resume = settled?.runKey === runKey && load.state === 'failed' ? settled.resume : null;
  const next = load.state === 'failed' ? load.next : 'none';
  const retry = useCallback(() => {
    setRun((current) => ({
      attempt: current.attempt + 1,
      resume: next === 'continue' ? resume : null,
    }));
  }, [next, resume]);
  return { load, retry };
}
