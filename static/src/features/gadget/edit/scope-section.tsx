import './scope-section.css';
import type { ScopeOptionSource } from '../data/jira-options';
import type { FieldErrors } from './editor-form';
import { SCOPE_CHOICES, type ScopeForm } from './scope-form';
import { describedBy, FieldError } from './field-error';
import { OptionList, useOptions } from './option-list';

/** Where the scope's projects, programmes and objectives are offered from. */
export type ScopeChoices = Pick<ScopeOptionSource, 'projects' | 'programmes' | 'objectives'>;

/**
 * Which epics a module adds up (the gadget) or ranks (value planning): the kind of scope, then
 * the projects, programmes, objectives or JQL.
 */
export function ScopeSection({
  form,
  update,
  errors,
  options,
  asOf,
  legend = 'Which epics to add up',
}: {
  form: ScopeForm;
  update: (patch: Partial<ScopeForm>) => void;
  errors: FieldErrors;
  options: ScopeChoices;
  asOf: string;
  legend?: string;
}) {
  return (
    <>
      <fieldset className="vl-field" id="scope" tabIndex={-1} {...describedBy('scope', errors)}>
        <legend className="vl-label">{legend}</legend>
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
      <ScopeDetails form={form} update={update} errors={errors} options={options} asOf={asOf} />
    </>
  );
}

function ScopeDetails({
  form,
  update,
  errors,
  options,
  asOf,
}: {
  form: ScopeForm;
  update: (patch: Partial<ScopeForm>) => void;
  errors: FieldErrors;
  options: ScopeChoices;
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
  options: ScopeChoices;
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
