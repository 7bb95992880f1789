import { useEffect, useState } from 'react';

export type LoadState<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/** Loads something once per attempt, keeping a failure to show (and retry) rather than an empty value. */
export function useRetryableLoad<T>(load: () => Promise<T>): [LoadState<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ attempt: number; result: LoadState<T> } | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => {
        if (current) setSettled({ attempt, result: { state: 'ready', value } });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (current) setSettled({ attempt, result: { state: 'failed', message } });
      },
    );
    return () => {
      current = false;
    };
    // Loaded once per attempt; the loader is stable for the editor's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  return [
    settled?.attempt === attempt ? settled.result : { state: 'loading' },
    () => {
      setAttempt((n) => n + 1);
    },
  ];
}
