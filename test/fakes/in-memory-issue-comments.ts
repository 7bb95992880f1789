import type {
  AdfDocument,
  FoundComment,
  IssueComments,
  SiteInfo,
} from '../../src/application/ports/issue-comments';

/** Jira's comments in a Map, for use-case tests; `failNextAdd` makes the next post fail before Jira stores it. */
export class InMemoryIssueComments implements IssueComments {
  readonly comments: { id: string; issueId: string; body: AdfDocument; properties: Map<string, unknown> }[] =
    [];
  failNextAdd = false;

  add(issueId: string, body: AdfDocument, property: { key: string; value: unknown }): Promise<string> {
    if (this.failNextAdd) {
      this.failNextAdd = false;
      return Promise.reject(new Error('connection reset'));
    }
    const id = String(10000 + this.comments.length);
    this.comments.push({
      id,
      issueId,
      body: structuredClone(body),
      properties: new Map([[property.key, structuredClone(property.value)]]),
    });
    return Promise.resolve(id);
  }

  withProperty(issueId: string, propertyKey: string): Promise<FoundComment[]> {
    return Promise.resolve(
      this.comments
        .filter((comment) => comment.issueId === issueId && comment.properties.has(propertyKey))
        .reverse()
        .map((comment) => ({
          id: comment.id,
          property: structuredClone(comment.properties.get(propertyKey)),
        })),
    );
  }

  on(issueId: string) {
    return this.comments.filter((comment) => comment.issueId === issueId);
  }
}

export function siteInfoIn(timeZone: string): SiteInfo {
  return { timeZone: () => Promise.resolve(timeZone) };
}
