import { useCallback, useEffect, useRef } from 'react';

/** How long after the last keystroke a field's error shows: while typing, not on every key. */
const TYPING_PAUSE_MS = 600;

/**
 * When a field's own problem starts to show: after a pause in typing, or when the user leaves a
 * field they typed in. A field merely passed through never shows one (an error appearing under it
 * would shift the layout under the pointer mid-click), and a field left by pressing a button below
 * it shows its problem only once the click is done, so the button does not move away.
 */
export function useFieldTouching(touch: (path: string) => void): {
  typed(path: string): void;
  left(path: string): void;
} {
  const timers = useRef(new Map<string, number>());
  const pointer = useRef({ down: false, pending: new Set<string>() });

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    const state = pointer.current;
    const press = () => {
      state.down = true;
    };
    const release = () => {
      state.down = false;
      window.setTimeout(() => {
        for (const path of state.pending) touch(path);
        state.pending.clear();
      }, 0);
    };
    window.addEventListener('pointerdown', press, true);
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    return () => {
      window.removeEventListener('pointerdown', press, true);
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
    };
  }, [touch]);

  const typed = useCallback(
    (path: string) => {
      const pending = timers.current;
      window.clearTimeout(pending.get(path));
      pending.set(
        path,
        window.setTimeout(() => {
          pending.delete(path);
          touch(path);
        }, TYPING_PAUSE_MS),
      );
    },
    [touch],
  );

  const left = useCallback(
    (path: string) => {
      const pending = timers.current;
      if (!pending.has(path)) return;
      window.clearTimeout(pending.get(path));
      pending.delete(path);
      if (pointer.current.down) pointer.current.pending.add(path);
      else touch(path);
    },
    [touch],
  );

  return { typed, left };
}
