import { THRESHOLD_NAMES } from '../../../../../src/contract/value-vocabulary';
import { Table, type Column } from '../../../ui/table';
import { inheritedTarget, TARGET_SOURCE_LABEL, type AdminTargets } from '../config/effective-target';
import { hasTargets, TILE_IDS, TILES, type TileId } from '../config/kpi-tiles';
import {
  draftOf,
  targetUnitLabel,
  withTargetDraft,
  withTargetMode,
  withTile,
  type EditorForm,
  type FieldErrors,
  type FieldId,
  type TargetMode,
} from './editor-form';
import { describedBy, FieldError } from './field-error';
import type { AdminTargetsState } from './use-admin-targets';
import { ScrollHint } from '../view/scroll-hint';

const NO_ADMIN_TARGETS: AdminTargets = {};

/** Thresholds as the editor types them (ratios in %), for an inherited target shown as text. */
function inheritedCells(
  id: TileId,
  admin: AdminTargets,
): { direction: string; green: string; amber: string } {
  const { target } = inheritedTarget(id, admin);
  if (!target) return { direction: '—', green: '—', amber: '—' };
  const draft = draftOf(id, target, 'inherit');
  // Money is in the site currency, which the hint names; a bare number reads better than "amount".
  const unit = TILES[id].unit === 'money' ? '' : ` ${targetUnitLabel(TILES[id].unit, null)}`;
  return {
    direction: target.higherIsBetter ? 'Higher' : 'Lower',
    green: `${draft.green}${unit}`,
    amber: `${draft.amber}${unit}`,
  };
}

interface TargetsProps {
  form: EditorForm;
  setForm: (change: (form: EditorForm) => EditorForm) => void;
  errors: FieldErrors;
  adminTargets: AdminTargets;
}

function ModeCell({ id, form, setForm, adminTargets }: TargetsProps & { id: TileId }) {
  const tile = TILES[id];
  if (!hasTargets(tile.unit))
    return <span className="vl-inherited">No target ({tile.unit === 'count' ? 'a count' : 'a month'})</span>;
  const inherited = inheritedTarget(id, adminTargets);
  return (
    <>
      <label htmlFor={`target-${id}-mode`} className="vl-visually-hidden">
        {tile.label}: target
      </label>
      <select
        id={`target-${id}-mode`}
        className="vl-input vl-select"
        value={form.targets[id].mode}
        onChange={(event) => {
          const mode = event.target.value as TargetMode;
          setForm((current) => withTargetMode(current, id, mode, adminTargets));
        }}
      >
        <option value="inherit">
          {inherited.source === 'none' ? 'No default' : TARGET_SOURCE_LABEL[inherited.source]}
        </option>
        <option value="own">{TARGET_SOURCE_LABEL.gadget}</option>
        <option value="none">{TARGET_SOURCE_LABEL.none}</option>
      </select>
    </>
  );
}

function DirectionCell({ id, form, setForm, adminTargets }: TargetsProps & { id: TileId }) {
  const draft = form.targets[id];
  if (!hasTargets(TILES[id].unit) || draft.mode === 'none') return <span className="vl-inherited">—</span>;
  if (draft.mode === 'inherit')
    return <span className="vl-inherited">{inheritedCells(id, adminTargets).direction}</span>;
  return (
    <>
      <label htmlFor={`direction-${id}`} className="vl-visually-hidden">
        {TILES[id].label}: better when
      </label>
      <select
        id={`direction-${id}`}
        className="vl-input vl-select"
        value={draft.higherIsBetter ? 'higher' : 'lower'}
        onChange={(event) => {
          const higherIsBetter = event.target.value === 'higher';
          setForm((current) => withTargetDraft(current, id, { higherIsBetter }));
        }}
      >
        <option value="higher">Higher</option>
        <option value="lower">Lower</option>
      </select>
    </>
  );
}

function ThresholdCell({
  id,
  level,
  form,
  setForm,
  errors,
  adminTargets,
}: TargetsProps & { id: TileId; level: 'green' | 'amber' }) {
  const tile = TILES[id];
  const draft = form.targets[id];
  if (!hasTargets(tile.unit) || draft.mode === 'none') return <span className="vl-inherited">—</span>;
  if (draft.mode === 'inherit')
    return <span className="vl-inherited">{inheritedCells(id, adminTargets)[level]}</span>;
  const field: FieldId = `target-${id}-${level}`;
  const unit = targetUnitLabel(tile.unit, null);
  return (
    <>
      <label htmlFor={field} className="vl-visually-hidden">
        {tile.label}: {THRESHOLD_NAMES[level].toLowerCase()} ({unit})
      </label>
      <span className="vl-unit-input">
        <input
          id={field}
          className="vl-input vl-input--number vl-threshold-input"
          inputMode="decimal"
          value={draft[level]}
          onChange={(event) => {
            const value = event.target.value;
            setForm((current) => withTargetDraft(current, id, { [level]: value }));
          }}
          {...describedBy(field, errors)}
        />
        <span className="vl-unit" aria-hidden="true">
          {unit}
        </span>
      </span>
      <FieldError field={field} errors={errors} />
    </>
  );
}

/**
 * Which tiles to show and the target of each: inherited (the admin's default, else the built-in
 * one, named as such), the gadget's own thresholds, or none. The kit's table: it scrolls sideways
 * in a narrow gadget while the KPI column, with its checkbox, stays in view.
 */
export function TargetsTable({
  form,
  setForm,
  errors,
  admin,
}: {
  form: EditorForm;
  setForm: (change: (form: EditorForm) => EditorForm) => void;
  errors: FieldErrors;
  admin: AdminTargetsState;
}) {
  // Until the admin's targets arrive (or if they cannot), inherited targets read as built-in.
  const adminTargets = admin.state === 'ready' ? admin.data : NO_ADMIN_TARGETS;
  const props: TargetsProps = { form, setForm, errors, adminTargets };
  const columns: Column<TileId, string>[] = [
    {
      key: 'kpi',
      label: 'Show KPI',
      cell: (id) => (
        <span className="vl-tile-choice">
          <input
            type="checkbox"
            id={`tile-${id}`}
            checked={form.tiles.includes(id)}
            onChange={(event) => {
              const shown = event.target.checked;
              setForm((current) => withTile(current, id, shown));
            }}
          />
          <label htmlFor={`tile-${id}`}>{TILES[id].label}</label>
        </span>
      ),
    },
    { key: 'mode', label: 'Target', cell: (id) => <ModeCell id={id} {...props} /> },
    { key: 'direction', label: 'Better when', cell: (id) => <DirectionCell id={id} {...props} /> },
    {
      key: 'green',
      label: THRESHOLD_NAMES.green,
      cell: (id) => <ThresholdCell id={id} level="green" {...props} />,
    },
    {
      key: 'amber',
      label: THRESHOLD_NAMES.amber,
      cell: (id) => <ThresholdCell id={id} level="amber" {...props} />,
    },
  ];
  return (
    <div id="tiles" tabIndex={-1} {...describedBy('tiles', errors, 'targets-hint')}>
      <ScrollHint>
        <Table
          label="KPI tiles and targets"
          className="vl-targets"
          columns={columns}
          rows={TILE_IDS}
          rowKey={(id) => id}
        />
      </ScrollHint>
    </div>
  );
}
