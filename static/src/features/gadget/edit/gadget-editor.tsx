import { useRef, useState, type ReactNode } from 'react';
import { currentMonth, type GadgetConfig } from '../config/gadget-config';
import { livePage } from '../data/gadget-api';
import type { ScopeOptionSource } from '../data/jira-options';
import {
  configOf,
  formOf,
  type EditorForm,
  type FieldErrors,
  type FieldId,
  type ScopeKind,
} from './editor-form';
import { OptionList, useOptions } from './option-list';
import { TargetsTable } from './targets-table';
import { useAdminTargets } from './use-admin-targets';
import '../gadget.css';
import { Button } from '../../../ui/button';
import { SectionMessage } from '../../../ui/section-message';

const SCOPE_CHOICES: { kind: ScopeKind; label: string; hint: string }[] = [
  { kind: 'all', label: 'Whole site', hint: 'Every epic you can browse.' },
  { kind: 'projects', label: 'Projects', hint: 'The epics of the projects you choose.' },
  {
    kind: 'programmes',
    label: 'Programmes',
    hint: 'The epics under the programmes (initiatives) you choose.',
  },
  {
    kind: 'objectives',
    label: 'Objectives',
    hint: 'The epics linked to the strategic objectives you choose.',
  },
  { kind: 'jql', label: 'JQL filter', hint: 'The epics a JQL query finds.' },
];

const errorIdOf = (field: FieldId) => `${field}-error`;

function FieldError({ field, errors }: { field: FieldId; errors: FieldErrors }) {
  const message = errors[field];
  return message ? (
    <p id={errorIdOf(field)} className="vl-field-error">
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" />
        <path d="M8 4.5v4.2M8 10.8v.4" />
      </svg>
      {message}
    </p>
  ) : null;
}

/** `aria-invalid` and `aria-describedby` for an input, pointing at its error and hint when shown. */
function describedBy(field: FieldId, errors: FieldErrors, hintId?: string) {
  const ids = [errors[field] ? errorIdOf(field) : null, hintId ?? null].filter((id) => id !== null);
  return {
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  } as const;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="vl-form-section" aria-label={title}>
      <h2 className="vl-section-heading">{title}</h2>
      {children}
    </section>
  );
}

/**
 * Edit mode: the gadget's title, scope, as-of month, tiles and targets. Saved with `view.submit`;
 * a JQL scope's first page is read once, so that Jira's own message for a bad query shows at the field.
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState<'idle' | 'checking' | 'saving'>('idle');
  const [saveError, setSaveError] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [adminTargets, retryAdminTargets] = useAdminTargets(() => options.adminTargets(thisMonth));
  const update = (patch: Partial<EditorForm>) => {
    setForm((current) => ({ ...current, ...patch }));
  };

  async function save() {
    setSaveError(null);
    const { config, errors: found } = configOf(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // Focus the summary so the problems are read out, each linking to its field.
      setTimeout(() => summary.current?.focus());
      return;
    }
    if (config.scope.kind === 'jql') {
      setSaving('checking');
      // The first page of a live computation runs the query as the gadget will, at any scope size.
      const check = await livePage({ scope: config.scope, asOf: config.asOf ?? thisMonth });
      if (!check.ok) {
        const jqlError = check.error.fields?.find(
          (field) => field.path === 'jql' || field.path === 'scope.jql',
        );
        setSaving('idle');
        if (jqlError) {
          setErrors({ jql: `Jira rejected this JQL: ${jqlError.message}` });
          setTimeout(() => document.getElementById('jql')?.focus());
        } else {
          setSaveError(`The scope could not be checked: ${check.error.message}`);
        }
        return;
      }
    }
    setSaving('saving');
    try {
      await onSubmit(config);
    } catch (error) {
      setSaveError(
        `Jira did not save the settings: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setSaving('idle');
    }
  }

  const errorList = Object.entries(errors) as [FieldId, string][];
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
      <div ref={summary} tabIndex={-1} className="vl-summary-anchor" aria-live="assertive">
        {errorList.length > 0 ? (
          <SectionMessage appearance="error" live={false}>
            <p className="vl-message-title">
              {errorList.length === 1
                ? 'Fix this to save:'
                : `Fix these ${String(errorList.length)} things to save:`}
            </p>
            <ul>
              {errorList.map(([field, message]) => (
                <li key={field}>
                  <a
                    href={`#${field}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(field)?.focus();
                    }}
                  >
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          </SectionMessage>
        ) : null}
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Section title="General">
          <div className="vl-field">
            <label htmlFor="title" className="vl-label">
              Title <span aria-hidden="true">*</span>
            </label>
            <input
              id="title"
              className="vl-input"
              required
              maxLength={100}
              value={form.title}
              onChange={(event) => {
                update({ title: event.target.value });
              }}
              {...describedBy('title', errors)}
            />
            <FieldError field="title" errors={errors} />
          </div>
          <fieldset className="vl-field" aria-describedby="asof-hint">
            <legend className="vl-label">As of</legend>
            <p id="asof-hint" className="vl-hint">
              KPIs count what was realised and spent up to the end of this month.
            </p>
            <div className="vl-radio">
              <input
                type="radio"
                id="asof-current"
                name="asof"
                checked={form.asOfMode === 'current'}
                onChange={() => {
                  update({ asOfMode: 'current' });
                }}
              />
              <label htmlFor="asof-current">The current month (always up to date)</label>
            </div>
            <div className="vl-radio">
              <input
                type="radio"
                id="asof-fixed"
                name="asof"
                checked={form.asOfMode === 'fixed'}
                onChange={() => {
                  update({ asOfMode: 'fixed' });
                }}
              />
              <label htmlFor="asof-fixed">A fixed month</label>
            </div>
            {form.asOfMode === 'fixed' ? (
              <div className="vl-field vl-nested">
                <label htmlFor="asOfMonth" className="vl-label">
                  Month
                </label>
                <input
                  id="asOfMonth"
                  type="month"
                  className="vl-input vl-input--short"
                  placeholder="YYYY-MM"
                  value={form.asOfMonth}
                  onChange={(event) => {
                    update({ asOfMonth: event.target.value });
                  }}
                  {...describedBy('asOfMonth', errors)}
                />
                <FieldError field="asOfMonth" errors={errors} />
              </div>
            ) : null}
          </fieldset>
        </Section>

        <Section title="Scope">
          <fieldset className="vl-field" id="scope" tabIndex={-1} {...describedBy('scope', errors)}>
            <legend className="vl-label">Which epics to add up</legend>
            <p className="vl-hint">Whatever the scope, each viewer only sees the epics they may browse.</p>
            {SCOPE_CHOICES.map((choice) => (
              <div className="vl-radio" key={choice.kind}>
                <input
                  type="radio"
                  id={`scope-${choice.kind}`}
                  name="scope"
                  checked={form.scopeKind === choice.kind}
                  aria-describedby={`scope-${choice.kind}-hint`}
                  onChange={() => {
                    update({ scopeKind: choice.kind });
                  }}
                />
                <label htmlFor={`scope-${choice.kind}`}>{choice.label}</label>
                <span id={`scope-${choice.kind}-hint`} className="vl-hint">
                  {choice.hint}
                </span>
              </div>
            ))}
            <FieldError field="scope" errors={errors} />
          </fieldset>
          <ScopeDetails form={form} update={update} errors={errors} options={options} asOf={thisMonth} />
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
          <TargetsTable
            form={form}
            update={update}
            errors={errors}
            admin={adminTargets}
            describedBy={describedBy}
            fieldError={(field) => <FieldError field={field} errors={errors} />}
          />
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

function ScopeDetails({
  form,
  update,
  errors,
  options,
  asOf,
}: {
  form: EditorForm;
  update: (patch: Partial<EditorForm>) => void;
  errors: FieldErrors;
  options: ScopeOptionSource;
  asOf: string;
}) {
  switch (form.scopeKind) {
    case 'all':
      return null;
    case 'projects':
      return (
        <ProjectsField
          selected={form.projects}
          onChange={(projects) => {
            update({ projects });
          }}
          options={options}
          error={errors.scope}
        />
      );
    case 'programmes':
      return (
        <>
          <ProgrammesField
            selected={form.programmes}
            onChange={(programmes) => {
              update({ programmes });
            }}
            options={options}
            error={errors.scope}
          />
          <div className="vl-field">
            <label htmlFor="programmeKeys" className="vl-label">
              Or type programme keys
            </label>
            <input
              id="programmeKeys"
              className="vl-input"
              placeholder="PRG-12, PRG-14"
              value={form.programmeKeys}
              onChange={(event) => {
                update({ programmeKeys: event.target.value });
              }}
              {...describedBy('programmeKeys', errors, 'programmeKeys-hint')}
            />
            <p id="programmeKeys-hint" className="vl-hint">
              Separate keys with commas or spaces.
            </p>
            <FieldError field="programmeKeys" errors={errors} />
          </div>
        </>
      );
    case 'objectives':
      return (
        <ObjectivesField
          selected={form.objectives}
          onChange={(objectives) => {
            update({ objectives });
          }}
          options={options}
          asOf={asOf}
          error={errors.scope}
        />
      );
    case 'jql':
      return (
        <div className="vl-field">
          <label htmlFor="jql" className="vl-label">
            JQL query <span aria-hidden="true">*</span>
          </label>
          <textarea
            id="jql"
            className="vl-input vl-textarea"
            rows={3}
            spellCheck={false}
            value={form.jql}
            onChange={(event) => {
              update({ jql: event.target.value });
            }}
            {...describedBy('jql', errors, 'jql-hint')}
          />
          <p id="jql-hint" className="vl-hint">
            Only the epics the query finds count; an ORDER BY is ignored. Example: project = PAY AND labels =
            growth
          </p>
          <FieldError field="jql" errors={errors} />
        </div>
      );
  }
}

type ListFieldProps = {
  selected: string[];
  onChange: (selected: string[]) => void;
  options: ScopeOptionSource;
  error: string | undefined;
};

function ProjectsField({ options, ...props }: ListFieldProps) {
  const [list, retry] = useOptions('projects', () => options.projects());
  return (
    <OptionList
      legend="Projects"
      what="projects"
      options={list}
      onRetry={retry}
      errorId="scope-error"
      {...props}
    />
  );
}

function ProgrammesField({ options, ...props }: ListFieldProps) {
  const [list, retry] = useOptions('programmes', () => options.programmes());
  return (
    <OptionList
      legend="Programmes"
      what="programmes"
      options={list}
      onRetry={retry}
      errorId="scope-error"
      {...props}
    />
  );
}

function ObjectivesField({ options, asOf, ...props }: ListFieldProps & { asOf: string }) {
  const [list, retry] = useOptions('objectives', () => options.objectives(asOf));
  return (
    <OptionList
      legend="Objectives"
      what="objectives"
      options={list}
      onRetry={retry}
      errorId="scope-error"
      {...props}
    />
  );
}
