import type { BlockLink } from '../../src/application/ports/jira-site';
import { blockLinksOf, issueLinksPageSchema } from '../../src/adapters/jira/jira-issue-links';

/** Jira's `issuelinks` as the REST API sends them (IssueLink: `type`, `inwardIssue` / `outwardIssue`). */
const blocks = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const relates = { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' };

function linksOf(body: unknown): BlockLink[] {
  const links = new Map<string, BlockLink>();
  blockLinksOf(issueLinksPageSchema.parse(body), links);
  return [...links.values()];
}

describe('blockLinksOf', () => {
  it('reads an outward link as this issue blocking the other, an inward one as the other blocking it, each once', () => {
    const body = {
      issues: [
        {
          key: 'PAY-1',
          fields: {
            issuelinks: [
              { id: '1', type: blocks, outwardIssue: { id: '2', key: 'PAY-2' } },
              { id: '3', type: relates, outwardIssue: { id: '3', key: 'PAY-3' } },
            ],
          },
        },
        {
          key: 'PAY-2',
          fields: { issuelinks: [{ id: '1', type: blocks, inwardIssue: { id: '1', key: 'PAY-1' } }] },
        },
        {
          key: 'PAY-4',
          fields: { issuelinks: [{ id: '5', type: blocks, inwardIssue: { id: '9', key: 'OPS-9' } }] },
        },
      ],
    };

    expect(linksOf(body)).toEqual([
      { blocker: 'PAY-1', blocked: 'PAY-2' },
      { blocker: 'OPS-9', blocked: 'PAY-4' },
    ]);
  });

  it('counts a renamed Blocks type by its outward phrase, and an issue without links as none', () => {
    const renamed = { id: '10000', name: 'Dependency', inward: 'is blocked by', outward: 'blocks' };
    const body = {
      issues: [
        { key: 'A-1', fields: { issuelinks: [{ type: renamed, outwardIssue: { key: 'A-2' } }] } },
        { key: 'A-3', fields: {} },
      ],
    };

    expect(linksOf(body)).toEqual([{ blocker: 'A-1', blocked: 'A-2' }]);
  });
});
