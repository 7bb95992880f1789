import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import type { SettingsView } from '../../../../../src/contract/admin.contract';
import { CURRENCY_CODES } from '../../../../../src/contract/currencies';
import type { AppSettings } from '../../../../../src/contract/site-config.schema';
import { useAdminApi } from '../admin-context';
import { issueTypes, type JiraIssueType } from '../jira-api';
import { numberFrom } from '../objectives/objective-draft';
import { ErrorSummary, type Problem } from '../../../ui/error-summary';
import { Field } from '../../../ui/field';
import { SectionMessage } from '../../../ui/section-message';
import {
  KPI_INFO,
  KPI_ORDER,
  targetDraftOf,
  targetOf,
  tidy,
  unitLabel,
  type KpiTarget,
  type TargetableKpi,
  type TargetDraft,
} from './kpi-targets';
import { Button } from '../../../ui/button';

interface Draft {
  currency: string;
  discountPercent: string;
  fiscalYearStartMonth: number;
  epicTypes: 'level-1' | 'chosen';
  epicIssueTypeIds: string[];
  targets: Record<TargetableKpi, TargetDraft>;
}

function draftOf(settings: AppSettings): Draft {
  return {
    currency: settings.currency,
    discountPercent: String(tidy(settings.discountRate * 100)),
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    epicTypes: settings.epicIssueTypeIds === null ? 'level-1' : 'chosen',
    epicIssueTypeIds: settings.epicIssueTypeIds ?? [],
    targets: Object.fromEntries(
      KPI_ORDER.map((kpi) => [kpi, targetDraftOf(kpi, settings.kpiTargets[kpi])]),
    ) as Record<TargetableKpi, TargetDraft>,
  };
}

type Errors = Partial<Record<string, string>>;

function settingsOf(draft: Draft): { settings: AppSettings; errors: Errors } {
  const errors: Errors = {};
  if (!CURRENCY_CODES.includes(draft.currency)) errors['currency'] = 'Choose an ISO 4217 currency.';
  const percent = numberFrom(draft.discountPercent);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100)
    errors['discountRate'] = 'Enter a percentage from 0 to 100, such as 8 for 8%.';
  if (draft.epicTypes === 'chosen' && draft.epicIssueTypeIds.length === 0)
    errors['epicIssueTypeIds'] = 'Choose at least one issue type, or count every level-1 type.';
  const kpiTargets: Partial<Record<TargetableKpi, KpiTarget>> = {};
  for (const kpi of KPI_ORDER) {
    const outcome = targetOf(kpi, draft.targets[kpi]);
    if ('error' in outcome) errors[`kpiTargets.${kpi}`] = outcome.error;
    else if (outcome.target !== null) kpiTargets[kpi] = outcome.target;
  }
  return {
    errors,
    settings: {
      currency: draft.currency,
      discountRate: tidy(percent / 100),
      fiscalYearStartMonth: draft.fiscalYearStartMonth,
      epicIssueTypeIds: draft.epicTypes === 'level-1' ? null : draft.epicIssueTypeIds,
      kpiTargets,
    },
  };
}

const monthNames = Array.from({ length: 12 }, (_, index) =>
  new Date(Date.UTC(2026, index, 1)).toLocaleDateString(undefined, { month: 'long', timeZone: 'UTC' }),
);

type TypeNames =
  { state: 'loading' } | { state: 'ready'; types: JiraIssueType[] } | { state: 'failed'; message: string };

interface SettingsSectionProps {
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
}

/** The app's settings: currency, discount rate, fiscal year, what counts as an epic, KPI targets. */
export function SettingsSection({ view, onSaved }: SettingsSectionProps) {
  const api = useAdminApi();
  const [draft, setDraft] = useState(() => draftOf(view.settings));
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<
    { ok: true } | { ok: false; message: string; details: string[] } | null
  >(null);
  const [typeNames, setTypeNames] = useState<TypeNames>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    issueTypes()
      .then((types) => {
        if (current) setTypeNames({ state: 'ready', types });
      })
      .catch((error: unknown) => {
        if (current)
          setTypeNames({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      current = false;
    };
  }, []);

  const saved = useMemo(() => JSON.stringify(draftOf(view.settings)), [view.settings]);
  const dirty = JSON.stringify(draft) !== saved;

  function update<K extends keyof Draft>(key: K, value: Draft[K]): void {
    setDraft((current) => ({ ...current, [key]: value }));
    setOutcome(null);
  }

  function updateTarget(kpi: TargetableKpi, change: Partial<TargetDraft>): void {
    setDraft((current) => ({
      ...current,
      targets: { ...current.targets, [kpi]: { ...current.targets[kpi], ...change } },
    }));
    setOutcome(null);
  }

  async function submit(event: SyntheticEvent): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const { settings, errors: found } = settingsOf(draft);
    setErrors(found);
    setAttempt((count) => count + 1);
    setOutcome(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const result = await api.saveSettings(settings);
    setSaving(false);
    if (result.ok) {
      onSaved(result.data);
      setDraft(draftOf(result.data.settings));
      setOutcome({ ok: true });
      return;
    }
    const placed: Errors = {};
    const details: string[] = [];
    for (const field of result.error.fields ?? []) {
      // `epicIssueTypeIds[1]` names one chosen type; its message shows with the epic types.
      const key = field.path.replace(/^settings\./, '').replace(/\[\d+\]$/, '');
      if (
        ['currency', 'discountRate', 'fiscalYearStartMonth', 'epicIssueTypeIds'].includes(key) ||
        key.startsWith('kpiTargets.')
      )
        placed[key.split('.').slice(0, 2).join('.')] = field.message;
      else details.push(`${field.path}: ${field.message}`);
    }
    setErrors(placed);
    setAttempt((count) => count + 1);
    setOutcome({ ok: false, message: result.error.message, details });
  }

  const level1 = view.epicIssueTypes.map((type) => type.id);
  const chosenElsewhere = draft.epicIssueTypeIds.filter((id) => !level1.includes(id));
  const nameOfType = (id: string) =>
    typeNames.state === 'ready'
      ? (typeNames.types.find((type) => type.id === id)?.name ?? `Issue type ${id}`)
      : `Issue type ${id}`;

  const problems: Problem[] = [
    ...(['currency', 'discountRate', 'epicIssueTypeIds'] as const).flatMap((key) => {
      const message = errors[key];
      const labels = {
        currency: 'Currency',
        discountRate: 'Discount rate',
        epicIssueTypeIds: 'Epic issue types',
      };
      const ids = {
        currency: 'settings-currency',
        discountRate: 'settings-discount',
        epicIssueTypeIds: 'epic-types-level-1',
      };
      return message === undefined ? [] : [{ id: ids[key], label: labels[key], message }];
    }),
    ...KPI_ORDER.flatMap((kpi) => {
      const message = errors[`kpiTargets.${kpi}`];
      return message === undefined
        ? []
        : [{ id: `target-${kpi}-green`, label: KPI_INFO[kpi].label, message }];
    }),
  ];

  return (
    <section aria-labelledby="settings-title">
      <div className="vl-section-header">
        <div>
          <h2 id="settings-title">Settings</h2>
          <p className="vl-subtle">
            How Value Layer values money and time, and what counts as an epic, on this whole site.
          </p>
        </div>
      </div>
      <form noValidate onSubmit={(event) => void submit(event)} className="vl-settings-form">
        <ErrorSummary key={attempt} problems={problems} />
        {outcome !== null && outcome.ok && <SectionMessage appearance="success" title="Settings saved" />}
        {outcome !== null && !outcome.ok && (
          <SectionMessage appearance="error" title="The settings were not saved">
            <p>{outcome.message}</p>
            {outcome.details.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </SectionMessage>
        )}

        <fieldset className="vl-fieldset vl-settings-group">
          <legend className="vl-group-title">Money and time</legend>
          <div className="vl-form-grid vl-form-grid--three">
            <Field
              id="settings-currency"
              label="Currency"
              error={errors['currency']}
              hint="Every amount is in this currency."
            >
              {(control) => (
                <select
                  {...control}
                  className="vl-input vl-select"
                  value={draft.currency}
                  onChange={(event) => {
                    update('currency', event.target.value);
                  }}
                >
                  {CURRENCY_CODES.map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="settings-discount"
              label="Discount rate (% a year)"
              error={errors['discountRate']}
              hint="For NPV, e.g. 8 for 8%. Compounded monthly."
            >
              {(control) => (
                <span className="vl-input-with-suffix">
                  <input
                    {...control}
                    className="vl-input vl-input--number"
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step="any"
                    value={draft.discountPercent}
                    onChange={(event) => {
                      update('discountPercent', event.target.value);
                    }}
                  />
                  <span aria-hidden="true">%</span>
                </span>
              )}
            </Field>
            <Field
              id="settings-fiscal"
              label="Fiscal year starts in"
              hint="Shown in reports; KPIs are by calendar month."
            >
              {(control) => (
                <select
                  {...control}
                  className="vl-input vl-select"
                  value={draft.fiscalYearStartMonth}
                  onChange={(event) => {
                    update('fiscalYearStartMonth', Number(event.target.value));
                  }}
                >
                  {monthNames.map((name, index) => (
                    <option key={name} value={index + 1}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {draft.currency !== view.settings.currency && (
            <SectionMessage appearance="warning" title={`Amounts are not converted to ${draft.currency}`}>
              <p>
                Every amount already recorded in {view.settings.currency} will be read as {draft.currency}.
                Change the currency only to correct a mistake, or before teams record any value.
              </p>
            </SectionMessage>
          )}
        </fieldset>

        <fieldset className="vl-fieldset vl-settings-group" aria-describedby="epic-types-hint">
          <legend className="vl-group-title">Which issues are epics</legend>
          <p className="vl-hint" id="epic-types-hint">
            The Value panel and the KPIs cover issues of these types.
          </p>
          {errors['epicIssueTypeIds'] !== undefined && (
            <p className="vl-field-error" id="epic-types-error">
              {errors['epicIssueTypeIds']}
            </p>
          )}
          <div className="vl-radio">
            <input
              type="radio"
              id="epic-types-level-1"
              name="epic-types"
              checked={draft.epicTypes === 'level-1'}
              onChange={() => {
                update('epicTypes', 'level-1');
              }}
            />
            <label htmlFor="epic-types-level-1">
              Every issue type at hierarchy level 1 (Jira&rsquo;s epic level
              {typeNames.state === 'ready' && level1.length > 0
                ? `: ${level1.map(nameOfType).join(', ')}`
                : ''}
              )
            </label>
          </div>
          <div className="vl-radio">
            <input
              type="radio"
              id="epic-types-chosen"
              name="epic-types"
              checked={draft.epicTypes === 'chosen'}
              aria-describedby={errors['epicIssueTypeIds'] === undefined ? undefined : 'epic-types-error'}
              onChange={() => {
                update('epicTypes', 'chosen');
              }}
            />
            <label htmlFor="epic-types-chosen">Only the types I choose</label>
          </div>
          {draft.epicTypes === 'chosen' && (
            <div className="vl-checkbox-list" role="group" aria-label="Issue types that count as epics">
              {[...level1, ...chosenElsewhere].map((id) => (
                <label key={id} className="vl-checkbox">
                  <input
                    type="checkbox"
                    checked={draft.epicIssueTypeIds.includes(id)}
                    onChange={(event) => {
                      update(
                        'epicIssueTypeIds',
                        event.target.checked
                          ? [...draft.epicIssueTypeIds, id]
                          : draft.epicIssueTypeIds.filter((chosen) => chosen !== id),
                      );
                    }}
                  />
                  {nameOfType(id)}
                  {!level1.includes(id) && <span className="vl-subtle"> (no longer at level 1)</span>}
                </label>
              ))}
            </div>
          )}
          {typeNames.state === 'failed' && (
            <p className="vl-hint">
              Jira did not return the issue type names ({typeNames.message}), so ids are shown.
            </p>
          )}
        </fieldset>

        <fieldset className="vl-fieldset vl-settings-group" aria-describedby="targets-hint">
          <legend className="vl-group-title">Default KPI targets for the gadget</legend>
          <p className="vl-hint" id="targets-hint">
            A tile is green at or beyond the green threshold, amber at or beyond amber, red otherwise. Leave
            both empty for no colour. A gadget can override these.
          </p>
          <div className="vl-table-scroll">
            <table className="vl-table vl-targets-table">
              <thead>
                <tr>
                  <th scope="col">KPI</th>
                  <th scope="col">Green at</th>
                  <th scope="col">Amber at</th>
                  <th scope="col">Direction</th>
                </tr>
              </thead>
              <tbody>
                {KPI_ORDER.map((kpi) => {
                  const info = KPI_INFO[kpi];
                  const target = draft.targets[kpi];
                  const error = errors[`kpiTargets.${kpi}`];
                  const errorId = `target-${kpi}-error`;
                  const unit = unitLabel(info.unit, draft.currency);
                  return (
                    <tr key={kpi} className={error === undefined ? undefined : 'vl-row-invalid'}>
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
                            {info.label}: {level} at ({unit})
                          </label>
                          <input
                            id={`target-${kpi}-${level}`}
                            className="vl-input vl-input--number"
                            type="number"
                            inputMode="decimal"
                            step="any"
                            value={target[level]}
                            aria-invalid={error === undefined ? undefined : true}
                            aria-describedby={error === undefined ? undefined : errorId}
                            onChange={(event) => {
                              updateTarget(kpi, { [level]: event.target.value });
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
                            updateTarget(kpi, { higherIsBetter: event.target.value === 'higher' });
                          }}
                        >
                          <option value="higher">Higher is better</option>
                          <option value="lower">Lower is better</option>
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>

        <div className="vl-form-actions vl-form-actions--sticky">
          <Button appearance="primary" type="submit" disabled={saving || !dirty} busy={saving}>
            Save settings
          </Button>
          <Button
            appearance="subtle"
            disabled={saving || !dirty}
            onClick={() => {
              setDraft(draftOf(view.settings));
              setErrors({});
              setOutcome(null);
            }}
          >
            Discard changes
          </Button>
          {!dirty && outcome === null && <span className="vl-subtle">No unsaved changes</span>}
        </div>
      </form>
    </section>
  );
}
