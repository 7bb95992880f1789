import { requestJira } from '@forge/bridge';

/** Account ids asked per call: Jira's bulk endpoint answers up to 50 on one page. */
const BATCH = 50;

/**
 * Display names of the review owners, asked of Jira as the viewer (`GET /rest/api/3/user/bulk`,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-bulk-get).
 * A name is a nicety: anyone Jira will not name (deleted, hidden, Jira unreachable) keeps their
 * account id, so the list never loses an owner.
 */
export async function ownerNames(accountIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const unique = [...new Set(accountIds)];
  const names = new Map<string, string>();
  for (let start = 0; start < unique.length; start += BATCH) {
    const query = unique
      .slice(start, start + BATCH)
      .map((id) => `accountId=${encodeURIComponent(id)}`)
      .join('&');
    try {
      const response = await requestJira(`/rest/api/3/user/bulk?maxResults=${String(BATCH)}&${query}`, {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) continue;
      const body = (await response.json()) as { values?: { accountId?: unknown; displayName?: unknown }[] };
      for (const user of body.values ?? []) {
        if (typeof user.accountId === 'string' && typeof user.displayName === 'string')
          names.set(user.accountId, user.displayName);
      }
    } catch {
      // The account id stands in for the name.
    }
  }
  return names;
}
