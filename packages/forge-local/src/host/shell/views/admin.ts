/**
 * The app's admin page under Jira settings → Apps. Jira shows it to Jira admins only; the shell
 * asks the site whether the user holds ADMINISTER, as the user, and otherwise shows Jira's
 * "you don't have access" page.
 */
import type { UiModuleInfo } from '../../api-types';
import { api } from '../api';
import { describeError, h, messagePage } from '../dom';
import { mountModuleFrame, type MountedFrame } from '../forge-host';
import { adminBasePath, navigate } from '../router';
import { session } from '../session';

type Action = 'PUSH' | 'REPLACE' | 'POP';
interface Location {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
}
type Listener = (location: unknown, action: Action) => void;

/**
 * The object `view.createHistory()` resolves to: history v4's API, with the module's own paths
 * (`/`, `/settings`) mapped below the page's URL (admin or global page) so the address bar and
 * Back work.
 */
export class ModuleHistory {
  action: Action = 'POP';
  location: Location;
  private readonly listeners = new Set<Listener>();
  private keys = 0;

  constructor(
    private readonly basePath: string,
    subPath: string,
    private readonly frame: MountedFrame,
  ) {
    this.location = this.toLocation(subPath, null, '/');
  }

  get length(): number {
    return window.history.length;
  }

  /** Relative paths resolve against `from`, the current module path by default. */
  private toLocation(to: unknown, state: unknown, from = this.location.pathname): Location {
    this.keys += 1;
    const key = `${this.frame.id}-${String(this.keys)}`;
    if (typeof to === 'string') {
      const url = new URL(to, `http://module${from}`);
      return { pathname: url.pathname, search: url.search, hash: url.hash, state, key };
    }
    const record = (to ?? {}) as Partial<Location>;
    return {
      pathname: record.pathname ?? '/',
      search: record.search ?? '',
      hash: record.hash ?? '',
      state: record.state ?? state,
      key,
    };
  }

  createHref = (to: unknown): string => {
    const location = this.toLocation(to, null);
    return `${this.basePath}${location.pathname === '/' ? '' : location.pathname}${location.search}${location.hash}`;
  };

  private change(action: Action, location: Location): void {
    this.location = location;
    this.action = action;
    for (const listener of [...this.listeners]) listener(this.frame.toFrame(location), action);
  }

  push = (to: unknown, state?: unknown): void => {
    const location = this.toLocation(to, state ?? null);
    this.change('PUSH', location);
    navigate(this.createHref(location), { state: location.state });
  };

  replace = (to: unknown, state?: unknown): void => {
    const location = this.toLocation(to, state ?? null);
    this.change('REPLACE', location);
    navigate(this.createHref(location), { replace: true, state: location.state });
  };

  go = (delta: number): void => {
    window.history.go(delta);
  };
  goBack = (): void => {
    window.history.back();
  };
  goForward = (): void => {
    window.history.forward();
  };
  block = (): (() => void) => () => undefined;

  listen = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Called by the shell when the address changes under the page (Back, Forward, links). */
  sync(subPath: string): void {
    const current = `${this.location.pathname}${this.location.search}${this.location.hash}`;
    if (current !== subPath) this.change('POP', this.toLocation(subPath, window.history.state));
  }
}

export interface AdminView {
  teardown(): void;
  /** The shell stays on the admin page and only the path below it changed. */
  updateSubPath(subPath: string): void;
}

export function renderAdmin(container: HTMLElement, subPath: string): AdminView {
  const { site, user } = session();
  const module = site.modules.find((m) => m.type === 'jira:adminPage');
  let frame: MountedFrame | null = null;
  let history: ModuleHistory | null = null;
  let disposed = false;

  async function load(): Promise<void> {
    container.replaceChildren(
      h('p', { class: 'page-loading', role: 'status' }, 'Checking your permissions…'),
    );
    let allowed: boolean;
    try {
      allowed = await api.isJiraAdmin(user.accountId);
    } catch (error) {
      if (disposed) return;
      container.replaceChildren(
        messagePage({
          title: 'Jira could not check your permissions',
          body: describeError(error),
          action: { label: 'Try again', onClick: () => void load() },
          tone: 'error',
        }),
      );
      return;
    }
    if (disposed) return;
    if (!allowed) {
      document.title = "You don't have access to this page - Jira";
      container.replaceChildren(
        messagePage({
          title: "You don't have access to this page",
          body: `App settings are for Jira admins, and ${user.displayName} isn't one. Ask a Jira admin for access, or switch to an admin user at the top right.`,
          action: { label: 'Go to epics', href: '/issues' },
        }),
      );
      return;
    }
    container.replaceChildren(layout(module));
  }

  function layout(adminModule: UiModuleInfo | undefined): HTMLElement {
    const sidebar = h(
      'nav',
      { class: 'settings-sidebar', 'aria-label': 'Jira settings: Apps' },
      h('p', { class: 'settings-sidebar-heading' }, 'Apps'),
      h(
        'ul',
        {},
        h('li', {}, h('span', { class: 'settings-link settings-link-disabled' }, 'Manage apps')),
        adminModule
          ? h(
              'li',
              {},
              h(
                'a',
                { class: 'settings-link', href: adminBasePath(site), 'aria-current': 'page' },
                adminModule.title,
              ),
            )
          : null,
      ),
    );
    if (!adminModule) {
      return h(
        'div',
        { class: 'settings-layout' },
        sidebar,
        h('p', { class: 'inline-message' }, 'The app declares no jira:adminPage module.'),
      );
    }
    document.title = `${adminModule.title} - Apps - Jira`;
    frame = mountModuleFrame(
      {
        module: adminModule,
        src: adminModule.resourceUrl,
        localId: adminModule.key,
        extension: { type: adminModule.type },
        createHistory: (mounted) => {
          history ??= new ModuleHistory(adminBasePath(site), subPath, mounted);
          return history;
        },
      },
      `${adminModule.title} (app settings)`,
    );
    return h(
      'div',
      { class: 'settings-layout' },
      sidebar,
      h('div', { class: 'settings-content' }, frame.element),
    );
  }

  void load();
  return {
    teardown() {
      disposed = true;
      frame?.destroy();
    },
    updateSubPath(next) {
      history?.sync(next);
    },
  };
}
