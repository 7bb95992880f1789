import type { EpicValueDocument } from '../../contract/epic-value.schema';
import { parseEpicValue } from '../../contract/epic-value.schema';
import type { AppSettings } from '../../contract/site-config.schema';
import { AppError, badRequest, notFound } from '../app-error';
import type { EpicIssue, JiraSite } from '../ports/jira-site';
import { EMPTY_VALUE, isEpic } from './epic-value-view';

export interface CurrentValue {
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  value: EpicValueDocument;
}

/** The epic the user asked for, if they may see it and it is an epic under the site's settings. */
export async function loadEpic(jira: JiraSite, issueKey: string, settings: AppSettings): Promise<EpicIssue> {
  const issue = await jira.getIssue(issueKey);
  if (issue === null) {
    throw notFound(`${issueKey} was not found, or you do not have permission to see it.`);
  }
  if (!isEpic(issue, settings)) {
    throw badRequest(`${issueKey} is not an epic, so it has no value record. Open the panel on an epic.`);
  }
  return issue;
}

/** Why the record stored on the epic cannot be read, or null when it can (or there is none). */
export function unreadableReasonOf(issue: EpicIssue, currency: string): string | null {
  const { stored } = issue;
  if (stored.state === 'none') return null;
  if (stored.state === 'unreadable') return stored.reason;
  const checked = parseEpicValue(stored.record.value, { currency });
  return checked.success
    ? null
    : `${checked.issues[0]?.path ?? 'value'}: ${checked.issues[0]?.message ?? 'invalid'}`;
}

/**
 * The value record stored on the epic, checked as strictly as a save would be. A record that
 * cannot be read is reported (`UNREADABLE_RECORD`) and left as it is, never replaced behind the
 * user's back: only an overwrite the user confirmed in the panel, or an import, replaces it.
 */
export function currentValueOf(issue: EpicIssue, currency: string): CurrentValue {
  const { stored } = issue;
  if (stored.state === 'none') return { revision: 0, updatedAt: null, updatedBy: null, value: EMPTY_VALUE };
  const checked = stored.state === 'stored' ? parseEpicValue(stored.record.value, { currency }) : null;
  if (stored.state === 'unreadable' || checked === null || !checked.success) {
    throw new AppError(
      'UNREADABLE_RECORD',
      `The value record stored on ${issue.key} cannot be read (${unreadableReasonOf(issue, currency) ?? 'unknown'}). It was left as it is: someone who may edit ${issue.key} can overwrite it with a new record from its Value panel, or a Jira admin can import a Value Layer backup.`,
    );
  }
  const { revision, updatedAt, updatedBy } = stored.record;
  return { revision, updatedAt, updatedBy, value: checked.data };
}
