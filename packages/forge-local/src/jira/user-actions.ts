/**
 * A test seam for what people do in Jira's own UI: create an issue, move it to another project,
 * change its parent or status, edit or delete it, as a given user. Jira checks that user's
 * permissions and raises the same product events as for any other change; these events are not
 * the app's own, so `filter.ignoreSelf` lets them through.
 */
import type { JiraEmulator } from './jira-emulator';
import type { JiraStore } from './jira-store';
import { ISSUE_LINK_TYPES, type StoredIssue } from './model';

/** A change Jira's UI would refuse (no permission, unknown issue, invalid hierarchy). */
export class JiraActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JiraActionError';
  }
}

export interface CreateIssueAction {
  projectKey: string;
  /** Issue type name, e.g. `Epic`, `Story`, `Sub-task`. */
  issueType: string;
  summary: string;
  parentKey?: string;
  /** Status name; defaults to the first To Do status. */
  status?: string;
  labels?: string[];
  description?: string;
}

export class JiraUserActions {
  constructor(
    private readonly store: JiraStore,
    private readonly jira: JiraEmulator,
  ) {}

  createIssue(accountId: string, action: CreateIssueAction): { id: string; key: string } {
    const project = this.store.resolveProject(action.projectKey);
    if (!project) throw new JiraActionError(`No project ${action.projectKey}`);
    this.require(accountId, 'CREATE_ISSUES', project.id);
    const type = [...this.store.issueTypes.values()].find(
      (t) => t.name.toLowerCase() === action.issueType.toLowerCase(),
    );
    if (!type) throw new JiraActionError(`No issue type ${action.issueType}`);
    const parent = action.parentKey === undefined ? null : this.visibleIssue(accountId, action.parentKey);
    const issue = this.guard(() =>
      this.jira.writer.create(this.actor(accountId), {
        projectId: project.id,
        issueTypeId: type.id,
        summary: action.summary,
        description: action.description ?? null,
        parentId: parent?.id ?? null,
        statusId: action.status === undefined ? undefined : this.statusId(action.status),
        labels: action.labels ?? [],
      }),
    );
    return { id: issue.id, key: issue.key };
  }

  /** Moves an issue (with its sub-tasks) to another project; returns the new key. */
  moveIssue(accountId: string, issueKey: string, targetProjectKey: string): string {
    const issue = this.visibleIssue(accountId, issueKey);
    const target = this.store.resolveProject(targetProjectKey);
    if (!target) throw new JiraActionError(`No project ${targetProjectKey}`);
    this.require(accountId, 'MOVE_ISSUES', issue.projectId);
    this.require(accountId, 'CREATE_ISSUES', target.id);
    return this.guard(() => this.jira.writer.move(this.actor(accountId), issue, target.id)).key;
  }

  changeParent(accountId: string, issueKey: string, parentKey: string | null): void {
    const issue = this.visibleIssue(accountId, issueKey);
    this.require(accountId, 'EDIT_ISSUES', issue.projectId);
    const parent = parentKey === null ? null : this.visibleIssue(accountId, parentKey);
    this.guard(() => this.jira.writer.update(this.actor(accountId), issue, { parentId: parent?.id ?? null }));
  }

  transitionIssue(accountId: string, issueKey: string, statusName: string): void {
    const issue = this.visibleIssue(accountId, issueKey);
    this.require(accountId, 'TRANSITION_ISSUES', issue.projectId);
    this.guard(() =>
      this.jira.writer.update(this.actor(accountId), issue, { statusId: this.statusId(statusName) }),
    );
  }

  editIssue(accountId: string, issueKey: string, changes: { summary?: string; labels?: string[] }): void {
    const issue = this.visibleIssue(accountId, issueKey);
    this.require(accountId, 'EDIT_ISSUES', issue.projectId);
    this.guard(() => this.jira.writer.update(this.actor(accountId), issue, changes));
  }

  /**
   * Links two issues as "Link issue" does: `outwardKey` [link type's outward phrase] `inwardKey`,
   * by default "blocks". Jira asks for Link Issues in the outward issue's project.
   * https://support.atlassian.com/jira-software-cloud/docs/link-issues/
   */
  linkIssues(accountId: string, outwardKey: string, inwardKey: string, typeName = 'Blocks'): string {
    const outward = this.visibleIssue(accountId, outwardKey);
    const inward = this.visibleIssue(accountId, inwardKey);
    this.require(accountId, 'LINK_ISSUES', outward.projectId);
    const type = ISSUE_LINK_TYPES.find(
      (candidate) => candidate.name.toLowerCase() === typeName.toLowerCase(),
    );
    if (!type) throw new JiraActionError(`No issue link type ${typeName}`);
    return this.store.linkIssues(outward.id, inward.id, type.id);
  }

  deleteIssue(accountId: string, issueKey: string): void {
    const issue = this.visibleIssue(accountId, issueKey);
    this.require(accountId, 'DELETE_ISSUES', issue.projectId);
    this.jira.writer.delete(this.actor(accountId), issue);
  }

  /**
   * What a Jira admin does in project settings: sets the project permissions `userId` holds in
   * `projectKey` (replacing what they held there; `[]` removes access).
   */
  setProjectPermissions(
    adminAccountId: string,
    userId: string,
    projectKey: string,
    permissions: readonly string[],
  ): void {
    if (!this.jira.permissions.hasGlobal({ kind: 'user', accountId: adminAccountId }, 'ADMINISTER')) {
      throw new JiraActionError(`${adminAccountId} is not a Jira admin`);
    }
    const project = this.store.resolveProject(projectKey);
    if (!project) throw new JiraActionError(`No project ${projectKey}`);
    if (!this.store.user(userId)) throw new JiraActionError(`No user ${userId}`);
    const grant = this.store.grants.get(userId) ?? { accountId: userId, global: [], projects: {} };
    const projects = { ...grant.projects, [project.id]: [...permissions] };
    const wildcard = projects['*'];
    if (wildcard) {
      // A site-wide grant would still apply; narrow it to every other project explicitly.
      delete projects['*'];
      for (const other of this.store.projects.values())
        if (other.id !== project.id) projects[other.id] ??= [...wildcard];
    }
    this.store.grants.put(userId, { ...grant, projects });
    this.store.touch();
  }

  private actor(accountId: string): { accountId: string; selfGenerated: false } {
    return { accountId, selfGenerated: false };
  }

  private visibleIssue(accountId: string, key: string): StoredIssue {
    const issue = this.store.resolveIssue(key);
    if (!issue || !this.jira.permissions.canSeeIssue({ kind: 'user', accountId }, issue)) {
      throw new JiraActionError(`Issue ${key} does not exist or ${accountId} cannot see it`);
    }
    return issue;
  }

  private require(accountId: string, permission: string, projectId: string): void {
    if (!this.jira.permissions.hasProject({ kind: 'user', accountId }, permission, projectId)) {
      const project = this.store.projectById(projectId)?.key ?? projectId;
      throw new JiraActionError(`${accountId} lacks ${permission} in project ${project}`);
    }
  }

  private statusId(name: string): string {
    const status = [...this.store.statuses.values()].find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!status) throw new JiraActionError(`No status ${name}`);
    return status.id;
  }

  private guard<T>(change: () => T): T {
    try {
      return change();
    } catch (error) {
      if (error instanceof Error && error.name === 'FieldValidationError')
        throw new JiraActionError(error.message);
      throw error;
    }
  }
}
