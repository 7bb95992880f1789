/**
 * The shell page: Jira's top navigation, the signed-in user's notification bell, a user and a
 * theme switch, and one page at a time.
 */
import type { SiteInfo } from '../api-types';
import { api } from './api';
import { describeError, h, messagePage, svg } from './dom';
import { installForgeHost } from './forge-host';
import { notificationBell } from './notifications';
import {
  adminBasePath,
  globalPageBasePath,
  onNavigation,
  parseRoute,
  startRouter,
  type Route,
} from './router';
import { onSessionChange, session, setTheme, startSession, switchUser, type ThemeChoice } from './session';
import { renderAdmin, type AdminView } from './views/admin';
import { renderDashboard } from './views/dashboard';
import { renderEpics } from './views/epics';
import { renderGlobalPage } from './views/global-page';
import { renderIssue } from './views/issue';

const logo =
  '<svg viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" d="M11.53 2 3.5 10.03a1 1 0 0 0 0 1.41l3.3 3.3L11.53 10l4.74 4.74 3.3-3.3a1 1 0 0 0 0-1.41L11.53 2Zm0 10.3-3.3 3.3 3.3 3.3 3.3-3.3-3.3-3.3Z"/></svg>';

const main = h('main', { id: 'main', class: 'content', tabindex: -1 });
let teardown: (() => void) | null = null;
let adminView: AdminView | null = null;
let currentRoute: Route | null = null;

const navLinks: { link: HTMLAnchorElement; active: (route: Route) => boolean }[] = [];

function navLink(label: string, href: string, active: (route: Route) => boolean): HTMLAnchorElement {
  const link = h('a', { class: 'topnav-link', href }, label);
  navLinks.push({ link, active });
  return link;
}

function markNavigation(route: Route): void {
  for (const { link, active } of navLinks) {
    if (active(route)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function header(site: SiteInfo): HTMLElement {
  const { user, theme } = session();
  const userSelect = h(
    'select',
    { id: 'user-switch', class: 'select' },
    ...site.users.map((u) =>
      h(
        'option',
        { value: u.accountId, title: u.description, selected: u.accountId === user.accountId },
        `${u.displayName} (${u.roleLabel ?? u.role})`,
      ),
    ),
  );
  userSelect.addEventListener('change', () => {
    switchUser(userSelect.value);
  });
  const userHint = h('span', { id: 'user-hint', class: 'visually-hidden' }, user.description);
  onSessionChange((now) => {
    userHint.textContent = now.user.description;
  });

  const themeSelect = h(
    'select',
    { id: 'theme-switch', class: 'select' },
    ...(
      [
        ['light', 'Light'],
        ['dark', 'Dark'],
        ['auto', 'Match browser'],
      ] as const
    ).map(([value, label]) => h('option', { value, selected: value === theme }, label)),
  );
  themeSelect.addEventListener('change', () => {
    setTheme(themeSelect.value as ThemeChoice);
  });

  const appsLink = navLink('Apps', adminBasePath(site), (r) => r.name === 'admin');
  appsLink.setAttribute('title', 'Jira settings → Apps');
  // Jira lists an app's global page in the Apps section of the main navigation.
  const globalPage = site.modules.find((m) => m.type === 'jira:globalPage');
  const links = [
    navLink('Epics', '/issues', (r) => r.name === 'epics' || r.name === 'issue'),
    navLink('Dashboards', `/jira/dashboards/${site.defaultDashboardId}`, (r) => r.name === 'dashboard'),
    ...(globalPage
      ? [navLink(globalPage.title, globalPageBasePath(site), (r) => r.name === 'global-page')]
      : []),
    appsLink,
  ];

  return h(
    'header',
    { class: 'topnav' },
    h('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
    h(
      'a',
      { class: 'brand', href: '/issues', 'aria-label': 'Jira (local site) home' },
      svg(logo),
      h('span', {}, 'Jira'),
      h('span', { class: 'brand-badge' }, 'Local'),
    ),
    h('nav', { 'aria-label': 'Main', class: 'topnav-nav' }, h('ul', {}, ...links.map((l) => h('li', {}, l)))),
    h(
      'div',
      { class: 'topnav-end' },
      notificationBell(),
      h('label', { class: 'topnav-field', for: 'theme-switch' }, h('span', {}, 'Theme'), themeSelect),
      h(
        'label',
        { class: 'topnav-field', for: 'user-switch' },
        h('span', {}, 'Signed in as'),
        userSelect,
        userHint,
      ),
    ),
  );
}

function render(moveFocus: boolean): void {
  const { site } = session();
  const route = parseRoute(window.location.pathname, site);
  const previous = currentRoute;
  currentRoute = route;
  markNavigation(route);
  // Only the path below the admin or global page changed (its own router): keep the iframe.
  if (
    adminView &&
    ((previous?.name === 'admin' && route.name === 'admin') ||
      (previous?.name === 'global-page' && route.name === 'global-page'))
  ) {
    adminView.updateSubPath(route.subPath);
    return;
  }
  teardown?.();
  teardown = null;
  adminView = null;
  main.replaceChildren();
  document.title = 'Jira';
  switch (route.name) {
    case 'epics':
      teardown = renderEpics(main);
      break;
    case 'issue':
      teardown = renderIssue(main, route.issueKey);
      break;
    case 'dashboard':
      teardown = renderDashboard(main, route.dashboardId);
      break;
    case 'admin': {
      const view = renderAdmin(main, route.subPath);
      adminView = view;
      teardown = () => {
        view.teardown();
      };
      break;
    }
    case 'global-page': {
      const view = renderGlobalPage(main, route.subPath);
      adminView = view;
      teardown = () => {
        view.teardown();
      };
      break;
    }
    case 'not-found':
      main.append(
        messagePage({
          title: "We can't find this page",
          body: `Nothing lives at ${route.path} on this local site.`,
          action: { label: 'Go to epics', href: '/issues' },
        }),
      );
      break;
  }
  if (moveFocus) main.focus({ preventScroll: false });
}

async function start(): Promise<void> {
  let site: SiteInfo;
  try {
    site = await api.site();
  } catch (error) {
    document.body.replaceChildren(
      h(
        'main',
        { class: 'content' },
        messagePage({
          title: 'The local site is not answering',
          body: `${describeError(error)} Is npm start still running?`,
          action: {
            label: 'Reload',
            onClick: () => {
              window.location.reload();
            },
          },
          tone: 'error',
        }),
      ),
    );
    return;
  }
  startSession(site);
  installForgeHost();
  document.body.replaceChildren(header(site), main);
  startRouter();
  onNavigation(() => {
    render(true);
  });
  // Switching user reloads every module as that user, like signing in again on Jira.
  onSessionChange((_now, changed) => {
    if (changed !== 'user') return;
    currentRoute = null;
    render(false);
  });
  render(false);
}

void start();
