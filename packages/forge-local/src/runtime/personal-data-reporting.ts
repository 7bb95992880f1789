/**
 * Atlassian's personal data reporting API (`POST /app/report-accounts` through the stargate
 * gateway, what `privacy.reportPersonalData` calls). It answers, for the accounts an app reports,
 * those that need action: `closed` (erase the data) or `updated` (refresh it). Here an account is
 * closed when the site has no such user or the user is inactive; none is ever `updated`.
 */
import type { JiraStore } from '../jira/jira-store';
import type { RawResponse } from './forge-proxy';

const MAX_ACCOUNTS = 90;

interface ReportedAccount {
  accountId: string;
  updatedAt: string;
}

function json(status: number, body: unknown): RawResponse {
  return {
    status,
    statusText: status === 200 ? 'OK' : 'Bad Request',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

export function reportAccounts(store: JiraStore, body: string | undefined): RawResponse {
  let accounts: ReportedAccount[];
  try {
    accounts = (JSON.parse(body ?? '{}') as { accounts?: ReportedAccount[] }).accounts ?? [];
  } catch {
    return json(400, { message: 'The body is not JSON.' });
  }
  if (!Array.isArray(accounts) || accounts.length > MAX_ACCOUNTS) {
    return json(400, { message: `Report between 1 and ${String(MAX_ACCOUNTS)} accounts per request.` });
  }
  const closed = accounts
    .filter((account) => store.user(account.accountId)?.active !== true)
    .map((account) => ({ accountId: account.accountId, status: 'closed' }));
  return closed.length === 0
    ? { status: 204, statusText: 'No Content', headers: {}, body: '' }
    : json(200, { accounts: closed });
}
