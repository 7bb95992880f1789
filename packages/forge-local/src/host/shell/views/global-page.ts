/**
 * The app's global page: Jira lists it under Apps in the main navigation and shows it, to anyone
 * who can use Jira, in the main content area at /jira/apps/{appId}/{envId}
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-global-page/).
 * What it shows is the app's business: its resolver asks Jira as the user.
 */
import { h } from '../dom';
import { mountModuleFrame, type MountedFrame } from '../forge-host';
import { globalPageBasePath } from '../router';
import { session } from '../session';
import { ModuleHistory, type AdminView } from './admin';

export function renderGlobalPage(container: HTMLElement, subPath: string): AdminView {
  const { site } = session();
  // Jira deploys at most one jira:globalPage per app.
  const module = site.modules.find((m) => m.type === 'jira:globalPage');
  let frame: MountedFrame | null = null;
  let history: ModuleHistory | null = null;
  if (!module) {
    container.replaceChildren(
      h('p', { class: 'inline-message' }, 'The app declares no jira:globalPage module.'),
    );
  } else {
    document.title = `${module.title} - Apps - Jira`;
    frame = mountModuleFrame(
      {
        module,
        src: module.resourceUrl,
        localId: module.key,
        extension: { type: module.type },
        createHistory: (mounted) => {
          history ??= new ModuleHistory(globalPageBasePath(site), subPath, mounted);
          return history;
        },
      },
      `${module.title} (app page)`,
    );
    container.replaceChildren(frame.element);
  }
  return {
    teardown() {
      frame?.destroy();
    },
    updateSubPath(next) {
      history?.sync(next);
    },
  };
}
