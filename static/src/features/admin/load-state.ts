import { useCallback, useEffect, useState } from 'react';
import type { Envelope, ResolverError } from '../../../../src/contract/envelope';

/** What a section shows while its data loads, once it has it, or when loading failed. */
export type Load<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ResolverError };

export interface Loaded<T> {
  load: Load<T>;
  /** True while fresh data is on its way for data already shown. */
  refreshing: boolean;
  /** Fetches again, keeping what is shown until the answer arrives. */
  refresh: () => void;
  /** Fetches again from the loading state (after a failure). */
  retry: () => void;
  replace: (data: T) => void;
}

/** Loads `fetch` (keep it stable: a `useCallback` or an api method) when shown, and on demand. */
export function useLoad<T>(fetch: () => Promise<Envelope<T>>): Loaded<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void fetch().then((result) => {
      if (!current) return;
      setLoad(result.ok ? { state: 'ready', data: result.data } : { state: 'failed', error: result.error });
      setRefreshing(false);
    });
    return () => {
      current = false;
    };
  }, [fetch, version]);

  const refresh = useCallback(() => {
    setRefreshing(true);
    setVersion((count) => count + 1);
  }, []);
  const retry = useCallback(() => {
    setLoad({ state: 'loading' });
    setVersion((count) => count + 1);
  }, []);
  const replace = useCallback((data: T) => {
    setLoad({ state: 'ready', data });
  }, []);
  return { load, refreshing, refresh, retry, replace };
}
