import { useState } from 'react';
import type { GadgetConfig } from '../config/gadget-config';
import { livePage } from '../data/gadget-api';
import { configOf, scopeCheckProblem, type EditorForm, type FieldErrors } from './editor-form';

export type SavingState = 'idle' | 'checking' | 'saving';

/**
 * Saving the editor: validate every field; for a JQL scope, run its first page as the gadget will
 * (so Jira's own message for a bad query shows at the field); then `view.submit`.
 */
export function useEditorSave({
  asOf,
  onSubmit,
}: {
  asOf: string;
  onSubmit: (config: GadgetConfig) => Promise<void>;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState<SavingState>('idle');
  const [saveError, setSaveError] = useState<string | null>(null);
  // The problems the error summary lists (it takes the focus): the form's own, found on submit.
  // Jira's rejection of a JQL query is shown at the field, which takes the focus instead.
  const [summary, setSummary] = useState<FieldErrors>({});
  // Bumped per submit with problems, so the error summary takes the focus again.
  const [attempt, setAttempt] = useState(0);

  async function save(form: EditorForm) {
    setSaveError(null);
    const { config, errors: found } = configOf(form);
    setErrors(found);
    setSummary(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    if (config.scope.kind === 'jql') {
      setSaving('checking');
      const check = await livePage({ scope: config.scope, asOf: config.asOf ?? asOf });
      if (!check.ok) {
        const problem = scopeCheckProblem(check.error);
        setSaving('idle');
        if (problem.field === 'jql') {
          setErrors({ jql: problem.message });
          setTimeout(() => document.getElementById('jql')?.focus());
        } else setSaveError(problem.message);
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

  return { errors, summary, saving, saveError, attempt, save };
}
