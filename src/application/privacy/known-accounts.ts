import type { KeyValueStore } from '../ports/key-value-store';
import { accountKey } from '../storage-keys';

/**
 * Every account id the app stores (who saved a record, who changed a setting, who owns an
 * objective) is remembered here, so that the weekly personal-data report can tell Atlassian
 * which accounts we hold and learn which were closed.
 */
export function rememberAccount(store: KeyValueStore, accountId: string, at: Date): Promise<void> {
  const { key, value } = knownAccountEntry(accountId, at);
  return store.set(key, value);
}

/** The entry `rememberAccount` writes, for writing it in a transaction with what refers to it. */
export function knownAccountEntry(accountId: string, at: Date): { key: string; value: unknown } {
  return { key: accountKey({ accountId }), value: { accountId, updatedAt: at.toISOString() } };
}
