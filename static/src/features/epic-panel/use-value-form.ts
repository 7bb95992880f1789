import { useCallback, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { amountDecimalsOf } from '../../../../src/contract/currencies';
import type { EpicValueView, SaveConflict } from '../../../../src/contract/panel.contract';
import { saveValue, searchUsers } from './api';
import { fieldId, toDraft, withFreshKeys, withKeysOf } from './draft';
import { readStoredDraft, storeDraft } from './draft-store';
import { cardOf } from './field-paths';
import { focusSoon } from './focus';
import type { FormApi } from './form';
import { useAnnouncer } from './use-announcer';
import { useDisplayNames } from './use-display-names';
import { verifyRuleOf } from './verify-rule';
import { useFieldTouching } from './use-field-touching';
import { useUnsavedEditsKept } from './use-unsaved-edits-kept';
import { readDraft } from './validate';
import {
  initialFormState,
  isDirty,
  valueFormReducer,
  visibleErrors,
  type ValueFormState,
} from './value-form-model';

function isSaveConflict(details: unknown): details is SaveConflict {
  return typeof details === 'object' && details !== null && 'current' in details;
}

export interface ValueFormOptions {
  issueKey: string;
  /** Where unsaved edits are kept in the browser (issue and user). */
  storageKey: string;
  view: EpicValueView;
  onViewChange: (view: EpicValueView) => void;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * The Value tab's form wired to the world: the pure model (`value-form-model.ts`) driven by the
 * user's typing, the server's answers to a save, the focus, the screen reader and the browser's
 * storage. Returns the state, the `FormApi` the fields use, and the user's actions.
 */
export function useValueForm({ issueKey, storageKey, view, onViewChange, onDirtyChange }: ValueFormOptions) {
  const decimals = amountDecimalsOf(view.currency) ?? 2;
  const [state, dispatch] = useReducer(valueFormReducer, null, () =>
    initialFormState(toDraft(view.value, decimals), readStoredDraft(storageKey)),
  );
  // The latest state, for a save's answer and for Ctrl+S pressed right after a keystroke.
  const latest = useRef<ValueFormState>(state);
  useLayoutEffect(() => {
    latest.current = state;
  }, [state]);
  const [message, announce] = useAnnouncer();
  const touch = useCallback((path: string) => {
    dispatch({ type: 'touch', path });
  }, []);
  const touching = useFieldTouching(touch);

  const dirty = isDirty(state);
  const clientErrors = useMemo(
    () => readDraft(state.draft, { currency: view.currency, decimals }).errors,
    [state.draft, view.currency, decimals],
  );
  const errors = visibleErrors(state, clientErrors);

  useLayoutEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);
  useUnsavedEditsKept({
    storageKey,
    dirty,
    base: state.base,
    draft: state.draft,
    baseRevision: view.revision,
    paused: state.restorable !== null,
  });

  // Owners in the form, and who recorded and verified what was saved: named as Jira names them.
  const people = [
    ...state.draft.benefits.map((benefit) => benefit.owner),
    ...view.value.benefits.flatMap((benefit) => [
      benefit.owner ?? '',
      ...benefit.realised.flatMap((entry) => [entry.recordedBy ?? '', entry.verifiedBy ?? '']),
    ]),
  ].filter((accountId) => accountId !== '');
  const { nameOf, remember } = useDisplayNames(people);

  const form: FormApi = {
    saved: view.value,
    nameOf,
    searchUsers,
    rememberUser(user) {
      remember(user.accountId, user.displayName);
    },
    verify: verifyRuleOf(view),
    rangeDefaults: view.rangeDefaults,
    draft: state.draft,
    errors,
    readOnly: !view.canEdit,
    currency: view.currency,
    decimals,
    asOf: view.asOf,
    expanded: state.expanded,
    announce,
    setExpanded(key, open) {
      dispatch({ type: 'expand', key, open });
    },
    setField(path, value) {
      dispatch({ type: 'edit', path, value });
      touching.typed(path);
    },
    leaveField(path, kind) {
      touching.left(path);
      dispatch({ type: 'tidy', path, kind, decimals, currency: view.currency });
    },
    update(path, change) {
      dispatch({ type: 'restructure', path, change });
    },
  };

  const openAndFocus = (path: string) => {
    const card = cardOf(path, latest.current.draft);
    if (card !== null) dispatch({ type: 'expand', key: card, open: true });
    focusSoon(fieldId(path));
  };

  const save = async () => {
    const now = latest.current;
    if (now.saving || now.conflict !== null || !view.canEdit) return;
    const sent = now.draft;
    const read = readDraft(sent, { currency: view.currency, decimals });
    const problems = Object.keys(read.errors);
    if (problems.length > 0) {
      dispatch({ type: 'save-refused', paths: problems });
      focusSoon('error-summary');
      return;
    }
    dispatch({ type: 'save-started' });
    const result = await saveValue({ issueKey, baseRevision: view.revision, value: read.value });
    if (result.ok) {
      dispatch({
        type: 'save-succeeded',
        sent,
        saved: withKeysOf(sent, toDraft(result.data.value, decimals)),
      });
      onViewChange(result.data);
      announce('Saved. The summary now includes your changes.');
      return;
    }
    const { error } = result;
    if (error.code === 'CONFLICT' && isSaveConflict(error.details)) {
      dispatch({ type: 'save-conflicted', current: error.details.current });
      return;
    }
    const fields = error.fields ?? [];
    if (fields.length > 0) {
      dispatch({ type: 'save-rejected-fields', fields, sent });
      focusSoon('error-summary');
      return;
    }
    // Part of the save is stored: saving again would start from a revision that moved on.
    const final = error.code === 'FORBIDDEN' || error.code === 'SAVE_INCOMPLETE';
    dispatch({
      type: 'save-failed',
      message: `${error.message}${final ? '' : ' Your changes are still here; save again when ready.'}`,
      savedInPart: error.code === 'SAVE_INCOMPLETE',
    });
    focusSoon('save-error');
  };

  const reapply = (name: string) => {
    const { conflict, draft } = latest.current;
    if (conflict === null) return;
    dispatch({ type: 'reapply', theirs: withKeysOf(draft, toDraft(conflict.value, decimals)), name });
    onViewChange(conflict);
    focusSoon('rebase-note');
  };

  const takeTheirs = () => {
    const { conflict } = latest.current;
    if (conflict === null) return;
    dispatch({ type: 'take-theirs', theirs: toDraft(conflict.value, decimals) });
    onViewChange(conflict);
    announce('Showing their version. Your changes were set aside: Undo brings them back.');
    focusSoon('undo-discard');
  };

  const discard = () => {
    dispatch({ type: 'discard' });
    announce('Changes discarded. Undo brings them back.');
    focusSoon('undo-discard');
  };

  const restore = () => {
    const { restorable } = latest.current;
    if (restorable === null) return;
    const sameRevision = restorable.baseRevision === view.revision;
    dispatch({ type: 'restore', mine: withFreshKeys(restorable.mine), sameRevision });
    if (sameRevision) announce('Your unsaved changes are back in the form.');
  };

  const dropRestorable = () => {
    storeDraft(storageKey, null);
    dispatch({ type: 'drop-restorable' });
    announce('The earlier unsaved changes were discarded.');
  };

  const undoDiscard = () => {
    dispatch({ type: 'undo-discard' });
    announce('Your changes are back.');
  };

  return {
    state,
    form,
    dirty,
    errors,
    decimals,
    message,
    announce,
    save,
    reapply,
    takeTheirs,
    discard,
    restore,
    dropRestorable,
    undoDiscard,
    openAndFocus,
  };
}
