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

/**
 * The value record stored on the epic, checked as strictly as a save would be. A record that
 * cannot be read is reported and left as it is, never replaced behind the user's back.
 */
export function currentValueOf(issue: EpicIssue, currency: string): CurrentValue {
  const { stored } = issue;
  if (stored.state === 'none') return { revision: 0, updatedAt: null, updatedBy: null, value: EMPTY_VALUE };
  const checked = stored.state === 'stored' ? parseEpicValue(stored.record.value, { currency }) : null;
  if (stored.state === 'unreadable' || checked === null || !checked.success) {
    const reason =
      stored.state === 'unreadable'
        ? stored.reason
        : checked?.success === false
          ? `${checked.issues[0]?.path ?? 'value'}: ${checked.issues[0]?.message ?? 'invalid'}`
          : 'unknown';
    throw new AppError(
      'UPSTREAM',
      `The value record stored on ${issue.key} cannot be read (${reason}). It was left as it is; a Jira admin can restore it from a Value Layer backup.`,
    );
  }
  const { revision, updatedAt, updatedBy } = stored.record;
  return { revision, updatedAt, updatedBy, value: checked.data };
}
