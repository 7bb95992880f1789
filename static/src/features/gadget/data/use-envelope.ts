import { useCallback, useEffect, useState } from 'react';
import type { Envelope, ResolverError } from '../../../../../src/contract/envelope';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ResolverError };

/**
 * Runs `load` whenever `key` changes (and on `reload`). An answer is kept with the request it
 * answers, so a slow response for an older scope never shows as the newer one's.
 */
export function useEnvelope<T>(key: string, load: () => Promise<Envelope<T>>): [Loaded<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const requestKey = `${String(attempt)}:${key}`;
  const [settled, setSettled] = useState<{ key: string; result: Loaded<T> } | null>(null);
  useEffect(() => {
    let current = true;
    void load().then((envelope) => {
      if (!current) return;
      setSettled({
        key: requestKey,
        result: envelope.ok
          ? { state: 'ready', data: envelope.data }
          : { state: 'failed', error: envelope.error },
      });
    });
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `requestKey` says when what it loads has changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);
  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  return [settled?.key === requestKey ? settled.result : { state: 'loading' }, reload];
}
