import { useState } from 'react';
import type { EpicValueView, UnreadableRecord } from '../../../../src/contract/panel.contract';
import { saveValue } from './api';
import { Button } from '../../ui/button';
import { Modal } from '../../ui/modal';
import { SectionMessage } from '../../ui/section-message';

/** Whether an error's details describe an unreadable record (`UNREADABLE_RECORD`). */
export function isUnreadableRecord(details: unknown): details is UnreadableRecord {
  const record = details as Partial<UnreadableRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.fingerprint === 'string' &&
    typeof record.revision === 'number' &&
    typeof record.reason === 'string' &&
    typeof record.canEdit === 'boolean'
  );
}

/**
 * The record stored on the epic cannot be read: say what is wrong and, for someone who may edit
 * the epic, offer to overwrite it with a new record after an explicit confirmation.
 */
export function UnreadableRecordNotice({
  record,
  onOverwritten,
}: {
  record: UnreadableRecord;
  onOverwritten: (view: EpicValueView) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const overwrite = async () => {
    setBusy(true);
    setError(null);
    const result = await saveValue({
      issueKey: record.issueKey,
      baseRevision: record.revision,
      value: {
        successProbability: 1,
        objectives: [],
        benefits: [],
        costs: { planned: [], actual: [] },
        nps: null,
      },
      overwriteUnreadable: { fingerprint: record.fingerprint },
    });
    setBusy(false);
    if (result.ok) {
      onOverwritten(result.data);
      return;
    }
    setError(result.error.message);
    setConfirming(false);
  };

  return (
    <SectionMessage appearance="warning" role="region" aria-labelledby="unreadable-title">
      <h2 id="unreadable-title" className="vl-message-title">
        The value record on {record.issueKey} cannot be read
      </h2>
      <p>{record.reason}</p>
      <p>It was left as it is. A Jira admin can restore it by importing a Value Layer backup.</p>
      {error === null ? null : (
        <p role="alert">
          <strong>Not overwritten.</strong> {error}
        </p>
      )}
      {!record.canEdit ? (
        <p>You need the Edit issues permission on {record.issueKey} to replace it.</p>
      ) : (
        <div className="vl-message-actions">
          <Button
            onClick={() => {
              setConfirming(true);
            }}
          >
            Overwrite with a new record…
          </Button>
        </div>
      )}
      {record.canEdit && confirming ? (
        <Modal
          title={`Overwrite the unreadable record on ${record.issueKey}?`}
          appearance="danger"
          onClose={() => {
            if (!busy) setConfirming(false);
          }}
          actions={
            <>
              <Button
                appearance="subtle"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                }}
              >
                Cancel
              </Button>
              <Button
                appearance="danger"
                disabled={busy}
                onClick={() => {
                  void overwrite();
                }}
              >
                {busy ? 'Overwriting…' : 'Overwrite it'}
              </Button>
            </>
          }
        >
          <p>
            It is replaced by a new, empty value record that you can then fill in. What it holds now is lost
            unless a Jira admin restores it from a backup.
          </p>
        </Modal>
      ) : null}
    </SectionMessage>
  );
}
