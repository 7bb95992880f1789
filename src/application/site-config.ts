import {
  appSettingsSchema,
  DEFAULT_SETTINGS,
  storedObjectiveSchema,
  type AppSettings,
  type StoredObjective,
} from '../contract/site-config.schema';
import { queryAll, type KeyValueStore } from './ports/key-value-store';
import { OBJECTIVE_PREFIX, objectiveKey, SETTINGS_KEY } from './storage-keys';

/** The stored entry of an objective, for writing it in a transaction with its audit entry. */
export function objectiveEntry(objective: StoredObjective): { key: string; value: unknown } {
  return { key: objectiveKey({ objectiveId: objective.id }), value: objective };
}

/** The key of an objective, for deleting it in a transaction with its audit entry. */
export const objectiveEntryKey = (objectiveId: string): string => objectiveKey({ objectiveId });

/** The stored entry of the settings, for writing them in a transaction with their audit entry. */
export function settingsEntry(settings: AppSettings): { key: string; value: unknown } {
  return { key: SETTINGS_KEY, value: settings };
}

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
