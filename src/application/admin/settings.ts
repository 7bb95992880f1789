import type { SettingsView } from '../../contract/admin.contract';
import type { AppSettings } from '../../contract/site-config.schema';
import { SiteConfig } from '../site-config';
import { requireJiraAdmin, type AdminContext } from './admin-context';
import { appendAudit, fieldChanges } from './audit-log';

export async function getSettings(context: AdminContext): Promise<SettingsView> {
  await requireJiraAdmin(context);
  const [settings, epicTypeIds] = await Promise.all([
    new SiteConfig(context.store).settings(),
    context.jira.epicIssueTypeIds(),
  ]);
  return { settings, epicIssueTypes: epicTypeIds.map((id) => ({ id })) };
}

/** Saves the settings and logs what changed. Amounts already stored are not converted. */
export async function saveSettings(
  context: AdminContext,
  { settings }: { settings: AppSettings },
): Promise<SettingsView> {
  await requireJiraAdmin(context);
  const config = new SiteConfig(context.store);
  const before = await config.settings();
  await config.saveSettings(settings);
  const changes = fieldChanges(before, settings);
  if (changes.length > 0) {
    await appendAudit(context.store, {
      at: context.clock.now(),
      by: context.accountId,
      action: 'settings.updated',
      changes,
    });
  }
  return { settings, epicIssueTypes: (await context.jira.epicIssueTypeIds()).map((id) => ({ id })) };
}
