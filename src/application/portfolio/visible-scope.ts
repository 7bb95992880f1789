import type { Scope } from '../../contract/gadget.contract';
import type { EpicIssue } from '../ports/jira-site';
import { viewerProjects } from '../rollup/viewer-projects';
import type { GadgetContext } from './gadget-context';

export interface VisibleScope {
  scope: Scope;
  /** Keep only epics under these parents (when the parents themselves cannot be named in JQL). */
  parents?: ReadonlySet<string>;
}

/**
 * The scope narrowed to what the viewer can see. A gadget's configuration is shared by everyone
 * who views the dashboard, but Jira answers a JQL clause naming a project or issue the viewer
 * cannot see with 400 ("does not exist"). So invisible projects are dropped, and a programme the
 * viewer cannot see (while its epics in their project they can) is matched by parent key after
 * the search instead of in JQL. Null when nothing of the scope can be visible.
 */
export async function visibleScope(context: GadgetContext, scope: Scope): Promise<VisibleScope | null> {
  if (scope.kind === 'projects' && context.viewer !== undefined) {
    const browsable = new Set(await viewerProjects(context.store, context.viewer, context.clock.now()));
    const projects = scope.projects.filter((project) => browsable.has(project));
    return projects.length === 0 ? null : { scope: { kind: 'projects', projects } };
  }
  if (scope.kind === 'programmes') {
    const visible = new Set((await context.jira.getIssues(scope.programmes)).map((issue) => issue.key));
    if (scope.programmes.every((programme) => visible.has(programme))) return { scope };
    if (context.viewer === undefined) return null;
    const projects = await viewerProjects(context.store, context.viewer, context.clock.now());
    return projects.length === 0
      ? null
      : { scope: { kind: 'projects', projects }, parents: new Set(scope.programmes) };
  }
  return { scope };
}

/** The issues of a search page that belong to the visible scope. */
export function inVisibleScope(issues: readonly EpicIssue[], visible: VisibleScope): readonly EpicIssue[] {
  const { parents } = visible;
  return parents === undefined
    ? issues
    : issues.filter((issue) => issue.parentKey !== null && parents.has(issue.parentKey));
}
