import { DIRECTION_NAMES, THRESHOLD_NAMES } from '../../../../../src/contract/value-vocabulary';
import {
  builtInDraftOf,
  builtInText,
  KPI_INFO,
  KPI_ORDER,
  unitLabel,
  type TargetableKpi,
  type TargetDraft,
} from './kpi-targets';
import type { SettingsDraft, SettingsErrors } from './settings-form';

/**
 * The site's default KPI targets, one row a KPI. An empty row falls back to the built-in target,
 * shown beside it (and as the inputs' placeholders), so the admin sees what a gadget will use.
 */
export function KpiTargetsTable({
  draft,
  errors,
  updateTarget,
}: {
  draft: SettingsDraft;
  errors: SettingsErrors;
  updateTarget: (kpi: TargetableKpi, change: Partial<TargetDraft>) => void;
}) {
  return (
    <fieldset className="vl-fieldset vl-settings-group" aria-describedby="targets-hint">
      <legend className="vl-group-title">Default KPI targets for the gadget</legend>
      <p className="vl-hint" id="targets-hint">
        A tile is on target at or beyond &ldquo;{THRESHOLD_NAMES.green.toLowerCase()}&rdquo;, at risk at or
        beyond &ldquo;{THRESHOLD_NAMES.amber.toLowerCase()}&rdquo;, off target otherwise. Leave both empty to
        use the built-in target shown. A gadget can set its own.
      </p>
      <div className="vl-table-scroll" role="region" aria-label="Default KPI targets" tabIndex={0}>
        <table className="vl-table vl-targets-table">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">{THRESHOLD_NAMES.green}</th>
              <th scope="col">{THRESHOLD_NAMES.amber}</th>
              <th scope="col">Direction</th>
              <th scope="col">Built-in target</th>
            </tr>
          </thead>
          <tbody>
            {KPI_ORDER.map((kpi) => (
              <TargetRow
                key={kpi}
                kpi={kpi}
                target={draft.targets[kpi]}
                currency={draft.currency}
                error={errors[`kpiTargets.${kpi}`]}
                update={(change) => {
                  updateTarget(kpi, change);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

function TargetRow({
  kpi,
  target,
  currency,
  error,
  update,
}: {
  kpi: TargetableKpi;
  target: TargetDraft;
  currency: string;
  error: string | undefined;
  update: (change: Partial<TargetDraft>) => void;
}) {
  const info = KPI_INFO[kpi];
  const errorId = `target-${kpi}-error`;
  const unit = unitLabel(info.unit, currency);
  const builtIn = builtInDraftOf(kpi);
  return (
    <tr className={error === undefined ? undefined : 'vl-row-invalid'}>
      <th scope="row">
        {info.label}
        <span className="vl-subtle vl-unit"> ({unit})</span>
        {error !== undefined && (
          <span className="vl-field-error" id={errorId}>
            {error}
          </span>
        )}
      </th>
      {(['green', 'amber'] as const).map((level) => (
        <td key={level}>
          <label className="vl-visually-hidden" htmlFor={`target-${kpi}-${level}`}>
            {info.label}: {THRESHOLD_NAMES[level].toLowerCase()} ({unit})
          </label>
          <input
            id={`target-${kpi}-${level}`}
            className="vl-input vl-input--number"
            type="number"
            inputMode="decimal"
            step="any"
            value={target[level]}
            placeholder={builtIn?.[level]}
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={
              error === undefined ? `target-${kpi}-built-in` : `${errorId} target-${kpi}-built-in`
            }
            onChange={(event) => {
              update({ [level]: event.target.value });
            }}
          />
        </td>
      ))}
      <td>
        <label className="vl-visually-hidden" htmlFor={`target-${kpi}-direction`}>
          {info.label}: direction
        </label>
        <select
          id={`target-${kpi}-direction`}
          className="vl-input vl-select"
          value={target.higherIsBetter ? 'higher' : 'lower'}
          onChange={(event) => {
            update({ higherIsBetter: event.target.value === 'higher' });
          }}
        >
          <option value="higher">{DIRECTION_NAMES.higher}</option>
          <option value="lower">{DIRECTION_NAMES.lower}</option>
        </select>
      </td>
      <td className="vl-subtle" id={`target-${kpi}-built-in`}>
        {builtInText(kpi, currency)}
      </td>
    </tr>
  );
}
