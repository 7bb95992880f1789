import { formatDateTime } from './history-tab';
import { Button } from '../../ui/button';
import { SectionMessage } from '../../ui/section-message';

/** Edits kept from an earlier visit that were never saved: bring them back, or let them go. */
export function RestoreOffer({
  savedAt,
  onRestore,
  onDiscard,
}: {
  savedAt: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <SectionMessage appearance="warning" role="region" aria-labelledby="restore-title">
      <h2 id="restore-title" className="vl-message-title">
        You have unsaved changes from {formatDateTime(savedAt)}
      </h2>
      <p>They were never saved. Bring them back into the form to review and save them, or discard them.</p>
      <div className="vl-message-actions">
        <Button appearance="primary" onClick={onRestore}>
          Restore my changes
        </Button>
        <Button appearance="subtle" onClick={onDiscard}>
          Discard them
        </Button>
      </div>
    </SectionMessage>
  );
}

/** The user's edits now sit on a newer version; where both sides changed a thing, theirs lost. */
export function RebaseNote({ headline, overlaps }: { headline: string; overlaps: readonly string[] }) {
  return (
    <SectionMessage appearance="information" id="rebase-note" role="status" tabIndex={-1}>
      <p>
        <strong>{headline}</strong> Check them, then save.
      </p>
      {overlaps.length > 0 ? (
        <p>
          You both changed {overlaps.join('; ')}. Your version of those is in the form; theirs is in History.
        </p>
      ) : null}
    </SectionMessage>
  );
}

/** A save that failed, or (`inPart`) one that stored only part of what it writes: then reload. */
export function SaveError({
  message,
  inPart = false,
  onReload,
}: {
  message: string;
  inPart?: boolean;
  onReload?: () => void;
}) {
  return (
    <SectionMessage appearance="error" id="save-error" role="alert" tabIndex={-1}>
      <p>
        <strong>{inPart ? 'Saved in part.' : 'Not saved.'}</strong> {message}
      </p>
      {inPart && onReload ? (
        <div className="vl-message-actions">
          <Button onClick={onReload}>Reload the value</Button>
        </div>
      ) : null}
    </SectionMessage>
  );
}

/** Every problem that stops a save, each a link to its field. */
export function ErrorSummary({
  errors,
  onGoTo,
}: {
  errors: readonly { path: string; where: string; text: string }[];
  onGoTo: (path: string) => void;
}) {
  return (
    <SectionMessage appearance="error" id="error-summary" role="alert" tabIndex={-1}>
      <h2 className="vl-message-title">
        {errors.length === 1
          ? 'Fix 1 problem before saving'
          : `Fix ${String(errors.length)} problems before saving`}
      </h2>
      <ul className="error-list">
        {errors.map((error) => (
          <li key={error.path}>
            <button
              type="button"
              className="vl-link-button"
              onClick={() => {
                onGoTo(error.path);
              }}
            >
              {error.where}
            </button>{' '}
            – {error.text}
          </li>
        ))}
      </ul>
    </SectionMessage>
  );
}
