import type { ReactNode } from 'react';
import { inheritedTarget, TARGET_SOURCE_LABEL, type AdminTargets } from '../config/effective-target';
import { TILE_IDS, TILES, type TileId } from '../config/kpi-tiles';
import {
  draftOf,
  targetUnitLabel,
  type EditorForm,
  type FieldErrors,
  type FieldId,
  type TargetMode,
} from './editor-form';
import type { AdminTargetsState } from './use-admin-targets';

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

/**
 * Which tiles to show and the target of each: inherited (the admin's default, else the built-in
 * one, named as such), the gadget's own thresholds, or none.
 */
export function TargetsTable({
  form,
  update,
  errors,
  admin,
  describedBy,
  fieldError,
}: {
  form: EditorForm;
  update: (patch: Partial<EditorForm>) => void;
  errors: FieldErrors;
  admin: AdminTargetsState;
  describedBy: (field: FieldId, errors: FieldErrors, hintId?: string) => object;
  fieldError: (field: FieldId) => ReactNode;
}) {
  // Until the admin's targets arrive (or if they cannot), inherited targets read as built-in.
  const adminTargets = admin.state === 'ready' ? admin.data : NO_ADMIN_TARGETS;
  return (
    <div className="vl-table-scroll" role="region" aria-label="KPI tiles and targets" tabIndex={0}>
      <table
        className="vl-table vl-targets"
        id="tiles"
        tabIndex={-1}
        {...describedBy('tiles', errors, 'targets-hint')}
      >
        <thead>
          <tr>
            <th scope="col">Show</th>
            <th scope="col">KPI</th>
            <th scope="col">Target</th>
            <th scope="col">Better when</th>
            <th scope="col">On target at</th>
            <th scope="col">At risk at</th>
          </tr>
        </thead>
        <tbody>
          {TILE_IDS.map((id) => {
            const tile = TILES[id];
            const draft = form.targets[id];
            const unit = targetUnitLabel(tile.unit, null);
            const inherited = inheritedTarget(id, adminTargets);
            const setDraft = (patch: Partial<typeof draft>) => {
              update({ targets: { ...form.targets, [id]: { ...draft, ...patch } } });
            };
            const changeMode = (mode: TargetMode) => {
              // Setting its own target starts from what the tile would otherwise use.
              if (mode === 'own' && draft.green.trim() === '' && draft.amber.trim() === '')
                update({ targets: { ...form.targets, [id]: draftOf(id, inherited.target, 'own') } });
              else setDraft({ mode });
            };
            const shown = draft.mode === 'inherit' ? inheritedCells(id, adminTargets) : null;
            return (
              <tr key={id}>
                <td>
                  <input
                    type="checkbox"
                    id={`tile-${id}`}
                    checked={form.tiles.includes(id)}
                    onChange={(event) => {
                      update({
                        tiles: event.target.checked
                          ? [...form.tiles, id]
                          : form.tiles.filter((t) => t !== id),
                      });
                    }}
                  />
                </td>
                <th scope="row">
                  <label htmlFor={`tile-${id}`}>{tile.label}</label>
                </th>
                <td>
                  <label htmlFor={`target-${id}-mode`} className="vl-visually-hidden">
                    {tile.label}: target
                  </label>
                  <select
                    id={`target-${id}-mode`}
                    className="vl-input vl-select"
                    value={draft.mode}
                    onChange={(event) => {
                      changeMode(event.target.value as TargetMode);
                    }}
                  >
                    <option value="inherit">
                      {inherited.source === 'none' ? 'No default' : TARGET_SOURCE_LABEL[inherited.source]}
                    </option>
                    <option value="own">{TARGET_SOURCE_LABEL.gadget}</option>
                    <option value="none">{TARGET_SOURCE_LABEL.none}</option>
                  </select>
                </td>
                {shown ? (
                  <>
                    <td className="vl-inherited">{shown.direction}</td>
                    <td className="vl-inherited">{shown.green}</td>
                    <td className="vl-inherited">{shown.amber}</td>
                  </>
                ) : draft.mode === 'none' ? (
                  <>
                    <td className="vl-inherited">—</td>
                    <td className="vl-inherited">—</td>
                    <td className="vl-inherited">—</td>
                  </>
                ) : (
                  <>
                    <td>
                      <label htmlFor={`direction-${id}`} className="vl-visually-hidden">
                        {tile.label}: better when
                      </label>
                      <select
                        id={`direction-${id}`}
                        className="vl-input vl-select"
                        value={draft.higherIsBetter ? 'higher' : 'lower'}
                        onChange={(event) => {
                          setDraft({ higherIsBetter: event.target.value === 'higher' });
                        }}
                      >
                        <option value="higher">Higher</option>
                        <option value="lower">Lower</option>
                      </select>
                    </td>
                    {(['green', 'amber'] as const).map((level) => {
                      const field: FieldId = `target-${id}-${level}`;
                      return (
                        <td key={level}>
                          <label htmlFor={field} className="vl-visually-hidden">
                            {tile.label}: {level === 'green' ? 'on target at' : 'at risk at'} ({unit})
                          </label>
                          <span className="vl-unit-input">
                            <input
                              id={field}
                              className="vl-input vl-input--number"
                              inputMode="decimal"
                              value={draft[level]}
                              onChange={(event) => {
                                setDraft({ [level]: event.target.value });
                              }}
                              {...describedBy(field, errors)}
                            />
                            <span className="vl-unit" aria-hidden="true">
                              {unit}
                            </span>
                          </span>
                          {fieldError(field)}
                        </td>
                      );
                    })}
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
