/**
 * The shell's pages live at Jira's own paths (/browse/KEY, /jira/dashboards/ID,
 * /jira/settings/apps/APP/ENV, /jira/apps/APP/ENV), so links a module builds with `router.getUrl`
 * look like Jira's.
 */
import type { SiteInfo } from '../api-types';

export type Route =
  | { name: 'epics' }
  | { name: 'issue'; issueKey: string }
  | { name: 'dashboard'; dashboardId: string }
  /** `subPath` is what the admin page's `view.createHistory()` sees as its pathname. */
  | { name: 'admin'; subPath: string }
  /** The app's `jira:globalPage`; `subPath` as for the admin page. */
  | { name: 'global-page'; subPath: string }
  | { name: 'not-found'; path: string };

export function adminBasePath(site: SiteInfo): string {
  return `/jira/settings/apps/${site.appId}/${site.environmentId}`;
}

/**
 * Where Jira shows an app's global page: /jira/apps/{appId}/{envId}
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-global-page/).
 */
export function globalPageBasePath(site: SiteInfo): string {
  return `/jira/apps/${site.appId}/${site.environmentId}`;
}

export function parseRoute(pathname: string, site: SiteInfo): Route {
  if (pathname === '/' || pathname === '/issues' || pathname === '/issues/') return { name: 'epics' };
  const issue = /^\/browse\/([^/]+)$/.exec(pathname);
  if (issue) return { name: 'issue', issueKey: decodeURIComponent(issue[1] ?? '') };
  if (pathname === '/jira/dashboards') return { name: 'dashboard', dashboardId: site.defaultDashboardId };
  const dashboard = /^\/jira\/dashboards\/([^/]+)$/.exec(pathname);
  if (dashboard) return { name: 'dashboard', dashboardId: decodeURIComponent(dashboard[1] ?? '') };
  const base = adminBasePath(site);
  if (pathname === '/jira/settings/apps' || pathname === base) return { name: 'admin', subPath: '/' };
  if (pathname.startsWith(`${base}/`)) return { name: 'admin', subPath: pathname.slice(base.length) };
  const page = globalPageBasePath(site);
  if (pathname === page) return { name: 'global-page', subPath: '/' };
  if (pathname.startsWith(`${page}/`)) return { name: 'global-page', subPath: pathname.slice(page.length) };
  return { name: 'not-found', path: pathname };
}

type RouteListener = () => void;
const listeners = new Set<RouteListener>();

export function onNavigation(listener: RouteListener): void {
  listeners.add(listener);
}

/** Same-tab navigation inside the shell (no page load). */
export function navigate(path: string, options: { replace?: boolean; state?: unknown } = {}): void {
  if (options.replace) history.replaceState(options.state ?? null, '', path);
  else history.pushState(options.state ?? null, '', path);
  for (const listener of listeners) listener();
}

/** Follows clicks on the shell's own links without reloading the page (and the modules). */
export function startRouter(): void {
  window.addEventListener('popstate', () => {
    for (const listener of listeners) listener();
  });
  document.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (
      url.origin !== location.origin ||
      url.pathname.startsWith('/api/') ||
      url.pathname.startsWith('/resources/')
    )
      return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}
