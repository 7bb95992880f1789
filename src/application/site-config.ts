import {
  appSettingsSchema,
  DEFAULT_SETTINGS,
  storedObjectiveSchema,
  type AppSettings,
  type StoredObjective,
} from '../contract/site-config.schema';
import { queryAll, type KeyValueStore } from './ports/key-value-store';
import { OBJECTIVE_PREFIX, objectiveKey, SETTINGS_KEY } from './storage-keys';

/**
 * Settings and objectives, kept in the app's storage. What is read back is parsed again: a value
 * stored by an older version gains the newer fields' defaults instead of breaking a screen.
 */
export class SiteConfig {
  constructor(private readonly store: KeyValueStore) {}

  async settings(): Promise<AppSettings> {
    const stored = await this.store.get(SETTINGS_KEY);
    if (stored === undefined) return DEFAULT_SETTINGS;
    const parsed = appSettingsSchema.safeParse(stored);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  saveSettings(settings: AppSettings): Promise<void> {
    return this.store.set(SETTINGS_KEY, settings);
  }

  async objectives(): Promise<StoredObjective[]> {
    const entries = await queryAll(this.store, OBJECTIVE_PREFIX);
    return entries
      .map((entry) => storedObjectiveSchema.safeParse(entry.value))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  async objective(objectiveId: string): Promise<StoredObjective | undefined> {
    const stored = await this.store.get(objectiveKey({ objectiveId }));
    const parsed = storedObjectiveSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  saveObjective(objective: StoredObjective): Promise<void> {
    return this.store.set(objectiveKey({ objectiveId: objective.id }), objective);
  }

  deleteObjective(objectiveId: string): Promise<void> {
    return this.store.delete(objectiveKey({ objectiveId }));
  }
}
