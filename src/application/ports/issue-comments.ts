/** An Atlassian Document Format document (a comment body), as Jira's REST API v3 takes it. */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: unknown[];
}

/** A comment the app finds on an issue, with the value of the one comment property asked for. */
export interface FoundComment {
  id: string;
  property: unknown;
}

/**
 * Comments on issues, written and read as the app: Jira tells the users a comment mentions, so a
 * comment is how the app notifies a benefit owner (docs/adr/0006-review-notifications.md).
 */
export interface IssueComments {
  /** Adds a comment carrying one comment property (its idempotency key); answers the comment's id. */
  add(issueId: string, body: AdfDocument, property: { key: string; value: unknown }): Promise<string>;
  /** The comments on the issue that carry the property `propertyKey`, newest first. */
  withProperty(issueId: string, propertyKey: string): Promise<FoundComment[]>;
}

/** The Jira site's own settings the app reads as the app. */
export interface SiteInfo {
  /** The site's default time zone (IANA name); reviews are dated on its calendar. */
  timeZone(): Promise<string>;
}
