import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { epicIssueOf, issueBeanSchema } from '../../src/adapters/jira/jira-issue-schema';

/** Real Jira Cloud issue documents, read in place beside the repository (never copied into it). */
const REFERENCE_ISSUES = resolve(__dirname, '../../../shared/reference/issues');

function realIssue(file: string) {
  return issueBeanSchema.parse(JSON.parse(readFileSync(join(REFERENCE_ISSUES, file), 'utf8')));
}

describe('epicIssueOf on real Jira Cloud issue documents', () => {
  it('reads an epic: hierarchy level 1, status category, project, no parent, no value record yet', () => {
    expect(epicIssueOf(realIssue('epictree-cloud-v3-epic-ET-2.json'))).toMatchObject({
      key: 'ET-2',
      hierarchyLevel: 1,
      status: 'todo',
      projectKey: 'SCRUM',
      parentKey: null,
      stored: { state: 'none' },
    });
  });

  it("reads a child's parent from fields.parent", () => {
    expect(epicIssueOf(realIssue('epictree-cloud-v3-task-SCRUM-4-child-of-ET-2.json'))).toMatchObject({
      key: 'SCRUM-4',
      hierarchyLevel: 0,
      parentKey: 'ET-2',
    });
    expect(epicIssueOf(realIssue('lighthouse-cloud-v3-story-LGHTHSDMO-12.json')).parentKey).toBe(
      'LGHTHSDMO-1',
    );
  });
});
