import { useEffect, useRef, useState } from 'react';
import type { ObjectiveWithUsage } from '../../../../../src/contract/admin.contract';
import type { StoredObjective } from '../../../../../src/contract/site-config.schema';
import { formatMonth } from '../../../shared/format';
import { useAdminApi, useShowSection } from '../admin-context';
import { useResource } from '../../../shared/use-resource';
import { SectionMessage } from '../../../ui/section-message';
import { Skeleton, Spinner } from '../../../ui/skeleton';
import { ObjectiveForm } from './objective-form';
import { ObjectivesTable } from './objectives-table';
import { Button } from '../../../ui/button';
import { Modal } from '../../../ui/modal';
import { SectionHeader } from '../section-header';

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; objective: StoredObjective };

type Notice =
  | {
      appearance: 'success' | 'error' | 'information';
      title: string;
      text?: string;
      undo?: { id: string; status: 'active' | 'archived' };
    }
  | { appearance: 'confirm-delete'; objective: ObjectiveWithUsage };

/** Strategic objectives: the list with usage, and create, edit, archive, restore and delete. */
export function ObjectivesSection() {
  const api = useAdminApi();
  const show = useShowSection();
  const { resource: list, refreshing, refresh, retry } = useResource('objectives', api.listObjectives);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  // Return the focus to the control that opened a form or a confirmation once it has closed. A
  // row that is new waits for the refreshed list; a row that is gone leaves the focus on Create.
  useEffect(() => {
    const target = focusAfter.current;
    if (target === null || mode.kind !== 'list' || list.state !== 'ready') return;
    const element = document.getElementById(target);
    if (element === null && refreshing) return;
    focusAfter.current = null;
    (element ?? document.getElementById('create-objective'))?.focus();
  });

  async function setStatus(objective: StoredObjective, status: 'active' | 'archived'): Promise<void> {
    setBusyId(objective.id);
    const result = await api.setObjectiveStatus(objective.id, status);
    setBusyId(null);
    if (!result.ok) {
      setNotice({
        appearance: 'error',
        title: `${objective.id} was not ${status === 'archived' ? 'archived' : 'restored'}`,
        text: result.error.message,
      });
      return;
    }
    setNotice(
      status === 'archived'
        ? {
            appearance: 'success',
            title: `Archived ${objective.id}`,
            text: 'It no longer counts in the strategic KPIs. Epics keep their links to it, and its history is kept.',
            undo: { id: objective.id, status: 'active' },
          }
        : {
            appearance: 'success',
            title: `Restored ${objective.id}`,
            text: 'It counts in the strategic KPIs again.',
          },
    );
    refresh();
  }

  async function remove(objective: ObjectiveWithUsage): Promise<void> {
    setBusyId(objective.id);
    const result = await api.deleteObjective(objective.id);
    setBusyId(null);
    if (result.ok) {
      setNotice({ appearance: 'success', title: `Deleted ${objective.id}` });
      focusAfter.current = 'create-objective';
    } else {
      setNotice({
        appearance: 'error',
        title:
          result.error.code === 'CONFLICT'
            ? `${objective.id} cannot be deleted`
            : `${objective.id} was not deleted`,
        text: result.error.message,
        ...(result.error.code === 'CONFLICT' && objective.status === 'active'
          ? { undo: { id: objective.id, status: 'archived' as const } }
          : {}),
      });
    }
    refresh();
  }

  if (list.state === 'loading') return <Skeleton label="Loading strategic objectives…" rows={5} />;
  if (list.state === 'failed') {
    return (
      <SectionMessage
        appearance="error"
        title="The objectives could not be loaded"
        actions={<Button onClick={retry}>Try again</Button>}
      >
        <p>{list.error.message}</p>
      </SectionMessage>
    );
  }

  const { objectives, currency, asOf } = list.data;

  if (mode.kind !== 'list') {
    return (
      <ObjectiveForm
        {...(mode.kind === 'edit' ? { editing: mode.objective } : {})}
        objectives={objectives}
        currency={currency}
        onCancel={() => {
          focusAfter.current = mode.kind === 'edit' ? `edit-${mode.objective.id}` : 'create-objective';
          setMode({ kind: 'list' });
        }}
        onSaved={(saved, how) => {
          focusAfter.current = `edit-${saved.id}`;
          if (saved.status === 'archived') setShowArchived(true);
          setNotice({
            appearance: 'success',
            title: how === 'create' ? `Created ${saved.id}` : `Saved ${saved.id}`,
          });
          setMode({ kind: 'list' });
          refresh();
        }}
      />
    );
  }

  const active = objectives.filter((objective) => objective.status === 'active');
  const archivedCount = objectives.length - active.length;
  const advanced = active.filter((objective) => objective.figures.advanced).length;

  return (
    <section aria-labelledby="objectives-title">
      <SectionHeader
        id="objectives-title"
        title="Strategic objectives"
        actions={
          <Button
            appearance="primary"
            id="create-objective"
            onClick={() => {
              setNotice(null);
              setMode({ kind: 'create' });
            }}
          >
            Create objective
          </Button>
        }
      >
        The goals epics link to. Value is attributed to an objective by each linked epic&rsquo;s share.
      </SectionHeader>

      {notice !== null && notice.appearance === 'confirm-delete' && (
        <ConfirmDelete
          objective={notice.objective}
          busy={busyId === notice.objective.id}
          onConfirm={() => void remove(notice.objective)}
          onCancel={() => {
            focusAfter.current = `delete-${notice.objective.id}`;
            setNotice(null);
          }}
        />
      )}
      {notice !== null && notice.appearance !== 'confirm-delete' && (
        <SectionMessage
          appearance={notice.appearance}
          title={notice.title}
          actions={
            <>
              {notice.undo !== undefined && (
                <Button
                  onClick={() => {
                    const target = objectives.find((objective) => objective.id === notice.undo?.id);
                    if (target && notice.undo) void setStatus(target, notice.undo.status);
                  }}
                >
                  {notice.undo.status === 'active' ? 'Undo: restore' : 'Archive instead'}
                </Button>
              )}
              <Button
                appearance="subtle"
                onClick={() => {
                  setNotice(null);
                }}
              >
                Dismiss
              </Button>
            </>
          }
        >
          {notice.text !== undefined && <p>{notice.text}</p>}
        </SectionMessage>
      )}

      {objectives.length === 0 ? (
        <div className="vl-empty">
          <h3>No strategic objectives yet</h3>
          <p>
            Objectives are the goals the whole portfolio is measured against, such as &ldquo;Grow recurring
            revenue&rdquo;. Create the first one, then teams can link their epics to it in the Value panel.
          </p>
          <p>
            Moving from another tool?{' '}
            <button
              type="button"
              className="vl-link-button"
              onClick={() => {
                show('import');
              }}
            >
              Import a portfolio file
            </button>{' '}
            with objectives and epics in one go.
          </p>
        </div>
      ) : (
        <>
          <div className="vl-toolbar">
            <p className="vl-summary" aria-live="polite">
              <strong>{active.length}</strong> active · <strong>{archivedCount}</strong> archived ·{' '}
              <strong>
                {advanced} of {active.length}
              </strong>{' '}
              active goals advanced (value realised) · figures as of {formatMonth(asOf)}
              {refreshing && (
                <span className="vl-refreshing">
                  <Spinner /> Updating…
                </span>
              )}
            </p>
            <label className="vl-checkbox">
              <input
                type="checkbox"
                checked={showArchived}
                onChange={(event) => {
                  setShowArchived(event.target.checked);
                }}
              />
              Show archived ({archivedCount})
            </label>
          </div>
          <ObjectivesTable
            objectives={objectives}
            currency={currency}
            showArchived={showArchived}
            busyId={busyId}
            onEdit={(objective) => {
              setNotice(null);
              setMode({ kind: 'edit', objective });
            }}
            onArchive={(objective) => void setStatus(objective, 'archived')}
            onRestore={(objective) => void setStatus(objective, 'active')}
            onDelete={(objective) => {
              setNotice({ appearance: 'confirm-delete', objective });
            }}
          />
        </>
      )}
    </section>
  );
}

/** Asks before deleting, in the kit's danger dialog: Escape or Cancel keep the objective. */
function ConfirmDelete({
  objective,
  busy,
  onConfirm,
  onCancel,
}: {
  objective: ObjectiveWithUsage;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      appearance="danger"
      title={`Delete ${objective.id} “${objective.name}”?`}
      onClose={() => {
        if (!busy) onCancel();
      }}
      actions={
        <>
          <Button appearance="subtle" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button appearance="danger" onClick={onConfirm} disabled={busy} busy={busy}>
            Delete {objective.id}
          </Button>
        </>
      }
    >
      <p>
        Deleting cannot be undone. An objective that epics link to, or that has sub-objectives, can only be
        archived.
      </p>
    </Modal>
  );
}
