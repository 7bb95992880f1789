import { useCallback, useEffect, useState } from 'react';
import { displayNames, knownDisplayNames, rememberDisplayName } from './api';

/**
 * The display names of `accountIds` (benefit owners, who recorded and who verified), asked of
 * Jira once each; an account Jira does not name keeps its id. `remember` names someone just
 * picked at once.
 */
export function useDisplayNames(accountIds: readonly string[]): {
  nameOf: (accountId: string) => string;
  remember: (accountId: string, displayName: string) => void;
} {
  const key = [...new Set(accountIds)].sort().join(',');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() =>
    knownDisplayNames(key === '' ? [] : key.split(',')),
  );
  useEffect(() => {
    if (key === '') return;
    let current = true;
    void displayNames(key.split(',')).then((found) => {
      if (current) setNames((before) => new Map([...before, ...found]));
    });
    return () => {
      current = false;
    };
  }, [key]);
  const remember = useCallback((accountId: string, displayName: string) => {
    rememberDisplayName(accountId, displayName);
    setNames((before) => new Map(before).set(accountId, displayName));
  }, []);
  const nameOf = useCallback((accountId: string) => names.get(accountId) ?? accountId, [names]);
  return { nameOf, remember };
}
