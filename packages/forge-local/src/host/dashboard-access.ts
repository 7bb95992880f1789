/**
 * Dashboards as the host's endpoints answer them: who may change one, and the title each gadget's
 * frame shows. As in Jira, only a dashboard's owner, or a Jira admin (global ADMINISTER, asked of
 * the site as the user), may add, configure or remove its gadgets; everyone else may view it.
 */
import type { LocalSite } from '../site-api';
import type { AppManifest } from '../app/app-manifest';
import type { Dashboard, GadgetInstance } from './api-types';
import type { StoredDashboard, StoredGadget } from './dashboard-store';
import { HttpError } from './http-util';
import { isJiraAdmin } from './jira-queries';

/** The gadget frame's title: the app's saved `title` when it is a non-blank string, else the module's. */
export function gadgetTitle(configuration: Record<string, unknown> | null, moduleTitle: string): string {
  const saved = configuration?.['title'];
  return typeof saved === 'string' && saved.trim() !== '' ? saved.trim() : moduleTitle;
}

export function presentGadget(gadget: StoredGadget, manifest: AppManifest): GadgetInstance {
  const module = manifest.uiModules.find((m) => m.key === gadget.moduleKey);
  return { ...gadget, title: gadgetTitle(gadget.configuration, module?.title ?? gadget.moduleKey) };
}

export function presentDashboard(
  dashboard: StoredDashboard,
  manifest: AppManifest,
  editable: boolean,
): Dashboard {
  return { ...dashboard, gadgets: dashboard.gadgets.map((g) => presentGadget(g, manifest)), editable };
}

export async function mayEditDashboard(
  site: LocalSite,
  dashboard: StoredDashboard,
  accountId: string,
): Promise<boolean> {
  return dashboard.ownerAccountId === accountId || (await isJiraAdmin(site, accountId));
}

/** Throws 403 naming the owner unless `accountId` may change the dashboard's gadgets. */
export async function assertMayEditDashboard(
  site: LocalSite,
  dashboard: StoredDashboard,
  accountId: string,
): Promise<void> {
  if (await mayEditDashboard(site, dashboard, accountId)) return;
  const owner = site.users.find((u) => u.accountId === dashboard.ownerAccountId);
  const ownerName = owner ? owner.displayName : dashboard.ownerAccountId;
  throw new HttpError(
    403,
    `Only the owner of dashboard ${dashboard.id} (${ownerName}) or a Jira admin may add, configure or remove its gadgets.`,
    'FORBIDDEN',
  );
}
