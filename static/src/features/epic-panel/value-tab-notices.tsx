import type { EpicValueView } from '../../../../src/contract/panel.contract';
import { SectionMessage } from '../../ui/section-message';
import { ConflictNotice } from './conflict-notice';
import type { Draft } from './draft';
import { ErrorSummary, RebaseNote, RestoreOffer } from './editor-messages';
import { describePath } from './field-paths';
import type { StoredDraft } from './draft-store';
import type { FieldErrors } from './validate';

interface ValueTabNoticesProps {
  issueKey: string;
  view: EpicValueView;
  draft: Draft;
  restorable: StoredDraft | null;
  conflict: EpicValueView | null;
  rebaseNote: { headline: string; overlaps: readonly string[] } | null;
  /** The problems to list, when the summary is open. */
  errors: FieldErrors | null;
  onRestore: () => void;
  onDropRestorable: () => void;
  onReapply: (name: string) => void;
  onUseTheirs: () => void;
  onGoTo: (path: string) => void;
}

/**
 * What the top of the Value tab has to say before the form: why it is read only, edits from an
 * earlier visit to restore, a conflicting save to resolve, a rebase done, problems to fix.
 */
export function ValueTabNotices({
  issueKey,
  view,
  draft,
  restorable,
  conflict,
  rebaseNote,
  errors,
  onRestore,
  onDropRestorable,
  onReapply,
  onUseTheirs,
  onGoTo,
}: ValueTabNoticesProps) {
  const errorList = errors === null ? [] : Object.entries(errors);
  const objectiveNames = new Map(view.objectives.map((objective) => [objective.id, objective.name]));
  return (
    <>
      {view.canEdit ? null : (
        <SectionMessage appearance="information" role="note">
          <p>
            <strong>Read only.</strong> {view.readOnlyReason ?? 'You cannot change this epic’s value.'}
          </p>
        </SectionMessage>
      )}
      {restorable === null || !view.canEdit ? null : (
        <RestoreOffer savedAt={restorable.savedAt} onRestore={onRestore} onDiscard={onDropRestorable} />
      )}
      {conflict === null ? null : (
        <ConflictNotice
          issueKey={issueKey}
          theirs={conflict}
          baseRevision={view.revision}
          onReapply={onReapply}
          onUseTheirs={onUseTheirs}
        />
      )}
      {rebaseNote === null ? null : (
        <RebaseNote headline={rebaseNote.headline} overlaps={rebaseNote.overlaps} />
      )}
      {errorList.length > 0 ? (
        <ErrorSummary
          errors={errorList.map(([path, text]) => ({
            path,
            where: describePath(path, draft, objectiveNames),
            text,
          }))}
          onGoTo={onGoTo}
        />
      ) : null}
    </>
  );
}
