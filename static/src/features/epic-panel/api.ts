import { requestJira, view } from '@forge/bridge';
import type { Envelope } from '../../../../src/contract/envelope';
import type { EpicValueDocument } from '../../../../src/contract/epic-value.schema';
import type {
  BaselineHistoryView,
  EpicHistoryPage,
  EpicValueView,
} from '../../../../src/contract/panel.contract';
import type { EpicReviewsView } from '../../../../src/contract/review.contract';
import { PANEL } from '../../../../src/contract/resolver-keys';
import { callResolver } from '../../shared/resolver-client';
import type { PickableUser } from '../../ui/user-picker';

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

/** Freezes the epic's saved plan as its approved baseline (approvers only; a reason to re-baseline). */
export function approveBaseline(input: {
  issueKey: string;
  baseRevision: number;
  reason?: string;
}): Promise<Envelope<EpicValueView>> {
  return callResolver<EpicValueView>(PANEL.approveBaseline, input);
}

/** The baselines the epic's re-baselinings replaced, newest first. */
export function getBaselines(issueKey: string): Promise<Envelope<BaselineHistoryView>> {
  return callResolver<BaselineHistoryView>(PANEL.getBaselines, { issueKey });
}

/** The epic's benefit reviews: none until it is Done, then one per offset the admin set. */
export function getReviews(issueKey: string): Promise<Envelope<EpicReviewsView>> {
  return callResolver<EpicReviewsView>(PANEL.getReviews, { issueKey });
}

/** One measured actual as the close sends it: a realised amount for one of the epic's benefits. */
export interface ReviewActualInput {
  benefitId: string;
  month: string;
  amount: number;
  evidence: 'verified' | 'measured' | 'estimated';
  note?: string;
  /** An https link to where the amount can be checked. */
  evidenceLink?: string;
}

/** Records a due review's actuals as realised entries (the panel's save rules) and closes it. */
export function closeReview(input: {
  issueKey: string;
  offsetMonths: number;
  baseRevision: number;
  actuals: ReviewActualInput[];
  note: string;
}): Promise<Envelope<EpicReviewsView>> {
  return callResolver<EpicReviewsView>(PANEL.closeReview, input);
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

/** Keeps the name of someone just picked, so that it shows at once and is not asked again. */
export function rememberDisplayName(accountId: string, displayName: string): void {
  names.set(accountId, displayName);
}

/** The names of `accountIds` already known, without asking Jira; the rest keep their id. */
export function knownDisplayNames(accountIds: readonly string[]): ReadonlyMap<string, string> {
  return new Map(accountIds.map((id) => [id, names.get(id) ?? id]));
}

/**
 * Jira users whose name or email starts with `query`, asked as the viewer: the admin page's way
 * of picking a person (`GET /rest/api/3/user/search`,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-search-get).
 * App accounts and deactivated users are left out: neither can own a benefit.
 */
export async function searchUsers(query: string): Promise<PickableUser[]> {
  const response = await requestJira(
    `/rest/api/3/user/search?query=${encodeURIComponent(query)}&maxResults=20`,
    { headers: { Accept: 'application/json' } },
  );
  if (!response.ok) throw new Error(`Jira answered ${String(response.status)}`);
  const users = (await response.json()) as (PickableUser & { active?: boolean; accountType?: string })[];
  return users
    .filter((user) => user.accountType !== 'app' && user.active !== false)
    .map((user) => {
      names.set(user.accountId, user.displayName);
      return {
        accountId: user.accountId,
        displayName: user.displayName,
        ...(user.emailAddress === undefined ? {} : { emailAddress: user.emailAddress }),
      };
    });
}

/** Forgets cached names (tests start each case from a clean slate). */
export function forgetDisplayNames(): void {
  names.clear();
}
