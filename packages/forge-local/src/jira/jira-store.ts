/**
 * The Jira emulator's data, over the site's persistent collections, with the lookups Jira serves
 * fast (issue by key, issues of a project, children of a parent) kept as in-memory indexes.
 */
import type { Collection, CollectionStore } from '../persistence/collection-store';
import type {
  JiraGroup,
  JiraIssueType,
  JiraPriority,
  JiraProject,
  JiraStatus,
  JiraUser,
  PermissionGrant,
  SiteInfo,
  StoredComment,
  StoredIssue,
  StoredIssueLink,
  StoredNotification,
} from './model';

const SITE_INFO_ID = 'site';
/** A user's bell keeps this many notifications; older ones drop off, so a busy site stays small. */
export const MAX_NOTIFICATIONS_PER_USER = 200;

export class JiraStore {
  readonly users: Collection<JiraUser>;
  /** Groups by group id. */
  readonly groups: Collection<JiraGroup>;
  readonly projects: Collection<JiraProject>;
  readonly issueTypes: Collection<JiraIssueType>;
  readonly statuses: Collection<JiraStatus>;
  readonly priorities: Collection<JiraPriority>;
  readonly grants: Collection<PermissionGrant>;
  private readonly issues: Collection<StoredIssue>;
  /** Old key (upper case) → issue id, for issues moved to another project. */
  private readonly movedKeys: Collection<string>;
  private readonly info: Collection<SiteInfo>;
  /** `jira:customField` module key → the field's number (`customfield_<n>`), fixed once created. */
  private readonly appFieldIds: Collection<number>;
  /** Each issue's comments, oldest first, by issue id. */
  private readonly comments: Collection<StoredComment[]>;
  /** Each user's in-app notifications, oldest first, by recipient account id. */
  private readonly notifications: Collection<StoredNotification[]>;

  private readonly idByKey = new Map<string, string>();
  private readonly idsByProject = new Map<string, Set<string>>();
  private readonly idsByParent = new Map<string, Set<string>>();
  /** Inward issue id → ids of the issues holding a link to it (`StoredIssue.outwardLinks`). */
  private readonly idsLinkingTo = new Map<string, Set<string>>();
  /** Issues holding each property key: JQL on a property only needs to look at these. */
  private readonly idsByProperty = new Map<string, Set<string>>();
  /** Bumped on every issue write; search result caches compare it. */
  private issueVersion = 0;

  constructor(store: CollectionStore) {
    this.users = store.collection('jira-users');
    this.groups = store.collection('jira-groups');
    this.projects = store.collection('jira-projects');
    this.issueTypes = store.collection('jira-issue-types');
    this.statuses = store.collection('jira-statuses');
    this.priorities = store.collection('jira-priorities');
    this.grants = store.collection('jira-permission-grants');
    this.issues = store.collection('jira-issues', { buckets: 64 });
    this.movedKeys = store.collection('jira-moved-keys');
    this.info = store.collection('jira-site');
    this.appFieldIds = store.collection('jira-app-fields');
    this.comments = store.collection('jira-comments');
    this.notifications = store.collection('jira-notifications');
    for (const issue of this.issues.values()) this.index(issue);
  }

  get version(): number {
    return this.issueVersion;
  }

  get issueCount(): number {
    return this.issues.size;
  }

  siteInfo(): SiteInfo {
    const info = this.info.get(SITE_INFO_ID);
    if (!info) throw new Error('The Jira site has not been initialised');
    return info;
  }

  hasSiteInfo(): boolean {
    return this.info.has(SITE_INFO_ID);
  }

  putSiteInfo(info: SiteInfo): void {
    this.info.put(SITE_INFO_ID, info);
  }

  /** The issue's comments, oldest first. */
  commentsOf(issueId: string): readonly StoredComment[] {
    return this.comments.get(issueId) ?? [];
  }

  /** Adds a comment with the next comment id of the site (ids count up from 10000, as Jira's do). */
  addComment(comment: Omit<StoredComment, 'id'>): StoredComment {
    const info = this.siteInfo();
    const id = info.nextCommentId ?? 10000;
    this.putSiteInfo({ ...info, nextCommentId: id + 1 });
    const stored: StoredComment = { ...comment, id: String(id) };
    this.comments.put(comment.issueId, [...this.commentsOf(comment.issueId), stored]);
    return stored;
  }

  /** The user's notifications, oldest first. */
  notificationsOf(accountId: string): readonly StoredNotification[] {
    return this.notifications.get(accountId) ?? [];
  }

  /** Replaces the user's notifications, keeping the newest `MAX_NOTIFICATIONS_PER_USER`. */
  putNotifications(accountId: string, notifications: readonly StoredNotification[]): void {
    this.notifications.put(accountId, notifications.slice(-MAX_NOTIFICATIONS_PER_USER));
  }

  allIssues(): IterableIterator<StoredIssue> {
    return this.issues.values();
  }

  issue(id: string): StoredIssue | undefined {
    return this.issues.get(id);
  }

  /** Finds an issue by id or key, case-insensitively and through moves, as Jira does. */
  resolveIssue(idOrKey: string): StoredIssue | undefined {
    if (/^\d+$/.test(idOrKey)) return this.issues.get(idOrKey);
    const upper = idOrKey.toUpperCase();
    const id = this.idByKey.get(upper) ?? this.movedKeys.get(upper);
    return id === undefined ? undefined : this.issues.get(id);
  }

  issueIdsInProject(projectId: string): ReadonlySet<string> {
    return this.idsByProject.get(projectId) ?? new Set();
  }

  childIds(parentId: string): ReadonlySet<string> {
    return this.idsByParent.get(parentId) ?? new Set();
  }

  /** The links of an issue, both sides: those it holds (outward) and those held by others to it (inward). */
  issueLinks(issueId: string): {
    outward: StoredIssueLink[];
    inward: { holderId: string; link: StoredIssueLink }[];
  } {
    const outward = this.issues.get(issueId)?.outwardLinks ?? [];
    const inward = [...(this.idsLinkingTo.get(issueId) ?? [])].flatMap((holderId) =>
      (this.issues.get(holderId)?.outwardLinks ?? [])
        .filter((link) => link.inwardIssueId === issueId)
        .map((link) => ({ holderId, link })),
    );
    return { outward, inward };
  }

  /**
   * Links two issues as Jira's "Link issues" does: `outwardId` [type's outward phrase] `inwardId`
   * (for Blocks: the outward issue blocks the inward one). Returns the new link's id.
   */
  linkIssues(outwardId: string, inwardId: string, typeId = '10000'): string {
    const holder = this.issues.get(outwardId);
    if (!holder || !this.issues.has(inwardId))
      throw new Error(`No issue ${outwardId} or ${inwardId} to link`);
    let highest = 9999;
    for (const issue of this.issues.values())
      for (const link of issue.outwardLinks ?? []) highest = Math.max(highest, Number(link.id));
    const id = String(highest + 1);
    this.putIssue({
      ...holder,
      outwardLinks: [...(holder.outwardLinks ?? []), { id, typeId, inwardIssueId: inwardId }],
    });
    return id;
  }

  issueIdsWithProperty(propertyKey: string): ReadonlySet<string> {
    return this.idsByProperty.get(propertyKey) ?? new Set();
  }

  putIssue(issue: StoredIssue): void {
    const previous = this.issues.get(issue.id);
    if (previous) {
      this.unindex(previous);
      if (previous.key !== issue.key) this.movedKeys.put(previous.key.toUpperCase(), issue.id);
    }
    this.issues.put(issue.id, issue);
    this.index(issue);
    this.issueVersion++;
  }

  deleteIssue(id: string): void {
    const previous = this.issues.get(id);
    if (!previous) return;
    this.unindex(previous);
    this.issues.delete(id);
    this.comments.delete(id);
    for (const [oldKey, movedId] of this.movedKeys.entries())
      if (movedId === id) this.movedKeys.delete(oldKey);
    this.issueVersion++;
  }

  /** Invalidates cached search results after a change that alters who sees what (a permission grant). */
  touch(): void {
    this.issueVersion++;
  }

  /** Loads many issues at once (seeding), journalling none of them one by one. */
  bulkLoadIssues(issues: Iterable<StoredIssue>): void {
    const loaded: [string, StoredIssue][] = [];
    for (const issue of issues) {
      const previous = this.issues.get(issue.id);
      if (previous) this.unindex(previous);
      loaded.push([issue.id, issue]);
    }
    this.issues.bulkPut(loaded);
    for (const [, issue] of loaded) this.index(issue);
    this.issueVersion++;
  }

  projectById(id: string): JiraProject | undefined {
    return this.projects.get(id);
  }

  /** A project by id, key (any case) or name (any case), the ways JQL and REST name projects. */
  resolveProject(idKeyOrName: string): JiraProject | undefined {
    const byId = this.projects.get(idKeyOrName);
    if (byId) return byId;
    const lower = idKeyOrName.toLowerCase();
    for (const project of this.projects.values()) {
      if (project.key.toLowerCase() === lower || project.name.toLowerCase() === lower) return project;
    }
    return undefined;
  }

  issueType(id: string): JiraIssueType | undefined {
    return this.issueTypes.get(id);
  }

  status(id: string): JiraStatus | undefined {
    return this.statuses.get(id);
  }

  user(accountId: string): JiraUser | undefined {
    return this.users.get(accountId);
  }

  /** The groups `accountId` belongs to, by name (Jira lists them so). */
  groupsOf(accountId: string): JiraGroup[] {
    return [...this.groups.values()]
      .filter((group) => group.memberAccountIds.includes(accountId))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  allocateIssueId(): string {
    const info = this.siteInfo();
    this.putSiteInfo({ ...info, nextIssueId: info.nextIssueId + 1 });
    return String(info.nextIssueId);
  }

  allocateIssueKey(projectId: string): string {
    const project = this.projects.get(projectId);
    if (!project) throw new Error(`No project ${projectId}`);
    this.projects.put(project.id, { ...project, nextIssueNumber: project.nextIssueNumber + 1 });
    return `${project.key}-${String(project.nextIssueNumber)}`;
  }

  appFieldId(moduleKey: string): number | undefined {
    return this.appFieldIds.get(moduleKey);
  }

  /** Gives a new app field the next free custom field number of the site (above any issue uses). */
  allocateAppFieldId(moduleKey: string, first: number): number {
    let highest = first - 1;
    for (const id of this.appFieldIds.values()) highest = Math.max(highest, id);
    for (const issue of this.issues.values()) {
      for (const fieldId of Object.keys(issue.extraFields ?? {})) {
        const match = /^customfield_(\d+)$/.exec(fieldId);
        if (match) highest = Math.max(highest, Number(match[1]));
      }
    }
    this.appFieldIds.put(moduleKey, highest + 1);
    return highest + 1;
  }

  private index(issue: StoredIssue): void {
    this.idByKey.set(issue.key.toUpperCase(), issue.id);
    addTo(this.idsByProject, issue.projectId, issue.id);
    if (issue.parentId !== null) addTo(this.idsByParent, issue.parentId, issue.id);
    for (const link of issue.outwardLinks ?? []) addTo(this.idsLinkingTo, link.inwardIssueId, issue.id);
    for (const key of Object.keys(issue.properties)) addTo(this.idsByProperty, key, issue.id);
  }

  private unindex(issue: StoredIssue): void {
    this.idByKey.delete(issue.key.toUpperCase());
    this.idsByProject.get(issue.projectId)?.delete(issue.id);
    if (issue.parentId !== null) this.idsByParent.get(issue.parentId)?.delete(issue.id);
    for (const link of issue.outwardLinks ?? []) this.idsLinkingTo.get(link.inwardIssueId)?.delete(issue.id);
    for (const key of Object.keys(issue.properties)) this.idsByProperty.get(key)?.delete(issue.id);
  }
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key);
  if (!ids) {
    ids = new Set();
    index.set(key, ids);
  }
  ids.add(id);
}
