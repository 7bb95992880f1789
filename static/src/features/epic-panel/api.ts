import { requestJira, view } from '@forge/bridge';
import type { Envelope } from '../../../../src/contract/envelope';
import type { EpicValueDocument } from '../../../../src/contract/epic-value.schema';
import type { EpicHistoryPage, EpicValueView } from '../../../../src/contract/panel.contract';
import { PANEL } from '../../../../src/contract/resolver-keys';
import { callResolver } from '../../shared/resolver-client';

export function getValue(issueKey: string): Promise<Envelope<EpicValueView>> {
  return callResolver<EpicValueView>(PANEL.getValue, { issueKey });
}

export function saveValue(input: {
  issueKey: string;
  baseRevision: number;
  value: EpicValueDocument;
  /** Only to replace a record that cannot be read, after the user confirmed it. */
  overwriteUnreadable?: { fingerprint: string };
}): Promise<Envelope<EpicValueView>> {
  return callResolver<EpicValueView>(PANEL.saveValue, input);
}

export function getHistory(issueKey: string, cursor?: string): Promise<Envelope<EpicHistoryPage>> {
  return callResolver<EpicHistoryPage>(
    PANEL.getHistory,
    cursor === undefined ? { issueKey } : { issueKey, cursor },
  );
}

/** The issue this panel is shown on and who is looking, from the host's context. */
export async function panelContext(): Promise<{ issueKey: string | null; accountId: string }> {
  const context = (await view.getContext()) as {
    accountId?: unknown;
    extension?: { issue?: { key?: unknown } };
  };
  const key = context.extension?.issue?.key;
  return {
    issueKey: typeof key === 'string' && key !== '' ? key : null,
    accountId: typeof context.accountId === 'string' ? context.accountId : '',
  };
}

const names = new Map<string, string>();

/**
 * Display names of Jira users, asked of Jira as the viewer. Anyone Jira will not name (deleted
 * accounts, no permission, Jira unreachable) keeps their account id.
 */
export async function displayNames(accountIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const missing = [...new Set(accountIds)].filter((id) => !names.has(id));
  for (let start = 0; start < missing.length; start += 50) {
    const batch = missing.slice(start, start + 50);
    const query = batch.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
    try {
      const response = await requestJira(`/rest/api/3/user/bulk?maxResults=50&${query}`, {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) continue;
      const body = (await response.json()) as { values?: { accountId?: unknown; displayName?: unknown }[] };
      for (const user of body.values ?? []) {
        if (typeof user.accountId === 'string' && typeof user.displayName === 'string') {
          names.set(user.accountId, user.displayName);
        }
      }
    } catch {
      // A name is a nicety: the account id stands in for it.
    }
  }
  return new Map(accountIds.map((id) => [id, names.get(id) ?? id]));
}

/** Forgets cached names (tests start each case from a clean slate). */
export function forgetDisplayNames(): void {
  names.clear();
}
