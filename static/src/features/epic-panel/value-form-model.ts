import type { EpicValueView } from '../../../../src/contract/panel.contract';
import { parseMonth } from '../../shared/months';
import { getIn, sameDraft, updateIn, type Draft } from './draft';
import type { StoredDraft } from './draft-store';
import { cardOf, draftPathOf } from './field-paths';
import type { FieldKind } from './form';
import { formatDecimalInput, formatPercentInput, parseDecimal } from './numbers';
import { rebase } from './rebase';
import type { SaveState } from './save-bar';
import type { FieldErrors } from './validate';

/**
 * The Value tab's form as one pure model: what was saved (`base`), what the user has typed
 * (`draft`), which problems to show, and where a save stands. Every change is an action, so the
 * rules (when an error shows, what a save or a conflict does to the edits) are testable without
 * React. Drafts that need fresh React keys (`toDraft`, `withFreshKeys`) are made by the caller and
 * passed in, which keeps the reducer pure.
 */
export interface ValueFormState {
  base: Draft;
  draft: Draft;
  /** Field errors the server sent for the last save, by path; cleared as their field changes. */
  serverErrors: FieldErrors;
  /** Fields whose own problem shows (left after typing, or a typing pause). */
  touched: ReadonlySet<string>;
  /** After a save attempt every problem shows, touched or not. */
  showAll: boolean;
  /** Open cards, by key (`benefit:<id>`, `costs:planned`). */
  expanded: ReadonlySet<string>;
  saving: boolean;
  /** A save that failed for a reason other than a field: shown under the Save button. */
  saveError: { message: string; savedInPart: boolean } | null;
  summaryOpen: boolean;
  /** Someone else's save that this one collided with, until the user picks a way on. */
  conflict: EpicValueView | null;
  rebaseNote: { headline: string; overlaps: string[] } | null;
  /** Edits set aside by a discard (or by taking their version), which Undo brings back. */
  discarded: { base: Draft; mine: Draft } | null;
  /** The last save just landed and nothing was typed since. */
  fresh: boolean;
  /** Unsaved edits from an earlier visit, offered back until the user decides. */
  restorable: StoredDraft | null;
}

export type ValueFormAction =
  | { type: 'edit'; path: string; value: string }
  | { type: 'touch'; path: string }
  | { type: 'tidy'; path: string; kind: FieldKind; decimals: number; currency: string }
  | { type: 'restructure'; path: string; change: (old: unknown) => unknown }
  | { type: 'expand'; key: string; open: boolean }
  | { type: 'save-refused'; paths: readonly string[] }
  | { type: 'save-started' }
  | { type: 'save-succeeded'; sent: Draft; saved: Draft }
  | { type: 'save-conflicted'; current: EpicValueView }
  | { type: 'save-rejected-fields'; fields: readonly { path: string; message: string }[]; sent: Draft }
  | { type: 'save-failed'; message: string; savedInPart: boolean }
  | { type: 'reapply'; theirs: Draft; name: string }
  | { type: 'take-theirs'; theirs: Draft }
  | { type: 'discard' }
  | { type: 'undo-discard' }
  | { type: 'restore'; mine: Draft; sameRevision: boolean }
  | { type: 'drop-restorable' };

/** A fresh form over a saved draft, with an earlier visit's edits offered back when they differ. */
export function initialFormState(base: Draft, stored: StoredDraft | null): ValueFormState {
  return {
    base,
    draft: base,
    serverErrors: {},
    touched: new Set(),
    showAll: false,
    expanded: new Set(),
    saving: false,
    saveError: null,
    summaryOpen: false,
    conflict: null,
    rebaseNote: null,
    discarded: null,
    fresh: false,
    restorable: stored !== null && !sameDraft(stored.mine, stored.base) ? stored : null,
  };
}

/** The tidy form of what was typed, once the user leaves the field; unchanged if it cannot be read. */
export function tidy(raw: string, kind: FieldKind, decimals: number, currency: string): string {
  if (kind === 'month') return parseMonth(raw) ?? raw;
  if (kind === 'text') return raw;
  if (kind === 'decimal') return raw.trim();
  const places = kind === 'amount' ? decimals : kind === 'percent' ? 4 : 0;
  const parsed =
    kind === 'amount'
      ? parseDecimal(raw, places, undefined, currency)
      : parseDecimal(kind === 'percent' ? raw.replace(/%\s*$/, '') : raw, places);
  if (!parsed.ok || parsed.units < 0) return raw;
  if (kind === 'amount') return formatDecimalInput(parsed.units / 10 ** decimals, decimals);
  if (kind === 'percent') return formatPercentInput(parsed.units / 1_000_000);
  return String(parsed.units);
}

/** `set` with the cards holding `paths` opened. */
function withCardsOf(set: ReadonlySet<string>, paths: readonly string[], draft: Draft): ReadonlySet<string> {
  const next = new Set(set);
  for (const path of paths) {
    const card = cardOf(path, draft);
    if (card !== null) next.add(card);
  }
  return next;
}

export function valueFormReducer(state: ValueFormState, action: ValueFormAction): ValueFormState {
  switch (action.type) {
    case 'edit': {
      const serverErrors =
        action.path in state.serverErrors
          ? Object.fromEntries(Object.entries(state.serverErrors).filter(([key]) => key !== action.path))
          : state.serverErrors;
      return {
        ...state,
        draft: updateIn(state.draft, action.path, () => action.value),
        serverErrors,
        fresh: false,
        discarded: null,
      };
    }
    case 'touch':
      return state.touched.has(action.path)
        ? state
        : { ...state, touched: new Set(state.touched).add(action.path) };
    case 'tidy': {
      const raw = getIn(state.draft, action.path);
      if (typeof raw !== 'string') return state;
      const tidied = tidy(raw, action.kind, action.decimals, action.currency);
      return tidied === raw ? state : { ...state, draft: updateIn(state.draft, action.path, () => tidied) };
    }
    case 'restructure':
      // Rows added or removed: the server's field errors, by index, no longer line up.
      return {
        ...state,
        draft: updateIn(state.draft, action.path, action.change),
        serverErrors: {},
        fresh: false,
        discarded: null,
      };
    case 'expand': {
      if (state.expanded.has(action.key) === action.open) return state;
      const expanded = new Set(state.expanded);
      if (action.open) expanded.add(action.key);
      else expanded.delete(action.key);
      return { ...state, expanded };
    }
    case 'save-refused':
      return {
        ...state,
        showAll: true,
        saveError: null,
        rebaseNote: null,
        summaryOpen: true,
        expanded: withCardsOf(state.expanded, action.paths, state.draft),
      };
    case 'save-started':
      return { ...state, showAll: true, saveError: null, rebaseNote: null, saving: true };
    case 'save-succeeded':
      return {
        ...state,
        // Edits made while the save was on its way stay in the form, on top of what was saved.
        draft: sameDraft(state.draft, action.sent)
          ? action.saved
          : rebase({ base: action.sent, mine: state.draft, theirs: action.saved }).draft,
        base: action.saved,
        serverErrors: {},
        touched: new Set(),
        showAll: false,
        summaryOpen: false,
        saving: false,
        fresh: true,
      };
    case 'save-conflicted':
      return { ...state, saving: false, conflict: action.current };
    case 'save-rejected-fields': {
      const fields = action.fields.map((field) => ({ ...field, path: draftPathOf(field.path, action.sent) }));
      const paths = fields.map((field) => field.path);
      return {
        ...state,
        saving: false,
        serverErrors: Object.fromEntries(fields.map((field) => [field.path, field.message])),
        expanded: withCardsOf(state.expanded, paths, action.sent),
        summaryOpen: true,
      };
    }
    case 'save-failed':
      return {
        ...state,
        saving: false,
        saveError: { message: action.message, savedInPart: action.savedInPart },
      };
    case 'reapply': {
      if (state.conflict === null) return state;
      const merged = rebase({ base: state.base, mine: state.draft, theirs: action.theirs });
      return {
        ...state,
        base: action.theirs,
        draft: merged.draft,
        serverErrors: {},
        conflict: null,
        rebaseNote: {
          headline: `Your changes are now on top of ${action.name}’s version.`,
          overlaps: merged.overlaps,
        },
      };
    }
    case 'take-theirs':
      if (state.conflict === null) return state;
      return {
        ...state,
        discarded: { base: state.base, mine: state.draft },
        base: action.theirs,
        draft: action.theirs,
        serverErrors: {},
        showAll: false,
        summaryOpen: false,
        conflict: null,
      };
    case 'discard':
      return {
        ...state,
        discarded: { base: state.base, mine: state.draft },
        draft: state.base,
        serverErrors: {},
        showAll: false,
        summaryOpen: false,
        rebaseNote: null,
      };
    case 'undo-discard':
      if (state.discarded === null) return state;
      return {
        ...state,
        draft: rebase({ base: state.discarded.base, mine: state.discarded.mine, theirs: state.base }).draft,
        discarded: null,
      };
    case 'restore': {
      const stored = state.restorable;
      if (stored === null) return state;
      if (action.sameRevision) {
        // A draft kept by an earlier panel lacks later fields on both sides; merged onto the
        // saved version, those fields keep what is saved instead of reading as cleared.
        const draft = sameDraft(stored.base, state.base)
          ? action.mine
          : rebase({ base: stored.base, mine: action.mine, theirs: state.base }).draft;
        return { ...state, draft, restorable: null };
      }
      const merged = rebase({ base: stored.base, mine: action.mine, theirs: state.base });
      return {
        ...state,
        draft: merged.draft,
        restorable: null,
        rebaseNote: {
          headline: 'Your earlier changes are back, on top of the version saved since.',
          overlaps: merged.overlaps,
        },
      };
    }
    case 'drop-restorable':
      return { ...state, restorable: null };
  }
}

/** The user has edits that are not saved. */
export function isDirty(state: ValueFormState): boolean {
  return !sameDraft(state.draft, state.base);
}

/**
 * The problems to show now: a client-side problem once its field is touched (or all of them after
 * a save attempt; the objectives' total always), and every problem the server named.
 */
export function visibleErrors(state: ValueFormState, clientErrors: FieldErrors): FieldErrors {
  const shown: FieldErrors = {};
  for (const [path, text] of Object.entries(clientErrors)) {
    if (state.showAll || state.touched.has(path) || path === 'value.objectives') shown[path] = text;
  }
  return { ...shown, ...state.serverErrors };
}

/** Where the edits stand, for the save bar. */
export function saveStateOf(state: ValueFormState): SaveState {
  if (state.saving) return 'saving';
  if (state.saveError !== null) return 'failed';
  if (isDirty(state)) return 'unsaved';
  return state.fresh ? 'saved' : 'clean';
}

/** Save is offered only when there is something to save and nothing is in the way. */
export function canSave(state: ValueFormState): boolean {
  return !state.saving && state.conflict === null && isDirty(state);
}
