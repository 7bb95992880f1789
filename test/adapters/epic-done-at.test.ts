import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  epicIssueOf,
  instantOfJiraTimestamp,
  issueBeanSchema,
} from '../../src/adapters/jira/jira-issue-schema';

/** The real ET-2 epic document (read in place), moved to a status of the given category. */
function realEpicIn(category: 'new' | 'done', fields: Record<string, unknown> = {}) {
  const document = JSON.parse(
    readFileSync(
      join(resolve(__dirname, '../../../shared/reference/issues'), 'epictree-cloud-v3-epic-ET-2.json'),
      'utf8',
    ),
  ) as { fields: Record<string, unknown> & { status: { statusCategory: { key: string } } } };
  document.fields.status.statusCategory.key = category;
  Object.assign(document.fields, fields);
  return issueBeanSchema.parse(document);
}

describe('instantOfJiraTimestamp', () => {
  it('returns the UTC instant of a Jira timestamp whose offset has no colon', () => {
    expect(instantOfJiraTimestamp('2024-12-13T22:37:03.864+0200')).toBe('2024-12-13T20:37:03.864Z');
    expect(instantOfJiraTimestamp('2026-01-31T23:30:00.000+0000')).toBe('2026-01-31T23:30:00.000Z');
  });

  it('returns null for an absent or unreadable timestamp', () => {
    expect(instantOfJiraTimestamp(null)).toBeNull();
    expect(instantOfJiraTimestamp('yesterday')).toBeNull();
  });
});

describe('epicIssueOf doneAt', () => {
  it('returns null for a real epic that is not Done, whatever its status-category change date', () => {
    expect(epicIssueOf(realEpicIn('new')).doneAt).toBeNull();
  });

  it('returns the resolution date of a Done epic', () => {
    const issue = epicIssueOf(realEpicIn('done', { resolutiondate: '2026-01-31T23:30:00.000-0500' }));
    expect(issue).toMatchObject({ status: 'done', doneAt: '2026-02-01T04:30:00.000Z' });
  });

  it('returns the status-category change date of a Done epic whose workflow set no resolution', () => {
    // ET-2's own statuscategorychangedate: 2024-12-13T22:37:03.864+0200.
    expect(epicIssueOf(realEpicIn('done', { resolutiondate: null })).doneAt).toBe('2024-12-13T20:37:03.864Z');
  });
});
