import { useCallback, useEffect, useState } from 'react';
import type { Envelope, ResolverError } from '../../../src/contract/envelope';

/** What a view shows while its data loads, once it has it, or when loading failed. */
export type Resource<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ResolverError };

export interface LoadedResource<T> {
  resource: Resource<T>;
  /** True while fresh data is on its way for data already shown. */
  refreshing: boolean;
  /** Fetches again, keeping what is shown until the answer arrives. */
  refresh: () => void;
  /** Fetches again from the loading state (after a failure). */
  retry: () => void;
  /** Shows data the caller already has (e.g. a save's answer) without fetching. */
  replace: (data: T) => void;
}

/**
 * The one data-loading hook of every module: runs `fetch` when shown, whenever `key` changes, and
 * on demand. An answer is kept with the request it answers, so a slow response for an older key
 * never shows as the newer one's. `fetch` may be a fresh closure each render: `key` says when
 * what it loads has changed.
 */
export function useResource<T>(key: string, fetch: () => Promise<Envelope<T>>): LoadedResource<T> {
  const [attempt, setAttempt] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const requestKey = `${key}\u0000${String(attempt)}`;
  const [settled, setSettled] = useState<{ key: string; sourceKey: string; resource: Resource<T> } | null>(
    null,
  );
  useEffect(() => {
    let current = true;
    fetch().then(
      (envelope) => {
        if (!current) return;
        setSettled({
          key: requestKey,
          sourceKey: key,
          resource: envelope.ok
            ? { state: 'ready', data: envelope.data }
            : { state: 'failed', error: envelope.error },
        });
        setRefreshing(false);
      },
      (error: unknown) => {
        if (!current) return;
        setSettled({
          key: requestKey,
          sourceKey: key,
          resource: { state: 'failed', error: { code: 'UPSTREAM', message: messageOf(error) } },
        });
        setRefreshing(false);
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `requestKey` names what `fetch` loads
  }, [requestKey]);

  const refresh = useCallback(() => {
    setRefreshing(true);
    setAttempt((count) => count + 1);
  }, []);
  const retry = useCallback(() => {
    setSettled(null);
    setAttempt((count) => count + 1);
  }, []);
  const replace = useCallback(
    (data: T) => {
      setSettled({ key: requestKey, sourceKey: key, resource: { state: 'ready', data } });
    },
    [requestKey, key],
  );
  // While refreshing, what was shown for the same key stays shown.
  const resource: Resource<T> =
    settled === null
      ? { state: 'loading' }
      : settled.key === requestKey || (refreshing && settled.sourceKey === key)
        ? settled.resource
        : { state: 'loading' };
  return { resource, refreshing, refresh, retry, replace };
}

/** Wraps a loader that throws on failure (Jira's REST API through the bridge) as an envelope. */
export async function envelopeOf<T>(load: () => Promise<T>): Promise<Envelope<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    return { ok: false, error: { code: 'UPSTREAM', message: messageOf(error) } };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
