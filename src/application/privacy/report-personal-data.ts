import { queryAll, type KeyValueStore } from '../ports/key-value-store';
import { ACCOUNT_PREFIX, ADMIN_AUDIT_PREFIX, accountKey, EPIC_HISTORY_ROOT } from '../storage-keys';
import { SiteConfig } from '../site-config';

/** Atlassian's personal data reporting API (Forge `privacy.reportPersonalData`). */
export interface PersonalDataReporter {
  /** Returns the accounts that need action: `closed` ones must be erased. */
  report(
    accounts: { accountId: string; updatedAt: string }[],
  ): Promise<{ accountId: string; status: string }[]>;
}

/** What a closed account's id is replaced with in the history and the audit log. */
export const ERASED_ACCOUNT = 'erased-account';

async function eraseFromEntries(
  store: KeyValueStore,
  prefix: string,
  closed: ReadonlySet<string>,
): Promise<number> {
  let erased = 0;
  for (const entry of await queryAll(store, prefix)) {
    const value = entry.value as { by?: unknown };
    if (typeof value.by === 'string' && closed.has(value.by)) {
      await store.set(entry.key, { ...value, by: ERASED_ACCOUNT });
      erased += 1;
    }
  }
  return erased;
}

/**
 * Reports the account ids the app holds and erases the closed ones: from epic histories, the
 * admin audit log, objective owners and the list of known accounts.
 */
export async function reportPersonalData(
  store: KeyValueStore,
  reporter: PersonalDataReporter,
): Promise<{ reported: number; erased: number }> {
  const accounts = (await queryAll(store, ACCOUNT_PREFIX)).map(
    (entry) => entry.value as { accountId: string; updatedAt: string },
  );
  const updates = await reporter.report(accounts);
  const closed = new Set(
    updates.filter((update) => update.status === 'closed').map((update) => update.accountId),
  );
  if (closed.size === 0) return { reported: accounts.length, erased: 0 };
  let erased =
    (await eraseFromEntries(store, EPIC_HISTORY_ROOT, closed)) +
    (await eraseFromEntries(store, ADMIN_AUDIT_PREFIX, closed));
  const config = new SiteConfig(store);
  for (const objective of await config.objectives()) {
    if (objective.ownerAccountId !== null && closed.has(objective.ownerAccountId)) {
      await config.saveObjective({ ...objective, ownerAccountId: null });
      erased += 1;
    }
  }
  for (const accountId of closed) await store.delete(accountKey({ accountId }));
  return { reported: accounts.length, erased };
}
