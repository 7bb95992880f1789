import { useState, type ReactNode } from 'react';
import { currentMonth, type GadgetConfig } from '../config/gadget-config';
import type { ScopeOptionSource } from '../data/jira-options';
import { formOf, problemsOf, type EditorForm } from './editor-form';
import { FieldError } from './field-error';
import { GeneralSection } from './general-section';
import { ScopeSection } from './scope-section';
import { TargetsTable } from './targets-table';
import { useAdminTargets } from './use-admin-targets';
import { useEditorSave } from './use-editor-save';
import '../gadget.css';
import { Button } from '../../../ui/button';
import { ErrorSummary } from '../../../ui/error-summary';
import { SectionMessage } from '../../../ui/section-message';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="vl-form-section" aria-label={title}>
      <h2 className="vl-section-heading">{title}</h2>
      {children}
    </section>
  );
}

/**
 * Edit mode: the gadget's title, scope, as-of month, tiles and targets. The form model
 * (editor-form.ts) validates; each section edits its part; saving is `useEditorSave`.
 */
export function GadgetEditor({
  initial,
  ignored,
  options,
  now,
  onSubmit,
  onCancel,
}: {
  initial: GadgetConfig;
  ignored: string[];
  options: ScopeOptionSource;
  now: Date;
  onSubmit: (config: GadgetConfig) => Promise<void>;
  onCancel: () => void;
}) {
  const thisMonth = currentMonth(now);
  const [form, setForm] = useState<EditorForm>(() => formOf(initial, thisMonth));
  const { errors, summary, saving, saveError, attempt, save } = useEditorSave({ asOf: thisMonth, onSubmit });
  const [adminTargets, retryAdminTargets] = useAdminTargets(() => options.adminTargets(thisMonth));
  const update = (patch: Partial<EditorForm>) => {
    setForm((current) => ({ ...current, ...patch }));
  };
  return (
    <main className="vl-gadget vl-editor" aria-labelledby="gadget-title">
      <h1 id="gadget-title" className="vl-title">
        {initial.title} settings
      </h1>
      {ignored.length > 0 ? (
        <SectionMessage appearance="warning">
          <p>
            Part of the saved settings could not be read ({ignored.join(', ')}) and shows its default here.
            Saving replaces it.
          </p>
        </SectionMessage>
      ) : null}
      <ErrorSummary key={attempt} problems={problemsOf(summary)} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(form);
        }}
      >
        <Section title="General">
          <GeneralSection form={form} update={update} errors={errors} />
        </Section>
        <Section title="Scope">
          <ScopeSection form={form} update={update} errors={errors} options={options} asOf={thisMonth} />
        </Section>
        <Section title="KPI tiles and targets">
          <p className="vl-hint" id="targets-hint">
            Tick the tiles to show. A tile is on target at or beyond its on-target threshold, at risk at or
            beyond its at-risk threshold, and off target otherwise. Unless you set a target for this gadget, a
            tile uses the default a Jira admin set in the Value Layer settings, else the built-in one. Amounts
            are in the site currency.
          </p>
          {adminTargets.state === 'failed' ? (
            <SectionMessage appearance="warning">
              <p>
                The admin’s default targets could not be loaded ({adminTargets.error.message}), so inherited
                targets show their built-in values here. The gadget itself still uses the admin’s.
              </p>
              <Button onClick={retryAdminTargets}>Load them again</Button>
            </SectionMessage>
          ) : null}
          <TargetsTable form={form} setForm={setForm} errors={errors} admin={adminTargets} />
          <FieldError field="tiles" errors={errors} />
        </Section>
        {saveError ? (
          <SectionMessage appearance="error">
            <p>{saveError}</p>
          </SectionMessage>
        ) : null}
        <div className="vl-form-actions">
          <Button appearance="primary" type="submit" disabled={saving !== 'idle'}>
            {saving === 'checking' ? 'Checking the JQL…' : saving === 'saving' ? 'Saving…' : 'Save'}
          </Button>
          <Button appearance="subtle" onClick={onCancel} disabled={saving !== 'idle'}>
            Cancel
          </Button>
          {saving === 'checking' ? (
            <span role="status" className="vl-subtle">
              Running the JQL in Jira to check it…
            </span>
          ) : null}
        </div>
      </form>
    </main>
  );
}
