import type { ObjectiveWithUsage } from '../../../../../src/contract/admin.contract';
import { formatMoney } from '../../../shared/format';
import { formatDay } from '../text';
import { Avatar } from '../../../ui/avatar';
import { Lozenge } from '../../../ui/lozenge';
import { Spinner } from '../../../ui/skeleton';
import { useUserNames } from '../user-directory';
import { Button } from '../../../ui/button';

interface Row {
  objective: ObjectiveWithUsage;
  parent: ObjectiveWithUsage | undefined;
}

/** Parents first, each followed by its sub-objectives; a sub-objective whose parent is gone stands alone. */
export function treeOrder(objectives: readonly ObjectiveWithUsage[], showArchived: boolean): Row[] {
  const byId = new Map(objectives.map((objective) => [objective.id, objective]));
  const childrenOf = (id: string) =>
    objectives.filter((objective) => objective.parentId === id && objective.id !== id);
  const visible = (objective: ObjectiveWithUsage) =>
    showArchived ||
    objective.status === 'active' ||
    childrenOf(objective.id).some((child) => child.status === 'active');
  const roots = objectives.filter(
    (objective) => objective.parentId === null || !byId.has(objective.parentId),
  );
  return roots.flatMap((root) => [
    ...(visible(root) ? [{ objective: root, parent: undefined }] : []),
    ...childrenOf(root.id)
      .filter(visible)
      .map((child) => ({ objective: child, parent: root })),
  ]);
}

interface ObjectivesTableProps {
  objectives: readonly ObjectiveWithUsage[];
  currency: string;
  showArchived: boolean;
  busyId: string | null;
  onEdit: (objective: ObjectiveWithUsage) => void;
  onArchive: (objective: ObjectiveWithUsage) => void;
  onRestore: (objective: ObjectiveWithUsage) => void;
  onDelete: (objective: ObjectiveWithUsage) => void;
}

export function ObjectivesTable({
  objectives,
  currency,
  showArchived,
  busyId,
  ...actions
}: ObjectivesTableProps) {
  const rows = treeOrder(objectives, showArchived);
  const nameOf = useUserNames(
    objectives.flatMap((objective) => (objective.ownerAccountId === null ? [] : [objective.ownerAccountId])),
  );
  const hidden = objectives.length - rows.length;
  return (
    <div className="vl-table-scroll" role="region" aria-labelledby="objectives-caption" tabIndex={0}>
      <table className="vl-table vl-objectives-table">
        <caption id="objectives-caption" className="vl-visually-hidden">
          Strategic objectives{hidden > 0 ? ` (${String(hidden)} archived hidden)` : ''}, with owner, weight,
          target, linked epics and the value attributed so far
        </caption>
        <thead>
          <tr>
            <th scope="col">Objective</th>
            <th scope="col">Owner</th>
            <th scope="col" className="vl-num">
              Weight
            </th>
            <th scope="col">Target</th>
            <th scope="col" className="vl-num">
              Linked epics
            </th>
            <th scope="col">Value attributed</th>
            <th scope="col">
              <span className="vl-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ objective, parent }) => (
            <tr
              key={objective.id}
              className={objective.status === 'archived' ? 'vl-row-archived' : undefined}
            >
              <th scope="row">
                <div className={parent ? 'vl-objective-cell vl-objective-cell--child' : 'vl-objective-cell'}>
                  {parent && (
                    <span className="vl-child-mark" aria-hidden="true">
                      ↳
                    </span>
                  )}
                  <span className="vl-objective-text">
                    {parent && <span className="vl-visually-hidden">Sub-objective of {parent.id}: </span>}
                    <span className="vl-objective-id">{objective.id}</span>{' '}
                    <span className="vl-objective-name">{objective.name}</span>
                    {objective.status === 'archived' && <Lozenge>Archived</Lozenge>}
                    {objective.description !== '' && (
                      <span className="vl-objective-description">{objective.description}</span>
                    )}
                  </span>
                </div>
              </th>
              <td className="vl-nowrap">
                {objective.ownerAccountId === null ? (
                  <span className="vl-subtle">No owner</span>
                ) : (
                  <span className="vl-owner">
                    <Avatar name={nameOf(objective.ownerAccountId)} />
                    {nameOf(objective.ownerAccountId)}
                  </span>
                )}
              </td>
              <td className="vl-num">{objective.weight}</td>
              <td>
                {objective.target === null ? (
                  <span className="vl-subtle">No target</span>
                ) : (
                  <span>
                    {objective.target.measure}: <strong>{objective.target.amount.toLocaleString()}</strong>
                    <span className="vl-subtle"> by {formatDay(objective.target.date)}</span>
                  </span>
                )}
              </td>
              <td className="vl-num">{objective.linkedEpics}</td>
              <td>
                <Attributed objective={objective} currency={currency} />
              </td>
              <td className="vl-row-actions">
                {busyId === objective.id ? (
                  <span className="vl-subtle">
                    <Spinner /> Working…
                  </span>
                ) : (
                  <RowActions objective={objective} {...actions} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Attributed({ objective, currency }: { objective: ObjectiveWithUsage; currency: string }) {
  const { attributedPlanned: planned, attributedRealised: realised } = objective.figures;
  if (planned === 0 && realised === 0) return <span className="vl-subtle">Nothing yet</span>;
  const share = planned > 0 ? Math.min(realised / planned, 1) : 1;
  return (
    <div className="vl-attributed">
      <span className="vl-nowrap">
        <strong>{formatMoney(realised, currency, { compact: true })}</strong> realised
      </span>{' '}
      <span className="vl-subtle vl-nowrap">
        of {formatMoney(planned, currency, { compact: true })} planned
      </span>
      <span className="vl-meter" aria-hidden="true">
        <span className="vl-meter-fill" style={{ inlineSize: `${(share * 100).toFixed(1)}%` }} />
      </span>
    </div>
  );
}

function RowActions({
  objective,
  onEdit,
  onArchive,
  onRestore,
  onDelete,
}: { objective: ObjectiveWithUsage } & Pick<
  ObjectivesTableProps,
  'onEdit' | 'onArchive' | 'onRestore' | 'onDelete'
>) {
  const hiddenId = <span className="vl-visually-hidden"> {objective.id}</span>;
  return (
    <>
      <Button
        appearance="subtle"
        spacing="compact"
        id={`edit-${objective.id}`}
        onClick={() => {
          onEdit(objective);
        }}
      >
        Edit{hiddenId}
      </Button>
      {objective.status === 'active' ? (
        <Button
          appearance="subtle"
          spacing="compact"
          onClick={() => {
            onArchive(objective);
          }}
        >
          Archive{hiddenId}
        </Button>
      ) : (
        <Button
          appearance="subtle"
          spacing="compact"
          onClick={() => {
            onRestore(objective);
          }}
        >
          Restore{hiddenId}
        </Button>
      )}
      <Button
        appearance="subtle"
        spacing="compact"
        destructive
        id={`delete-${objective.id}`}
        onClick={() => {
          onDelete(objective);
        }}
      >
        Delete{hiddenId}
      </Button>
    </>
  );
}
