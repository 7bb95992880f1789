import type { Clock } from '../ports/clock';
import type { JiraSite, PermissionChecker } from '../ports/jira-site';
import type { KeyValueStore } from '../ports/key-value-store';
import { SiteConfig } from '../site-config';

/** Everything the epic-panel use cases need, wired by the panel resolver (or a test). */
export interface PanelContext {
  accountId: string;
  /** Jira as the invoking user. */
  jira: JiraSite;
  permissions: PermissionChecker;
  store: KeyValueStore;
  clock: Clock;
  /** Waits, e.g. for a concurrent save to land; tests pass one that does not really wait. */
  sleep(ms: number): Promise<void>;
}

export function siteConfigOf(context: { store: KeyValueStore }): SiteConfig {
  return new SiteConfig(context.store);
}
