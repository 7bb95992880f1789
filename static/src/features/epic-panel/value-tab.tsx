import type { EpicValueView } from '../../../../src/contract/panel.contract';
import { BaselineSection } from './baseline-section';
import { BenefitsSection } from './benefits-section';
import { ConfidenceSection } from './confidence-section';
import { CostsSection } from './costs-section';
import { SaveError } from './editor-messages';
import { FormContext } from './form';
import { ObjectivesSection } from './objectives-section';
import { ReviewsSection } from './reviews-section';
import type { SavedValueSectionProps } from './saved-value-section';
import { SaveBar } from './save-bar';
import { SaveStatus } from './save-status';
import { SummarySection } from './summary-section';
import { useValueForm } from './use-value-form';
import { canSave, saveStateOf } from './value-form-model';
import { ValueTabNotices } from './value-tab-notices';

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

/**
 * The Value tab: the epic's figures, the form that edits its value, and the save bar. The form's
 * rules live in `value-form-model.ts`, its wiring in `use-value-form.ts`; this lays them out.
 */
export function ValueTab({
  issueKey,
  storageKey,
  view,
  onViewChange,
  onDirtyChange,
  onReload,
}: ValueTabProps) {
  const { state, form, dirty, errors, decimals, message, ...act } = useValueForm({
    issueKey,
    storageKey,
    view,
    onViewChange,
    onDirtyChange,
  });
  const savedValueSection: SavedValueSectionProps = {
    issueKey,
    view,
    decimals,
    dirty,
    onViewChange,
    announce: act.announce,
  };

  return (
    <div
      className="value-tab"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          void act.save();
        }
      }}
    >
      <ValueTabNotices
        issueKey={issueKey}
        view={view}
        draft={state.draft}
        restorable={state.restorable}
        conflict={state.conflict}
        rebaseNote={state.rebaseNote}
        errors={state.summaryOpen ? errors : null}
        onRestore={act.restore}
        onDropRestorable={act.dropRestorable}
        onReapply={act.reapply}
        onUseTheirs={act.takeTheirs}
        onGoTo={act.openAndFocus}
      />
      <SummarySection view={view} decimals={decimals} stale={dirty} fresh={state.fresh && !dirty} />
      <FormContext value={form}>
        <BenefitsSection />
        <CostsSection />
        <ObjectivesSection options={view.objectives} />
        <ConfidenceSection done={view.epic.status === 'done'} />
      </FormContext>
      <BaselineSection {...savedValueSection} />
      <ReviewsSection {...savedValueSection} />
      {view.canEdit ? (
        <SaveBar
          state={saveStateOf(state)}
          canSave={canSave(state)}
          canDiscard={dirty}
          onSave={() => void act.save()}
          onDiscard={act.discard}
          status={
            <SaveStatus
              dirty={dirty}
              conflicted={state.conflict !== null}
              canUndo={state.discarded !== null}
              onUndo={act.undoDiscard}
            />
          }
          error={
            state.saveError === null ? null : (
              <SaveError
                message={state.saveError.message}
                inPart={state.saveError.savedInPart}
                {...(onReload ? { onReload } : {})}
              />
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
