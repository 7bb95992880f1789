import type { Scope } from '../../contract/gadget.contract';

/** Strips a trailing ORDER BY: the scope is wrapped in parentheses and combined with more clauses. */
function withoutOrderBy(jql: string): string {
  return jql.replace(/\s+order\s+by\s+[\s\S]*$/i, '').trim();
}

const quoted = (value: string) => `"${value.replace(/(["\\])/g, '\\$1')}"`;

/**
 * The JQL that finds a scope's epics. Keys and ids are validated by the contract, and quoted
 * anyway; a user's own JQL is parenthesised so its ORs cannot escape the epic clause.
 */
export function scopeJql({ scope, epicTypeIds }: { scope: Scope; epicTypeIds: readonly string[] }): string {
  const epics = `issuetype in (${epicTypeIds.join(', ')})`;
  switch (scope.kind) {
    case 'all':
      return `${epics} ORDER BY key ASC`;
    case 'projects':
      return `project in (${scope.projects.map(quoted).join(', ')}) AND ${epics} ORDER BY key ASC`;
    case 'programmes':
      return `parent in (${scope.programmes.map(quoted).join(', ')}) AND ${epics} ORDER BY key ASC`;
    case 'objectives':
      return `valueObjective in (${scope.objectives.map(quoted).join(', ')}) AND ${epics} ORDER BY key ASC`;
    case 'jql':
      return `(${withoutOrderBy(scope.jql)}) AND ${epics} ORDER BY key ASC`;
  }
}

/**
 * The JQL of a drill-down for Jira's issue search: the scope's epics narrowed to the project,
 * programme or objective behind the figure (the objective through the `valueObjective` alias of
 * manifest.yml's entity property), without ORDER BY so the user can add their own.
 */
export function drillDownJql({
  scope,
  filter,
  epicTypeIds,
}: {
  scope: Scope;
  filter:
    | { by: 'all' }
    | { by: 'project'; key: string }
    | { by: 'programme'; key: string }
    | { by: 'objective'; id: string };
  epicTypeIds: readonly string[];
}): string {
  const base = withoutOrderBy(scopeJql({ scope, epicTypeIds }));
  switch (filter.by) {
    case 'all':
      return base;
    case 'project':
      return `project = ${quoted(filter.key)} AND ${base}`;
    case 'programme':
      return filter.key === '(none)'
        ? `parent is EMPTY AND ${base}`
        : `parent = ${quoted(filter.key)} AND ${base}`;
    case 'objective':
      return `valueObjective = ${quoted(filter.id)} AND ${base}`;
  }
}
