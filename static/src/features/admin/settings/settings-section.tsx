import { useState, type SyntheticEvent } from 'react';
import type { SettingsView } from '../../../../../src/contract/admin.contract';
import { Button } from '../../../ui/button';
import { ErrorSummary } from '../../../ui/error-summary';
import { SectionMessage } from '../../../ui/section-message';
import { useAdminApi } from '../admin-context';
import { EpicTypes } from './epic-types';
import type { TargetableKpi, TargetDraft } from './kpi-targets';
import { KpiTargetsTable } from './kpi-targets-table';
import { MoneyAndTime } from './money-and-time';
import { ValueRoles } from './value-roles';
import {
  draftOf,
  isDirty,
  placeServerErrors,
  problemsOf,
  settingsOf,
  type SettingsDraft,
  type SettingsErrors,
} from './settings-form';
import { SectionHeader } from '../section-header';

type Outcome = { ok: true } | { ok: false; message: string; details: string[] } | null;

/**
 * The app's settings: currency, discount rate, fiscal year, what counts as an epic, who verifies
 * and approves, KPI targets.
 */
export function SettingsSection({
  view,
  onSaved,
}: {
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
}) {
  const api = useAdminApi();
  const [draft, setDraft] = useState(() => draftOf(view.settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const dirty = isDirty(draft, view.settings);

  function update(change: Partial<SettingsDraft>): void {
    setDraft((current) => ({ ...current, ...change }));
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
    const { placed, details } = placeServerErrors(result.error.fields ?? []);
    setErrors(placed);
    setAttempt((count) => count + 1);
    setOutcome({ ok: false, message: result.error.message, details });
  }

  return (
    <section aria-labelledby="settings-title">
      <SectionHeader id="settings-title" title="Settings">
        How Value Layer values money and time, and what counts as an epic, on this whole site.
      </SectionHeader>
      <form noValidate onSubmit={(event) => void submit(event)} className="vl-settings-form">
        <ErrorSummary key={attempt} problems={problemsOf(errors)} />
        {outcome?.ok === true && <SectionMessage appearance="success" title="Settings saved" />}
        {outcome?.ok === false && (
          <SectionMessage appearance="error" title="The settings were not saved">
            <p>{outcome.message}</p>
            {outcome.details.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </SectionMessage>
        )}
        <MoneyAndTime draft={draft} savedCurrency={view.settings.currency} errors={errors} update={update} />
        <EpicTypes
          draft={draft}
          level1={view.epicIssueTypes.map((type) => type.id)}
          errors={errors}
          update={update}
        />
        <ValueRoles draft={draft} groups={view.groups} errors={errors} update={update} />
        <KpiTargetsTable draft={draft} errors={errors} updateTarget={updateTarget} />
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
