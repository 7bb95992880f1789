import { useEffect, useState } from 'react';
import type { AdminTargets } from '../config/effective-target';

export type AdminTargetsState =
  { state: 'loading' } | { state: 'ready'; targets: AdminTargets } | { state: 'failed'; message: string };

/** Loads the admin's default targets once per attempt, keeping a failure to show and retry. */
export function useAdminTargets(load: () => Promise<AdminTargets>): [AdminTargetsState, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ attempt: number; result: AdminTargetsState } | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (targets) => {
        if (current) setSettled({ attempt, result: { state: 'ready', targets } });
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
