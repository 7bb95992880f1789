import type { ReactNode } from 'react';
import { Button } from '../../ui/button';
import { Lozenge, type LozengeAppearance } from '../../ui/lozenge';
import { useHiddenBelow } from './use-hidden-below';

/** Where the user's edits stand. */
export type SaveState = 'clean' | 'unsaved' | 'saving' | 'saved' | 'failed';

/** Unsaved changes are said in words beside the buttons (and by the panel's own lozenge). */
const STATE: Record<
  Exclude<SaveState, 'clean' | 'unsaved'>,
  { text: string; appearance: LozengeAppearance }
> = {
  saving: { text: 'Saving', appearance: 'inprogress' },
  saved: { text: 'Saved', appearance: 'success' },
  failed: { text: 'Not saved', appearance: 'removed' },
};

interface SaveBarProps {
  state: SaveState;
  canSave: boolean;
  canDiscard: boolean;
  onSave: () => void;
  onDiscard: () => void;
  /** What the state means now (unsaved changes, a conflict to resolve, undo of a discard). */
  status: ReactNode;
  /** A failed save's message, shown beside the button that failed. */
  error: ReactNode;
}

/**
 * The panel's save bar: it stays at the bottom of the visible part of the panel while the page
 * scrolls through a long form (sticky, lifted by the part of the frame hidden below the page's
 * view), says where the edits stand (a lozenge and a sentence), confirms a save where the user
 * clicked, and shows a failed save's error right under its button rather than at the top.
 */
export function SaveBar({ state, canSave, canDiscard, onSave, onDiscard, status, error }: SaveBarProps) {
  const lozenge = state === 'clean' || state === 'unsaved' ? null : STATE[state];
  const hiddenBelow = useHiddenBelow();
  return (
    <section
      className="save-bar"
      aria-label="Save your changes"
      // With nothing to save or to say, the bar stays in its place rather than cover the panel.
      style={state === 'clean' ? undefined : { insetBlockEnd: `${String(hiddenBelow)}px` }}
    >
      <div className="save-bar-actions">
        <Button appearance="primary" busy={state === 'saving'} disabled={!canSave} onClick={onSave}>
          {state === 'saving' ? 'Saving…' : 'Save'}
        </Button>
        <Button appearance="subtle" disabled={!canDiscard || state === 'saving'} onClick={onDiscard}>
          Discard changes
        </Button>
        {lozenge === null ? null : <Lozenge appearance={lozenge.appearance}>{lozenge.text}</Lozenge>}
        <span className="save-status">{state === 'saving' ? 'Saving your changes…' : status}</span>
      </div>
      {error}
    </section>
  );
}
