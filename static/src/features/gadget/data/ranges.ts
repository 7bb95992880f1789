import { useEffect, useState } from 'react';
import { GADGET } from '../../../../../src/contract/resolver-keys';
// Types only: the contracts build zod schemas, which the gadget bundle must not carry.
import type { PlanningJobView } from '../../../../../src/contract/planning-job.contract';
import type { RangesView } from '../../../../../src/contract/ranges.contract';
import { callResolver } from '../../../shared/resolver-client';
import { useResource, type LoadedResource, type Resource } from '../../../shared/use-resource';
import type { ScopeRequest } from './gadget-api';

export function getRanges(request: ScopeRequest) {
  return callResolver<RangesView>(GADGET.getRanges, request);
}

/** Starts the ranges of a scope too large for one call as a job (or answers the running one). */
export function startRangesJob(request: ScopeRequest) {
  return callResolver<PlanningJobView>(GADGET.startRangesJob, request);
}

/** The user's running or recent ranges job for this request, or null. */
export function findRangesJob(request: ScopeRequest) {
  return callResolver<PlanningJobView | null>(GADGET.findRangesJob, request);
}

/** A ranges job's progress, and its ranges once done. */
export function getRangesJob(jobId: string) {
  return callResolver<PlanningJobView>(GADGET.getRangesJob, { jobId });
}

/** The ranges of a scope too large for one call, computed by a job of the server's queue. */
export interface BackgroundRanges {
  /** The job, once started or found again; null before. */
  job: PlanningJobView | null;
  starting: boolean;
  /** Why the last start failed, until one succeeds. */
  startError: string | null;
  start: () => void;
  /** Takes the job as its follower last read it: a finished job's ranges become the ones shown. */
  followed: (job: PlanningJobView) => void;
}

export interface RangesLoad extends LoadedResource<RangesView> {
  /** Set when the scope is too large for one call (TOO_LARGE): its ranges can be computed by a job. */
  background: BackgroundRanges | null;
}

interface BackgroundState {
  key: string;
  job: PlanningJobView | null;
  starting: boolean;
  startError: string | null;
}

/**
 * The risk ranges of the gadget's scope (seeded, so the same on every load), fetched again when
 * `refreshKey` changes; nothing is fetched while `enabled` is false. A scope too large for one
 * call gets `background`: the user's running or recent job for the same request is found at
 * once, and `start` begins one; once it is done, its ranges are shown as a live answer would be.
 */
export function useRanges(request: ScopeRequest, refreshKey: string, enabled: boolean): RangesLoad | null {
  const key = JSON.stringify([request, refreshKey, enabled]);
  const loaded = useResource(key, () =>
    enabled
      ? getRanges(request)
      : Promise.resolve({ ok: false as const, error: { code: 'BAD_REQUEST' as const, message: 'off' } }),
  );
  const tooLarge =
    enabled && loaded.resource.state === 'failed' && loaded.resource.error.code === 'TOO_LARGE';
  const fresh: BackgroundState = { key, job: null, starting: false, startError: null };
  const [state, setState] = useState<BackgroundState>(fresh);
  const current = state.key === key ? state : fresh;
  const update = (change: Partial<BackgroundState>) => {
    setState((before) => ({ ...(before.key === key ? before : { ...fresh }), ...change }));
  };

  useEffect(() => {
    if (!tooLarge) return;
    let live = true;
    findRangesJob(request).then(
      (answer) => {
        if (live && answer.ok && answer.data !== null) update({ job: answer.data });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names the request
  }, [tooLarge, key]);

  if (!enabled) return null;
  const start = () => {
    update({ starting: true, startError: null });
    startRangesJob(request).then(
      (answer) => {
        update(
          answer.ok
            ? { job: answer.data, starting: false }
            : { starting: false, startError: answer.error.message },
        );
      },
      () => {
        update({ starting: false, startError: 'the bridge did not answer' });
      },
    );
  };
  const result =
    current.job?.kind === 'ranges' && current.job.state === 'done' ? current.job.result : undefined;
  const resource: Resource<RangesView> =
    tooLarge && result !== undefined ? { state: 'ready', data: result } : loaded.resource;
  return {
    ...loaded,
    resource,
    background: tooLarge
      ? {
          job: current.job,
          starting: current.starting,
          startError: current.startError,
          start,
          followed: (job) => {
            update({ job });
          },
        }
      : null,
  };
}
