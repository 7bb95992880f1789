import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { amountDecimalsOf } from '../../../../src/contract/currencies';
import type { FieldError as ServerFieldError } from '../../../../src/contract/envelope';
import type { EpicValueView, SaveConflict } from '../../../../src/contract/panel.contract';
import { saveValue } from './api';
import { BenefitsSection } from './benefits-section';
import { ConfidenceSection } from './confidence-section';
import { CostsSection } from './costs-section';
import { ConflictNotice } from './conflict-notice';
import { ErrorSummary, RebaseNote, RestoreOffer, SaveError } from './editor-messages';
import { ObjectivesSection } from './objectives-section';
import { SummarySection } from './summary-section';
import { cardOf, describePath } from './field-paths';
import { fieldId, getIn, sameDraft, toDraft, updateIn, withFreshKeys, withKeysOf, type Draft } from './draft';
import { readStoredDraft, storeDraft, type StoredDraft } from './draft-store';
import { FormContext, type FieldKind, type FormApi } from './form';
import { parseMonth } from '../../shared/months';
import { formatDecimalInput, formatPercentInput, parseDecimal } from './numbers';
import { rebase } from './rebase';
import { focusSoon } from './focus';
import { readDraft, type FieldErrors } from './validate';
import { SectionMessage } from '../../ui/section-message';
import { SaveBar } from './save-bar';

/** How long after the last keystroke a field's error shows: while typing, not on every key. */
const TYPING_PAUSE_MS = 600;

function isSaveConflict(details: unknown): details is SaveConflict {
  return typeof details === 'object' && details !== null && 'current' in details;
}

/** The tidy form of what was typed, once the user leaves the field; unchanged if it cannot be read. */
function tidy(raw: string, kind: FieldKind, decimals: number, currency: string): string {
  if (kind === 'month') return parseMonth(raw) ?? raw;
  if (kind === 'text') return raw;
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

interface ValueTabProps {
  issueKey: string;
  /** Where unsaved edits are kept in the browser (issue and user). */
  storageKey: string;
  view: EpicValueView;
  onViewChange: (view: EpicValueView) => void;
  onDirtyChange: (dirty: boolean) => void;
  /** Loads the epic's value again (after a save that stored only part of what it writes). */
  onReload?: () => void;
}

export function ValueTab({
  issueKey,
  storageKey,
  view,
  onViewChange,
  onDirtyChange,
  onReload,
}: ValueTabProps) {
  const decimals = amountDecimalsOf(view.currency) ?? 2;
  const [base, setBase] = useState<Draft>(() => toDraft(view.value, decimals));
  const [draft, setDraftState] = useState<Draft>(base);
  const draftRef = useRef(draft);
  const setDraft = useCallback((next: Draft | ((old: Draft) => Draft)) => {
    setDraftState((old) => {
      const value = typeof next === 'function' ? next(old) : next;
      draftRef.current = value;
      return value;
    });
  }, []);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [expanded, setExpandedState] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [savedInPart, setSavedInPart] = useState(false);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const [conflict, setConflict] = useState<EpicValueView | null>(null);
  const [rebaseNote, setRebaseNote] = useState<{ headline: string; overlaps: string[] } | null>(null);
  const [discarded, setDiscarded] = useState<{ base: Draft; mine: Draft } | null>(null);
  const [fresh, setFresh] = useState(false);
  const [message, setMessage] = useState('');
  // Edits from an earlier visit that were never saved, offered back until the user decides.
  const [restorable, setRestorable] = useState<StoredDraft | null>(() => {
    const stored = readStoredDraft(storageKey);
    return stored !== null && !sameDraft(stored.mine, stored.base) ? stored : null;
  });
  const typingTimers = useRef(new Map<string, number>());

  const dirty = !sameDraft(draft, base);
  const clientErrors = useMemo(
    () => readDraft(draft, { currency: view.currency, decimals }).errors,
    [draft, view.currency, decimals],
  );
  const errors = useMemo(() => {
    const shown: FieldErrors = {};
    for (const [path, text] of Object.entries(clientErrors)) {
      if (showAll || touched.has(path) || path === 'value.objectives') shown[path] = text;
    }
    return { ...shown, ...serverErrors };
  }, [clientErrors, serverErrors, showAll, touched]);

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  // Unsaved edits are never dropped silently: the browser asks before the page goes away.
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

  // Unsaved edits also outlive the iframe: Jira removes it, without beforeunload, on navigation.
  // Written on every change (a few KB), so even the last keystroke before leaving is kept.
  useEffect(() => {
    if (restorable !== null) return;
    storeDraft(
      storageKey,
      dirty ? { baseRevision: view.revision, base, mine: draft, savedAt: new Date().toISOString() } : null,
    );
  }, [storageKey, dirty, draft, base, view.revision, restorable]);

  useEffect(() => {
    const timers = typingTimers.current;
    return () => {
      for (const timer of timers.values()) window.clearTimeout(timer);
    };
  }, []);

  const touch = useCallback((path: string) => {
    setTouched((old) => (old.has(path) ? old : new Set(old).add(path)));
  }, []);

  // A field left by pressing a button below it shows its problem only once the click is done:
  // a message appearing on mousedown would move the button away from under the pointer.
  const pointer = useRef({ down: false, pending: new Set<string>() });
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

  const announce = useCallback((text: string) => {
    // Cleared first, so the same sentence twice is announced twice.
    setMessage('');
    window.setTimeout(() => {
      setMessage(text);
    }, 50);
  }, []);

  const form: FormApi = {
    draft,
    errors,
    readOnly: !view.canEdit,
    currency: view.currency,
    decimals,
    asOf: view.asOf,
    expanded,
    announce,
    setExpanded(key, open) {
      setExpandedState((old) => {
        const next = new Set(old);
        if (open) next.add(key);
        else next.delete(key);
        return next;
      });
    },
    setField(path, value) {
      setDraft((old) => updateIn(old, path, () => value));
      setFresh(false);
      setDiscarded(null);
      if (path in serverErrors) {
        setServerErrors((old) => Object.fromEntries(Object.entries(old).filter(([key]) => key !== path)));
      }
      const timers = typingTimers.current;
      window.clearTimeout(timers.get(path));
      timers.set(
        path,
        window.setTimeout(() => {
          timers.delete(path);
          touch(path);
        }, TYPING_PAUSE_MS),
      );
    },
    leaveField(path, kind) {
      // Only a field the user typed in shows its problem on leaving: an error appearing under a
      // field merely passed through would shift the layout under the pointer mid-click.
      const timers = typingTimers.current;
      if (timers.has(path)) {
        window.clearTimeout(timers.get(path));
        timers.delete(path);
        if (pointer.current.down) pointer.current.pending.add(path);
        else touch(path);
      }
      setDraft((old) => {
        const raw = getIn(old, path);
        if (typeof raw !== 'string') return old;
        const tidied = tidy(raw, kind, decimals, view.currency);
        return tidied === raw ? old : updateIn(old, path, () => tidied);
      });
    },
    update(path, change) {
      setDraft((old) => updateIn(old, path, change));
      setServerErrors({});
      setFresh(false);
      setDiscarded(null);
    },
  };

  const openAndFocus = (path: string) => {
    const card = cardOf(path, draftRef.current);
    if (card !== null) form.setExpanded(card, true);
    focusSoon(fieldId(path));
  };

  const save = async () => {
    if (saving || conflict !== null || !view.canEdit) return;
    const sent = draftRef.current;
    const read = readDraft(sent, { currency: view.currency, decimals });
    setShowAll(true);
    setSaveError(null);
    setRebaseNote(null);
    const problems = Object.keys(read.errors);
    if (problems.length > 0) {
      setExpandedState((old) => {
        const next = new Set(old);
        for (const path of problems) {
          const card = cardOf(path, sent);
          if (card !== null) next.add(card);
        }
        return next;
      });
      setSummaryOpen(true);
      focusSoon('error-summary');
      return;
    }
    setSaving(true);
    const result = await saveValue({ issueKey, baseRevision: view.revision, value: read.value });
    setSaving(false);
    if (result.ok) {
      const saved = withKeysOf(sent, toDraft(result.data.value, decimals));
      const latest = draftRef.current;
      // Edits made while the save was on its way stay in the form, on top of what was saved.
      setDraft(sameDraft(latest, sent) ? saved : rebase({ base: sent, mine: latest, theirs: saved }).draft);
      setBase(saved);
      setServerErrors({});
      setTouched(new Set());
      setShowAll(false);
      setSummaryOpen(false);
      setFresh(true);
      onViewChange(result.data);
      announce('Saved. The summary now includes your changes.');
      return;
    }
    const { error } = result;
    if (error.code === 'CONFLICT' && isSaveConflict(error.details)) {
      setConflict(error.details.current);
      return;
    }
    const fields = error.fields ?? [];
    if (fields.length > 0) {
      setServerErrors(
        Object.fromEntries(fields.map((field: ServerFieldError) => [field.path, field.message])),
      );
      for (const field of fields) {
        const card = cardOf(field.path, sent);
        if (card !== null) form.setExpanded(card, true);
      }
      setSummaryOpen(true);
      focusSoon('error-summary');
      return;
    }
    // Part of the save is stored: saving again would start from a revision that moved on.
    setSavedInPart(error.code === 'SAVE_INCOMPLETE');
    setSaveError(
      `${error.message}${error.code === 'FORBIDDEN' || error.code === 'SAVE_INCOMPLETE' ? '' : ' Your changes are still here; save again when ready.'}`,
    );
    focusSoon('save-error');
  };

  const reapply = (name: string) => {
    if (conflict === null) return;
    const theirs = withKeysOf(draftRef.current, toDraft(conflict.value, decimals));
    const merged = rebase({ base, mine: draftRef.current, theirs });
    setBase(theirs);
    setDraft(merged.draft);
    setServerErrors({});
    setRebaseNote({
      headline: `Your changes are now on top of ${name}’s version.`,
      overlaps: merged.overlaps,
    });
    onViewChange(conflict);
    setConflict(null);
    focusSoon('rebase-note');
  };

  const useTheirs = () => {
    if (conflict === null) return;
    const theirs = toDraft(conflict.value, decimals);
    setDiscarded({ base, mine: draftRef.current });
    setBase(theirs);
    setDraft(theirs);
    setServerErrors({});
    setShowAll(false);
    setSummaryOpen(false);
    onViewChange(conflict);
    setConflict(null);
    announce('Showing their version. Your changes were set aside: Undo brings them back.');
    focusSoon('undo-discard');
  };

  const discard = () => {
    setDiscarded({ base, mine: draftRef.current });
    setDraft(base);
    setServerErrors({});
    setShowAll(false);
    setSummaryOpen(false);
    setRebaseNote(null);
    announce('Changes discarded. Undo brings them back.');
    focusSoon('undo-discard');
  };

  const restore = () => {
    if (restorable === null) return;
    const mine = withFreshKeys(restorable.mine);
    if (restorable.baseRevision === view.revision) {
      setDraft(mine);
      announce('Your unsaved changes are back in the form.');
    } else {
      const merged = rebase({ base: restorable.base, mine, theirs: base });
      setDraft(merged.draft);
      setRebaseNote({
        headline: 'Your earlier changes are back, on top of the version saved since.',
        overlaps: merged.overlaps,
      });
    }
    setRestorable(null);
  };

  const dropRestorable = () => {
    storeDraft(storageKey, null);
    setRestorable(null);
    announce('The earlier unsaved changes were discarded.');
  };

  const undoDiscard = () => {
    if (discarded === null) return;
    setDraft(rebase({ base: discarded.base, mine: discarded.mine, theirs: base }).draft);
    setDiscarded(null);
    announce('Your changes are back.');
  };

  const errorList = Object.entries(errors);
  const objectiveNames = new Map(view.objectives.map((objective) => [objective.id, objective.name]));
  return (
    <div
      className="value-tab"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          void save();
        }
      }}
    >
      {view.canEdit ? null : (
        <SectionMessage appearance="information" role="note">
          <p>
            <strong>Read only.</strong> {view.readOnlyReason ?? 'You cannot change this epic’s value.'}
          </p>
        </SectionMessage>
      )}
      {restorable === null || !view.canEdit ? null : (
        <RestoreOffer savedAt={restorable.savedAt} onRestore={restore} onDiscard={dropRestorable} />
      )}
      {conflict === null ? null : (
        <ConflictNotice
          issueKey={issueKey}
          theirs={conflict}
          baseRevision={view.revision}
          onReapply={reapply}
          onUseTheirs={useTheirs}
        />
      )}
      {rebaseNote === null ? null : (
        <RebaseNote headline={rebaseNote.headline} overlaps={rebaseNote.overlaps} />
      )}
      {summaryOpen && errorList.length > 0 ? (
        <ErrorSummary
          errors={errorList.map(([path, text]) => ({
            path,
            where: describePath(path, draft, objectiveNames),
            text,
          }))}
          onGoTo={openAndFocus}
        />
      ) : null}
      <SummarySection view={view} decimals={decimals} stale={dirty} fresh={fresh && !dirty} />
      <FormContext value={form}>
        <BenefitsSection />
        <CostsSection />
        <ObjectivesSection options={view.objectives} />
        <ConfidenceSection done={view.epic.status === 'done'} />
      </FormContext>
      {view.canEdit ? (
        <SaveBar
          state={
            saving ? 'saving' : saveError !== null ? 'failed' : dirty ? 'unsaved' : fresh ? 'saved' : 'clean'
          }
          canSave={!saving && conflict === null && dirty}
          canDiscard={dirty}
          onSave={() => void save()}
          onDiscard={discard}
          status={
            <>
              {conflict !== null
                ? 'Choose how to continue above.'
                : dirty
                  ? 'Unsaved changes'
                  : discarded === null
                    ? 'No unsaved changes'
                    : null}
              {discarded === null ? null : (
                <>
                  {dirty ? ' · ' : 'Changes discarded. '}
                  <button type="button" id="undo-discard" className="vl-link-button" onClick={undoDiscard}>
                    Undo
                  </button>
                </>
              )}
            </>
          }
          error={
            saveError === null ? null : (
              <SaveError message={saveError} inPart={savedInPart} {...(onReload ? { onReload } : {})} />
            )
          }
        />
      ) : null}
      <div className="vl-visually-hidden" role="status" aria-live="polite">
        {message}
      </div>
    </div>
  );
}
