import { useState, type SyntheticEvent } from 'react';
import type { Scope } from '../../../../src/contract/gadget.contract';
import { ErrorSummary } from '../../ui/error-summary';
import { Button } from '../../ui/button';
import { scopeOf, scopeProblemsOf, type ScopeErrors, type ScopeForm } from '../gadget/edit/scope-form';
import { ScopeSection, type ScopeChoices } from '../gadget/edit/scope-section';

export const WHOLE_SITE: ScopeForm = {
  scopeKind: 'all',
  projects: [],
  programmes: [],
  programmeKeys: '',
  objectives: [],
  jql: '',
};

/**
 * Which epics to rank: the gadget's scope editor (projects, programme, objective or JQL), checked
 * on submit with every problem named at its field and listed at the top.
 */
export function ScopePicker({
  choices,
  asOf,
  busy,
  onRank,
  rejected,
}: {
  choices: ScopeChoices;
  asOf: string;
  busy: boolean;
  onRank: (scope: Scope) => void;
  /** What the server refused of the last scope (e.g. Jira's answer to the JQL), by field. */
  rejected: ScopeErrors;
}) {
  const [form, setForm] = useState<ScopeForm>(WHOLE_SITE);
  const [errors, setErrors] = useState<ScopeErrors>({});
  const [submits, setSubmits] = useState(0);
  const shown: ScopeErrors = { ...rejected, ...errors };

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const found: ScopeErrors = {};
    const scope = scopeOf(form, found);
    setErrors(found);
    setSubmits((count) => count + 1);
    if (Object.keys(found).length === 0) onRank(scope);
  }

  return (
    <form className="vl-ranking-scope" onSubmit={submit} noValidate aria-label="Scope of the ranking">
      <ErrorSummary key={submits} problems={scopeProblemsOf(errors)} />
      <ScopeSection
        form={form}
        update={(patch) => {
          setForm((current) => ({ ...current, ...patch }));
        }}
        errors={shown}
        options={choices}
        asOf={asOf}
        legend="Which epics to rank"
      />
      <div className="vl-form-actions">
        <Button type="submit" appearance="primary" busy={busy}>
          Rank epics
        </Button>
      </div>
    </form>
  );
}
