/**
 * A Jira dashboard: any number of the app's gadgets, each in view or edit mode. Edit mode is the
 * gadget's edit resource with `extension.entryPoint: 'edit'`; `view.submit(config)` saves the
 * configuration, which the next render gets as `extension.gadgetConfiguration` (§1.3). Only the
 * dashboard's owner or a Jira admin sees the controls that change it (`Dashboard.editable`).
 */
import type { Dashboard, GadgetInstance, UiModuleInfo } from '../../api-types';
import { api, HostCallError } from '../api';
import { describeError, h, messagePage } from '../dom';
import { showFlag } from '../flags';
import { emitToFrames, mountModuleFrame, type MountedFrame } from '../forge-host';
import { gadgetActions, type GadgetAction } from '../gadget-actions';
import { session } from '../session';

interface GadgetView {
  gadget: GadgetInstance;
  module: UiModuleInfo;
  editing: boolean;
  frame: MountedFrame | null;
  timer: number | undefined;
  card: HTMLElement;
}

export function renderDashboard(container: HTMLElement, dashboardId: string): () => void {
  const views = new Map<string, GadgetView>();
  let disposed = false;
  const grid = h('div', { class: 'gadget-grid' });
  let dashboard: Dashboard | null = null;

  function gadgetModules(): UiModuleInfo[] {
    return session().site.modules.filter((m) => m.type === 'jira:dashboardGadget');
  }

  async function load(): Promise<void> {
    container.replaceChildren(h('p', { class: 'page-loading', role: 'status' }, 'Loading dashboard…'));
    try {
      dashboard = await api.dashboard(dashboardId, session().user.accountId);
    } catch (error) {
      if (disposed) return;
      const missing = error instanceof HostCallError && error.status === 404;
      container.replaceChildren(
        messagePage({
          title: missing ? 'This dashboard does not exist' : 'The dashboard could not be loaded',
          body: missing ? `There is no dashboard ${dashboardId} on this site.` : describeError(error),
          action: missing
            ? {
                label: 'Open the default dashboard',
                href: `/jira/dashboards/${session().site.defaultDashboardId}`,
              }
            : { label: 'Try again', onClick: () => void load() },
          tone: missing ? 'neutral' : 'error',
        }),
      );
      return;
    }
    if (disposed) return;
    document.title = `${dashboard.name} - Jira`;
    const { editable: canEdit, ownerAccountId } = dashboard;
    const owner = session().site.users.find((u) => u.accountId === ownerAccountId);
    const addButtons = (canEdit ? gadgetModules() : []).map((module) =>
      h(
        'button',
        { type: 'button', class: 'button button-primary', onclick: () => void addGadget(module) },
        `Add ${module.title} gadget`,
      ),
    );
    container.replaceChildren(
      h(
        'section',
        { class: 'page', 'aria-labelledby': 'page-title' },
        h(
          'div',
          { class: 'page-header' },
          h('h1', { id: 'page-title', tabindex: -1 }, dashboard.name),
          h(
            'div',
            { class: 'page-actions' },
            h(
              'button',
              {
                type: 'button',
                class: 'button',
                onclick: () => {
                  refreshAll();
                },
              },
              'Refresh',
            ),
            ...addButtons,
          ),
        ),
        canEdit
          ? null
          : h(
              'p',
              { class: 'subtle dashboard-owner-note' },
              `You can view this dashboard. Only its owner, ${owner?.displayName ?? ownerAccountId}, or a Jira admin can add, edit or remove its gadgets.`,
            ),
        grid,
      ),
    );
    for (const gadget of dashboard.gadgets) showGadget(gadget, canEdit && gadget.configuration === null);
    renderEmptyState();
  }

  function editable(): boolean {
    return dashboard?.editable === true;
  }

  function renderEmptyState(): void {
    grid.querySelector('.gadget-empty')?.remove();
    if (views.size > 0) return;
    grid.append(
      h(
        'div',
        { class: 'inline-message gadget-empty' },
        h(
          'p',
          {},
          'This dashboard has no gadgets. Add one with the button above; a new gadget opens in edit mode.',
        ),
      ),
    );
  }

  function showGadget(gadget: GadgetInstance, editing: boolean): void {
    const module = gadgetModules().find((m) => m.key === gadget.moduleKey);
    const titleId = `gadget-title-${gadget.id}`;
    const card = h('section', { class: 'gadget', 'aria-labelledby': titleId, 'data-gadget-id': gadget.id });
    grid.append(card);
    if (!module) {
      card.append(
        h(
          'p',
          { class: 'inline-message inline-error' },
          `Gadget ${gadget.id} uses module ${gadget.moduleKey}, which manifest.yml no longer declares.`,
        ),
      );
      return;
    }
    const view: GadgetView = { gadget, module, editing, frame: null, timer: undefined, card };
    views.set(gadget.id, view);
    mount(view);
  }

  function mount(view: GadgetView): void {
    const { gadget, module } = view;
    view.frame?.destroy();
    window.clearInterval(view.timer);
    const titleId = `gadget-title-${gadget.id}`;
    const configured = gadget.configuration !== null;
    const onAction: Record<GadgetAction, () => void> = {
      Edit: () => {
        setEditing(view, true);
      },
      'Cancel editing': () => {
        setEditing(view, false);
      },
      Refresh: () => {
        refreshGadget(view, 'gadget');
      },
      Remove: () => void removeGadget(view),
    };
    const actions = gadgetActions({ editable: editable(), editing: view.editing, configured }).map((action) =>
      button(action, onAction[action]),
    );
    const frame = mountModuleFrame(
      {
        module,
        src: view.editing ? (module.editResourceUrl ?? module.resourceUrl) : module.resourceUrl,
        localId: gadget.id,
        extension: {
          type: module.type,
          gadgetConfiguration: gadget.configuration ?? {},
          dashboard: { id: dashboardId },
          gadget: { id: gadget.id },
          ...(view.editing ? { entryPoint: 'edit' } : {}),
        },
        submit: view.editing ? (payload) => saveConfiguration(view, payload) : undefined,
        // In edit mode, view.close() cancels editing (only once there is a configuration to show).
        close:
          view.editing && configured
            ? () => {
                // After this call has answered the gadget, which the re-render removes.
                window.setTimeout(() => {
                  setEditing(view, false);
                });
                return true;
              }
            : undefined,
        refresh: () => {
          refreshGadget(view, 'gadget');
          return true;
        },
      },
      `${gadget.title} gadget${view.editing ? ' (editing)' : ''}`,
    );
    view.frame = frame;
    view.card.replaceChildren(
      h(
        'header',
        { class: 'gadget-header' },
        h(
          'h2',
          { id: titleId, class: 'gadget-title' },
          gadget.title,
          view.editing ? h('span', { class: 'subtle' }, ' · editing') : null,
        ),
        h(
          'div',
          { class: 'gadget-actions', role: 'group', 'aria-label': `${gadget.title} gadget actions` },
          ...actions,
        ),
      ),
      frame.element,
    );
    // `refresh` in the configuration is the auto-refresh interval in minutes (§1.3).
    const minutes = gadget.configuration?.['refresh'];
    if (!view.editing && typeof minutes === 'number' && Number.isInteger(minutes) && minutes > 0) {
      view.timer = window.setInterval(() => {
        refreshGadget(view, 'gadget');
      }, minutes * 60_000);
    }
  }

  function button(label: string, onClick: () => void): HTMLButtonElement {
    return h('button', { type: 'button', class: 'button button-subtle', onclick: onClick }, label);
  }

  function setEditing(view: GadgetView, editing: boolean): void {
    view.editing = editing;
    mount(view);
  }

  async function saveConfiguration(view: GadgetView, payload: unknown): Promise<boolean> {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw new Error('view.submit in a gadget needs an object: the gadget configuration.');
    }
    try {
      view.gadget = await api.saveGadgetConfiguration(
        dashboardId,
        view.gadget.id,
        JSON.parse(JSON.stringify(payload)) as Record<string, unknown>,
        session().user.accountId,
      );
    } catch (error) {
      showFlag({
        id: `gadget-save-${view.gadget.id}`,
        type: 'error',
        title: 'The gadget configuration was not saved',
        description: describeError(error),
      });
      throw error;
    }
    // Jira leaves edit mode once the configuration is saved; the view re-renders with it.
    window.setTimeout(() => {
      setEditing(view, false);
    });
    return true;
  }

  function refreshGadget(view: GadgetView, origin: 'gadget' | 'dashboard'): void {
    if (view.editing) return;
    if (view.module.refreshable) mount(view);
    else emitToFrames('JIRA_DASHBOARD_GADGET_REFRESH', { origin, gadgetId: view.gadget.id });
  }

  function refreshAll(): void {
    for (const view of views.values()) refreshGadget(view, 'dashboard');
  }

  async function addGadget(module: UiModuleInfo): Promise<void> {
    try {
      const gadget = await api.addGadget(dashboardId, module.key, session().user.accountId);
      showGadget(gadget, true);
      renderEmptyState();
      views.get(gadget.id)?.card.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      showFlag({
        id: 'gadget-add',
        type: 'error',
        title: 'The gadget was not added',
        description: describeError(error),
      });
    }
  }

  async function removeGadget(view: GadgetView): Promise<void> {
    try {
      await api.removeGadget(dashboardId, view.gadget.id, session().user.accountId);
    } catch (error) {
      showFlag({
        id: 'gadget-remove',
        type: 'error',
        title: 'The gadget was not removed',
        description: describeError(error),
      });
      return;
    }
    view.frame?.destroy();
    window.clearInterval(view.timer);
    view.card.remove();
    views.delete(view.gadget.id);
    renderEmptyState();
    showFlag({
      id: 'gadget-remove',
      type: 'success',
      title: `${view.gadget.title} gadget removed`,
      isAutoDismiss: true,
    });
  }

  void load();
  return () => {
    disposed = true;
    for (const view of views.values()) {
      view.frame?.destroy();
      window.clearInterval(view.timer);
    }
    views.clear();
  };
}
