import { useEffect } from 'react';
import type { Draft } from './draft';
import { storeDraft } from './draft-store';

/**
 * Unsaved edits are never dropped silently: the browser asks before the page goes away, and the
 * edits are kept in the browser too, since Jira removes the panel's iframe on navigation without
 * a `beforeunload`. Written on every change (a few KB), so even the last keystroke is kept.
 * Nothing is written while an earlier visit's edits are still offered back (`paused`).
 */
export function useUnsavedEditsKept(options: {
  storageKey: string;
  dirty: boolean;
  base: Draft;
  draft: Draft;
  baseRevision: number;
  paused: boolean;
}): void {
  const { storageKey, dirty, base, draft, baseRevision, paused } = options;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [dirty]);

  useEffect(() => {
    if (paused) return;
    storeDraft(
      storageKey,
      dirty ? { baseRevision, base, mine: draft, savedAt: new Date().toISOString() } : null,
    );
  }, [storageKey, dirty, draft, base, baseRevision, paused]);
}
