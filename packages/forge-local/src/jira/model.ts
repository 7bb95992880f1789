/**
 * The Jira site as the emulator stores it: compact records, from which `issue-renderer.ts` builds
 * the REST documents (`IssueBean`, `User`, `Project`, ...). IDs are strings, as Jira sends them.
 */

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface JiraUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  timeZone: string;
  active: boolean;
  /** `app` for the app's own bot user, the actor of `asApp()` writes. */
  accountType: 'atlassian' | 'app';
}

/**
 * A Jira group (user management on admin.atlassian.com): its id, unique across Atlassian
 * products and stable, its name, which an admin may change, and the account ids of its members.
 */
export interface JiraGroup {
  groupId: string;
  name: string;
  memberAccountIds: string[];
}

export interface JiraProject {
  id: string;
  key: string;
  name: string;
  projectTypeKey: string;
  simplified: boolean;
  leadAccountId: string | null;
  description: string;
  /** The number part of the next issue key (`KEY-<n>`). */
  nextIssueNumber: number;
}

export interface JiraIssueType {
  id: string;
  name: string;
  description: string;
  /** -1 sub-task, 0 standard, 1 epic, 2+ levels above epics (e.g. Initiative). */
  hierarchyLevel: number;
  subtask: boolean;
  avatarId: number;
  entityId: string;
}

export interface JiraStatus {
  id: string;
  name: string;
  description: string;
  categoryKey: StatusCategoryKey;
}

export interface JiraPriority {
  id: string;
  name: string;
  iconName: string;
}

/** Plain text (rendered as an Atlassian Document) or an Atlassian Document kept as given. */
export type StoredDescription = string | Record<string, unknown> | null;

export interface StoredIssue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  description: StoredDescription;
  parentId: string | null;
  priorityId: string | null;
  labels: string[];
  assigneeId: string | null;
  reporterId: string | null;
  creatorId: string | null;
  created: string;
  updated: string;
  statusCategoryChangeDate: string;
  resolutionDate: string | null;
  /** Issue (entity) properties by key. */
  properties: Record<string, unknown>;
  /**
   * The issue links whose outward side this issue is ("this issue *blocks* the other"). The
   * inward side is not stored twice: the store indexes it.
   */
  outwardLinks?: StoredIssueLink[];
  /**
   * Fields the emulator does not model, kept verbatim and returned as given (custom fields and the
   * rest of an imported real issue document).
   */
  extraFields?: Record<string, unknown>;
}

/** One issue link, held by its outward issue. */
export interface StoredIssueLink {
  /** The link's id, as Jira numbers them. */
  id: string;
  /** An id of `ISSUE_LINK_TYPES`. */
  typeId: string;
  /** The issue on the inward side ("is blocked by" this one). */
  inwardIssueId: string;
}

export interface JiraIssueLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/**
 * The link types of a new Jira Cloud site.
 * https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-linking/
 */
export const ISSUE_LINK_TYPES: readonly JiraIssueLinkType[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export type GlobalPermissionKey =
  'ADMINISTER' | 'SYSTEM_ADMIN' | 'USER_PICKER' | 'CREATE_SHARED_OBJECTS' | 'BULK_CHANGE';

/** What one user may do: global permissions, and project permissions per project id (`*` = every project). */
export interface PermissionGrant {
  accountId: string;
  global: string[];
  projects: Record<string, string[]>;
}

export interface SiteInfo {
  cloudId: string;
  siteUrl: string;
  /** The app's bot user, the actor of `asApp()` writes. */
  appAccountId: string;
  nextIssueId: number;
  seed: string;
  /** What the seed noted about itself when it ran (JSON), handed back to its `seedApp` step. */
  seedMemo?: unknown;
  /** The seed's `seedApp` step still waits for the app (it answered `unavailable` last time). */
  seedAppPending?: boolean;
  /** The site's default time zone (IANA), what `GET /rest/api/3/serverInfo` names; UTC when absent. */
  timeZone?: string;
  /** The id the next comment gets. */
  nextCommentId?: number;
}

/** A comment on an issue: its body is an Atlassian Document kept as given. */
export interface StoredComment {
  id: string;
  issueId: string;
  authorId: string;
  body: Record<string, unknown>;
  created: string;
  updated: string;
  /** Comment (entity) properties by key. */
  properties: Record<string, unknown>;
}

/**
 * An in-app notification, what Jira's bell lists: someone mentioned the recipient in a comment.
 * `seen` clears when the recipient opens the notification drawer, `read` when they open this one.
 */
export interface StoredNotification {
  /** `mention-<comment id>`: one per comment and recipient. */
  id: string;
  kind: 'mention';
  recipientId: string;
  issueId: string;
  /** The issue's key and summary when the comment was made (the issue may move or go later). */
  issueKey: string;
  issueSummary: string;
  commentId: string;
  /** Who mentioned them: the comment's author (the app's bot user for `asApp()` comments). */
  actorId: string;
  created: string;
  /** The comment as plain text, mentions as @ and the name, cut to a short line. */
  excerpt: string;
  seen: boolean;
  read: boolean;
}
