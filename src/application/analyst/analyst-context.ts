import type { Scope } from '../../contract/gadget.contract';
import { notFound } from '../app-error';
import type { GadgetContext } from '../portfolio/gadget-context';
import type { Viewer } from '../rollup/viewer-projects';
import type { SiteLinkSource } from './agent-links';

/**
 * What the VMO analyst's portfolio actions need: the gadget's and the planning page's context
 * with Jira read as the asking user (`viewer`), and where the links point.
 */
export interface AnalystContext extends GadgetContext {
  viewer: Viewer;
  links: SiteLinkSource;
}

/**
 * Refuses a projects scope naming a project the user may not browse, in Jira's own words (which
 * do not tell a hidden project from a missing one), rather than answering figures that silently
 * leave it out. Other scopes need no check: their epics are read as the user, so what they may
 * not browse is never found.
 */
export async function requireBrowsable(context: AnalystContext, scope: Scope): Promise<void> {
  if (scope.kind !== 'projects') return;
  const browsable = new Set(await context.viewer.browsableProjectKeys());
  const hidden = scope.projects.filter((key) => !browsable.has(key));
  if (hidden.length > 0) {
    throw notFound(
      `Project ${hidden.join(', ')} was not found, or you do not have permission to browse it. No figures were given for it.`,
    );
  }
}
