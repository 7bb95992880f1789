import { requestJira } from '@forge/bridge';

/** A Jira user as the user endpoints return it (only the fields the page uses). */
export interface JiraUser {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  active?: boolean;
  accountType?: string;
}

export interface JiraIssueType {
  id: string;
  name: string;
  hierarchyLevel?: number;
}

/** Jira answered, but not with success; the message says what to do. */
export class JiraRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'JiraRequestError';
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await requestJira(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new JiraRequestError(
      `Jira answered ${String(response.status)} to ${path.split('?')[0] ?? path}.`,
      response.status,
    );
  }
  return (await response.json()) as T;
}

/** People whose name or email starts with `query`; bots and deactivated accounts are left out. */
export async function searchUsers(query: string): Promise<JiraUser[]> {
  const users = await getJson<JiraUser[]>(
    `/rest/api/3/user/search?query=${encodeURIComponent(query)}&maxResults=20`,
  );
  return users.filter((user) => user.accountType !== 'app' && user.active !== false);
}

const BULK_SIZE = 50;

/** The users with these account ids, in batches Jira's bulk endpoint takes. */
export async function usersByIds(accountIds: readonly string[]): Promise<JiraUser[]> {
  const found: JiraUser[] = [];
  for (let start = 0; start < accountIds.length; start += BULK_SIZE) {
    const batch = accountIds.slice(start, start + BULK_SIZE);
    const query = batch.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
    const page = await getJson<{ values: JiraUser[] }>(
      `/rest/api/3/user/bulk?${query}&maxResults=${String(BULK_SIZE)}`,
    );
    found.push(...page.values);
  }
  return found;
}

export function issueTypes(): Promise<JiraIssueType[]> {
  return getJson<JiraIssueType[]>('/rest/api/3/issuetype');
}
