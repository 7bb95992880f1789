import { z } from 'zod';
import type { BlockLink } from '../../application/ports/jira-site';

/** Issues per `issue/bulkfetch` call: Jira's limit is 100 issue ids or keys. */
export const LINK_READ_BATCH = 100;

/**
 * An issue's `issuelinks` field, reduced to what the planner reads. Per link Jira sends the
 * other issue as `outwardIssue` (this issue "blocks" it) or `inwardIssue` (this issue "is blocked
 * by" it), and the link type with its `inward` / `outward` phrases.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-links/#api-rest-api-3-issuelink-linkid-get
 */
const linkedIssueSchema = z.object({ key: z.string() });

const issueLinkSchema = z.object({
  type: z.object({ name: z.string().default(''), outward: z.string().default('') }),
  inwardIssue: linkedIssueSchema.optional(),
  outwardIssue: linkedIssueSchema.optional(),
});

export const issueLinksPageSchema = z.object({
  issues: z.array(
    z.object({
      key: z.string(),
      fields: z.object({ issuelinks: z.array(issueLinkSchema).default([]) }),
    }),
  ),
});

/**
 * Jira's built-in "Blocks" type ("blocks" / "is blocked by"); a site may rename it, so either its
 * name or its outward phrase counts.
 * https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-linking/
 */
function isBlocks(type: { name: string; outward: string }): boolean {
  return type.name.toLowerCase() === 'blocks' || type.outward.toLowerCase() === 'blocks';
}

/** The "Blocks" links of a bulk-fetch page, each once (a link appears on both of its issues). */
export function blockLinksOf(page: z.infer<typeof issueLinksPageSchema>, into: Map<string, BlockLink>): void {
  for (const issue of page.issues) {
    for (const link of issue.fields.issuelinks) {
      if (!isBlocks(link.type)) continue;
      const found: BlockLink | null = link.outwardIssue
        ? { blocker: issue.key, blocked: link.outwardIssue.key }
        : link.inwardIssue
          ? { blocker: link.inwardIssue.key, blocked: issue.key }
          : null;
      if (found !== null) into.set(`${found.blocker} ${found.blocked}`, found);
    }
  }
}
