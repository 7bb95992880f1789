import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { usersByIds, type JiraUser } from './jira-api';

/**
 * Display names of the account ids the page shows (owners, audit authors), each asked of Jira
 * once. `null` means Jira did not return the user (deleted, hidden, or the call failed).
 */
export class UserDirectory {
  private readonly known = new Map<string, JiraUser | null>();
  private readonly pending = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): number => this.version;

  get(accountId: string): JiraUser | null | undefined {
    return this.known.get(accountId);
  }

  remember(user: JiraUser): void {
    this.known.set(user.accountId, user);
    this.changed();
  }

  async load(accountIds: readonly string[]): Promise<void> {
    const missing = [...new Set(accountIds)].filter((id) => !this.known.has(id) && !this.pending.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.pending.add(id);
    let users: JiraUser[] = [];
    try {
      users = await usersByIds(missing);
    } catch {
      // Names are a courtesy: without them the page shows account ids and keeps working.
    }
    for (const user of users) this.known.set(user.accountId, user);
    for (const id of missing) {
      this.pending.delete(id);
      if (!this.known.has(id)) this.known.set(id, null);
    }
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

export const UserDirectoryContext = createContext<UserDirectory | null>(null);

export function useUserDirectory(): UserDirectory {
  const directory = useContext(UserDirectoryContext);
  if (!directory) throw new Error('useUserDirectory needs a UserDirectoryContext provider.');
  return directory;
}

/** Loads the names of `accountIds` and re-renders when they arrive. */
export function useUserNames(accountIds: readonly string[]): (accountId: string) => string {
  const directory = useUserDirectory();
  useSyncExternalStore(directory.subscribe, directory.snapshot);
  const key = [...new Set(accountIds)].sort().join(',');
  useEffect(() => {
    if (key !== '') void directory.load(key.split(','));
  }, [directory, key]);
  return (accountId) => nameOf(directory.get(accountId), accountId);
}

export function nameOf(user: JiraUser | null | undefined, accountId: string): string {
  if (user) return user.displayName;
  return user === null ? `Unknown user (${accountId})` : accountId;
}
