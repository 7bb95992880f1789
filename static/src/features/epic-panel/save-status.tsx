/**
 * The sentence beside the Save button: unsaved changes, a conflict to resolve first, or a discard
 * that Undo brings back.
 */
export function SaveStatus({
  dirty,
  conflicted,
  canUndo,
  onUndo,
}: {
  dirty: boolean;
  conflicted: boolean;
  canUndo: boolean;
  onUndo: () => void;
}) {
  return (
    <>
      {conflicted
        ? 'Choose how to continue above.'
        : dirty
          ? 'Unsaved changes'
          : canUndo
            ? null
            : 'No unsaved changes'}
      {canUndo ? (
        <>
          {dirty ? ' · ' : 'Changes discarded. '}
          <button type="button" id="undo-discard" className="vl-link-button" onClick={onUndo}>
            Undo
          </button>
        </>
      ) : null}
    </>
  );
}
