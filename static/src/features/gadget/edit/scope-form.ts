import type { Scope } from '../../../../../src/contract/gadget.contract';
import { issueKeySchema } from '../../../../../src/contract/primitives.schema';

/*
 * The scope fields of a form and their checks: the gadget editor's, and the value planning page's
 * scope picker. Kept apart from the rest of the editor so the page bundles none of the gadget's
 * tiles and targets.
 */

export type ScopeKind = Scope['kind'];

/** The scope's fields as the user types them (strings), before validation. */
export interface ScopeForm {
  scopeKind: ScopeKind;
  projects: string[];
  programmes: string[];
  /** Programme keys typed by hand, comma or space separated. */
  programmeKeys: string;
  objectives: string[];
  jql: string;
}

/** The scope's field ids, which double as the keys of its validation errors. */
export type ScopeFieldId = 'scope' | 'programmeKeys' | 'jql';

export type ScopeErrors = Partial<Record<ScopeFieldId, string>>;

/** The scope a form's fields say, with every problem reported against its field in `errors`. */
export function scopeOf(form: ScopeForm, errors: ScopeErrors): Scope {
  switch (form.scopeKind) {
    case 'all':
      return { kind: 'all' };
    case 'projects':
      if (form.projects.length === 0) errors.scope = 'Choose at least one project.';
      return { kind: 'projects', projects: form.projects };
    case 'programmes': {
      const typed = form.programmeKeys
        .split(/[\s,;]+/)
        .map((key) => key.trim().toUpperCase())
        .filter((key) => key !== '');
      const bad = typed.filter((key) => !issueKeySchema.safeParse(key).success);
      if (bad.length > 0)
        errors.programmeKeys = `${bad.join(', ')} ${bad.length === 1 ? 'is not an issue key' : 'are not issue keys'}; write keys such as PRG-12.`;
      const programmes = [...new Set([...form.programmes, ...typed])];
      if (programmes.length === 0 && bad.length === 0)
        errors.scope = 'Choose or type at least one programme.';
      if (programmes.length > 100) errors.scope = 'Choose at most 100 programmes.';
      return { kind: 'programmes', programmes };
    }
    case 'objectives':
      if (form.objectives.length === 0) errors.scope = 'Choose at least one objective.';
      return { kind: 'objectives', objectives: form.objectives };
    case 'jql': {
      const jql = form.jql.trim();
      if (jql === '')
        errors.jql = 'Write the JQL that finds the epics, e.g. project = PAY AND labels = growth.';
      else if (jql.length > 2000) errors.jql = 'Keep the JQL under 2,000 characters.';
      return { kind: 'jql', jql };
    }
  }
}

/** How the scope choices read. */
export const SCOPE_CHOICES: readonly { kind: ScopeKind; label: string; hint: string }[] = [
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

/** What each scope field is called in an error summary. */
export const SCOPE_FIELD_LABELS: Record<ScopeFieldId, string> = {
  scope: 'Scope',
  programmeKeys: 'Programme keys',
  jql: 'JQL query',
};

/** The problems of a checked scope, in the order its fields appear, for an error summary. */
export function scopeProblemsOf(errors: ScopeErrors): { id: ScopeFieldId; label: string; message: string }[] {
  return (['scope', 'programmeKeys', 'jql'] as const).flatMap((id) => {
    const message = errors[id];
    return message === undefined ? [] : [{ id, label: SCOPE_FIELD_LABELS[id], message }];
  });
}
