/**
 * Every change to Jira issues goes through here, whoever makes it (a REST call by the app or the
 * front end, or a person "in Jira's UI" through the user-actions seam), so each change raises the
 * product event real Jira raises:
 * - create → `avi:jira:created:issue`; delete → `avi:jira:deleted:issue`;
 * - field edits, status changes, parent changes and moves → `avi:jira:updated:issue` with a changelog;
 * - issue property set/delete → `avi:jira:set:issue-property` / `avi:jira:deleted:issue-property`.
 *   Jira keeps property changes out of the issue's changelog and does not raise
 *   `avi:jira:updated:issue` for them (webhooks likewise send `issue_property_set`, not
 *   `jira:issue_updated`), so an app subscribed only to issue events never hears of them.
 */
import { renderIssueType, renderProjectRef, renderStatus, type RenderContext } from './issue-renderer';
import type { StoredDescription, StoredIssue } from './model';

export interface Actor {
  accountId: string;
  /** The change was made by the app's own API call (`filter.ignoreSelf` drops such events). */
  selfGenerated: boolean;
}

export interface ProductEvent {
  eventType: string;
  payload: Record<string, unknown>;
  selfGenerated: boolean;
}

export interface ChangelogItem {
  field: string;
  fieldtype: string;
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/** A field value Jira refuses; answered as 400 `{"errorMessages":[],"errors":{<field>: <message>}}`. */
export class FieldValidationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldValidationError';
  }
}

export interface NewIssue {
  projectId: string;
  issueTypeId: string;
  summary: string;
  description?: StoredDescription;
  parentId?: string | null;
  statusId?: string;
  labels?: string[];
  assigneeId?: string | null;
  priorityId?: string | null;
}

export interface IssueChanges {
  summary?: string;
  description?: StoredDescription;
  parentId?: string | null;
  labels?: string[];
  assigneeId?: string | null;
  priorityId?: string | null;
  statusId?: string;
}

export function jiraTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

let changelogIds = 10000;

export class IssueWriter {
  constructor(
    private readonly ctx: RenderContext,
    private readonly emit: (event: ProductEvent) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(actor: Actor, input: NewIssue): StoredIssue {
    const { store } = this.ctx;
    const type = store.issueType(input.issueTypeId);
    if (!type) throw new FieldValidationError('issuetype', 'Specify a valid issue type');
    if (!store.projectById(input.projectId))
      throw new FieldValidationError('project', 'Specify a valid project ID or key');
    if (input.summary.trim() === '')
      throw new FieldValidationError('summary', 'You must specify a summary of the issue.');
    const parentId = input.parentId ?? null;
    this.checkParent(input.issueTypeId, input.projectId, parentId);
    if (type.subtask && parentId === null)
      throw new FieldValidationError('parent', 'Sub-tasks must have a parent issue.');
    const timestamp = jiraTimestamp(this.now());
    const statusId = input.statusId ?? this.initialStatusId();
    const issue: StoredIssue = {
      id: store.allocateIssueId(),
      key: store.allocateIssueKey(input.projectId),
      projectId: input.projectId,
      issueTypeId: input.issueTypeId,
      statusId,
      summary: input.summary,
      description: input.description ?? null,
      parentId,
      priorityId: input.priorityId ?? '3',
      labels: input.labels ?? [],
      assigneeId: input.assigneeId ?? null,
      reporterId: actor.accountId,
      creatorId: actor.accountId,
      created: timestamp,
      updated: timestamp,
      statusCategoryChangeDate: timestamp,
      resolutionDate: store.status(statusId)?.categoryKey === 'done' ? timestamp : null,
      properties: {},
    };
    store.putIssue(issue);
    this.raise(actor, 'avi:jira:created:issue', issue, {
      associatedUsers: [{ accountId: actor.accountId }],
    });
    return issue;
  }

  update(actor: Actor, issue: StoredIssue, changes: IssueChanges): StoredIssue {
    const { store } = this.ctx;
    const items: ChangelogItem[] = [];
    const next: StoredIssue = { ...issue };
    if (changes.summary !== undefined && changes.summary !== issue.summary) {
      if (changes.summary.trim() === '')
        throw new FieldValidationError('summary', 'You must specify a summary of the issue.');
      items.push(item('summary', 'summary', null, issue.summary, null, changes.summary));
      next.summary = changes.summary;
    }
    if (
      changes.description !== undefined &&
      JSON.stringify(changes.description) !== JSON.stringify(issue.description)
    ) {
      items.push(item('description', 'description', null, null, null, null));
      next.description = changes.description;
    }
    if (changes.parentId !== undefined && changes.parentId !== issue.parentId) {
      this.checkParent(issue.issueTypeId, issue.projectId, changes.parentId);
      const before = issue.parentId === null ? undefined : store.issue(issue.parentId);
      const after = changes.parentId === null ? undefined : store.issue(changes.parentId);
      items.push({
        field: 'IssueParentAssociation',
        fieldtype: 'jira',
        from: before?.id ?? null,
        fromString: before?.key ?? null,
        to: after?.id ?? null,
        toString: after?.key ?? null,
      });
      next.parentId = changes.parentId;
    }
    if (changes.labels !== undefined && changes.labels.join(' ') !== issue.labels.join(' ')) {
      items.push(item('labels', 'labels', null, issue.labels.join(' '), null, changes.labels.join(' ')));
      next.labels = [...changes.labels];
    }
    if (changes.assigneeId !== undefined && changes.assigneeId !== issue.assigneeId) {
      if (changes.assigneeId !== null && !store.user(changes.assigneeId)) {
        throw new FieldValidationError('assignee', `User '${changes.assigneeId}' does not exist.`);
      }
      items.push(
        idChangeItem('assignee', issue.assigneeId, changes.assigneeId, (id) => store.user(id)?.displayName),
      );
      next.assigneeId = changes.assigneeId;
    }
    if (changes.priorityId !== undefined && changes.priorityId !== issue.priorityId) {
      items.push(
        idChangeItem(
          'priority',
          issue.priorityId,
          changes.priorityId,
          (id) => store.priorities.get(id)?.name,
        ),
      );
      next.priorityId = changes.priorityId;
    }
    if (changes.statusId !== undefined && changes.statusId !== issue.statusId) {
      const before = store.status(issue.statusId);
      const after = store.status(changes.statusId);
      if (!after) throw new FieldValidationError('status', `Status '${changes.statusId}' does not exist.`);
      items.push(item('status', 'status', issue.statusId, before?.name ?? null, after.id, after.name));
      next.statusId = after.id;
      const timestamp = jiraTimestamp(this.now());
      if (before?.categoryKey !== after.categoryKey) next.statusCategoryChangeDate = timestamp;
      next.resolutionDate = after.categoryKey === 'done' ? (issue.resolutionDate ?? timestamp) : null;
    }
    if (items.length === 0) return issue;
    next.updated = jiraTimestamp(this.now());
    store.putIssue(next);
    this.raise(actor, 'avi:jira:updated:issue', next, { changelog: { id: String(changelogIds++), items } });
    return next;
  }

  /**
   * Sets the values of app-owned custom fields (the app field-value API). Only values that differ
   * change the issue; they bump `updated`, and Jira raises `avi:jira:updated:issue` with one
   * changelog item per field unless the app asked it not to (`generateAppEvents=false`).
   */
  setAppFieldValues(
    actor: Actor,
    issue: StoredIssue,
    changes: readonly { id: string; name: string; value: unknown }[],
    options: { changelog: boolean; events: boolean },
  ): StoredIssue {
    const extra = { ...(issue.extraFields ?? {}) };
    const items: ChangelogItem[] = [];
    for (const change of changes) {
      const before = extra[change.id] ?? null;
      if (JSON.stringify(before) === JSON.stringify(change.value)) continue;
      const text = (v: unknown): string | null =>
        v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
      items.push({
        field: change.name,
        fieldtype: 'custom',
        fieldId: change.id,
        from: null,
        fromString: text(before),
        to: null,
        toString: text(change.value),
      });
      extra[change.id] = change.value;
    }
    if (items.length === 0) return issue;
    const next: StoredIssue = { ...issue, extraFields: extra, updated: jiraTimestamp(this.now()) };
    this.ctx.store.putIssue(next);
    if (options.events) {
      this.raise(actor, 'avi:jira:updated:issue', next, {
        changelog: { id: String(changelogIds++), items: options.changelog ? items : [] },
      });
    }
    return next;
  }

  /** Moves an issue (and its sub-tasks, which must live with it) to another project: new keys. */
  move(actor: Actor, issue: StoredIssue, targetProjectId: string): StoredIssue {
    const { store } = this.ctx;
    const from = store.projectById(issue.projectId);
    const to = store.projectById(targetProjectId);
    if (!to) throw new FieldValidationError('project', 'Specify a valid project ID or key');
    if (issue.projectId === targetProjectId) return issue;
    const type = store.issueType(issue.issueTypeId);
    if (type?.subtask === true) {
      throw new FieldValidationError(
        'project',
        'Sub-tasks move with their parent; move the parent issue instead.',
      );
    }
    const moved = this.relocate(actor, issue, from?.name ?? null, to.id, to.name);
    for (const childId of [...store.childIds(issue.id)]) {
      const child = store.issue(childId);
      if (child && store.issueType(child.issueTypeId)?.subtask === true)
        this.relocate(actor, child, from?.name ?? null, to.id, to.name);
    }
    return moved;
  }

  /** Deletes an issue; its sub-tasks go with it and its other children lose their parent. */
  delete(actor: Actor, issue: StoredIssue): void {
    const { store } = this.ctx;
    for (const childId of [...store.childIds(issue.id)]) {
      const child = store.issue(childId);
      if (!child) continue;
      if (store.issueType(child.issueTypeId)?.subtask === true) this.delete(actor, child);
      else this.update(actor, child, { parentId: null });
    }
    const payload = this.eventIssue(issue);
    store.deleteIssue(issue.id);
    this.emit({
      eventType: 'avi:jira:deleted:issue',
      selfGenerated: actor.selfGenerated,
      payload: { eventType: 'avi:jira:deleted:issue', issue: payload, atlassianId: actor.accountId },
    });
  }

  setProperty(actor: Actor, issue: StoredIssue, key: string, value: unknown): 'created' | 'updated' {
    const existed = key in issue.properties;
    this.ctx.store.putIssue({ ...issue, properties: { ...issue.properties, [key]: value } });
    this.emit({
      eventType: 'avi:jira:set:issue-property',
      selfGenerated: actor.selfGenerated,
      payload: {
        eventType: 'avi:jira:set:issue-property',
        issue: { id: issue.id, key: issue.key },
        property: { key, value },
        atlassianId: actor.accountId,
      },
    });
    return existed ? 'updated' : 'created';
  }

  deleteProperty(actor: Actor, issue: StoredIssue, key: string): void {
    const properties = { ...issue.properties };
    delete properties[key]; // eslint-disable-line @typescript-eslint/no-dynamic-delete -- a copy of a plain JSON map
    this.ctx.store.putIssue({ ...issue, properties });
    this.emit({
      eventType: 'avi:jira:deleted:issue-property',
      selfGenerated: actor.selfGenerated,
      payload: {
        eventType: 'avi:jira:deleted:issue-property',
        issue: { id: issue.id, key: issue.key },
        property: { key },
        atlassianId: actor.accountId,
      },
    });
  }

  private relocate(
    actor: Actor,
    issue: StoredIssue,
    fromName: string | null,
    toId: string,
    toName: string,
  ): StoredIssue {
    const { store } = this.ctx;
    const next: StoredIssue = {
      ...issue,
      projectId: toId,
      key: store.allocateIssueKey(toId),
      updated: jiraTimestamp(this.now()),
    };
    store.putIssue(next);
    this.raise(actor, 'avi:jira:updated:issue', next, {
      changelog: {
        id: String(changelogIds++),
        items: [
          item('project', 'project', issue.projectId, fromName, toId, toName),
          {
            field: 'Key',
            fieldtype: 'jira',
            fieldId: 'issuekey',
            from: null,
            fromString: issue.key,
            to: null,
            toString: next.key,
          },
        ],
      },
    });
    return next;
  }

  /** Jira's hierarchy: a parent sits exactly one level above its child; sub-tasks stay in their parent's project. */
  private checkParent(issueTypeId: string, projectId: string, parentId: string | null): void {
    if (parentId === null) return;
    const { store } = this.ctx;
    const type = store.issueType(issueTypeId);
    const parent = store.issue(parentId);
    if (!type || !parent) throw new FieldValidationError('parent', 'Could not find issue by id or key.');
    const parentType = store.issueType(parent.issueTypeId);
    const expectedLevel = type.hierarchyLevel === -1 ? 0 : type.hierarchyLevel + 1;
    if (parentType?.hierarchyLevel !== expectedLevel) {
      throw new FieldValidationError(
        'parent',
        'Given parent work item does not belong to appropriate hierarchy.',
      );
    }
    if (type.subtask && parent.projectId !== projectId) {
      throw new FieldValidationError('parent', 'A sub-task must be in the same project as its parent.');
    }
  }

  private initialStatusId(): string {
    for (const status of this.ctx.store.statuses.values()) if (status.categoryKey === 'new') return status.id;
    throw new Error('The site has no To Do status');
  }

  /**
   * The issue as Jira's events carry it, field for field as the events reference documents it
   * (https://developer.atlassian.com/platform/forge/events-reference/jira/, "Issue created"):
   * summary, issuetype, creator, created, project, reporter, assignee, updated, status. Unlike the
   * REST API's issue type, the event's has no `hierarchyLevel` or `entityId`, and the event has no
   * `parent`: an app that needs them must read the issue.
   */
  private eventIssue(issue: StoredIssue): Record<string, unknown> {
    const { store } = this.ctx;
    const type = store.issueType(issue.issueTypeId);
    const project = store.projectById(issue.projectId);
    const status = store.status(issue.statusId);
    const fields: Record<string, unknown> = {
      summary: issue.summary,
      issuetype: type ? eventIssueType(renderIssueType(this.ctx, type)) : null,
      creator: issue.creatorId === null ? null : { accountId: issue.creatorId },
      created: issue.created,
      project: project ? renderProjectRef(this.ctx, project) : null,
      reporter: issue.reporterId === null ? null : { accountId: issue.reporterId },
      assignee: issue.assigneeId === null ? null : { accountId: issue.assigneeId },
      updated: issue.updated,
      status: status ? renderStatus(this.ctx, status) : null,
    };
    return { id: issue.id, key: issue.key, fields };
  }

  private raise(actor: Actor, eventType: string, issue: StoredIssue, extra: Record<string, unknown>): void {
    this.emit({
      eventType,
      selfGenerated: actor.selfGenerated,
      payload: { eventType, issue: this.eventIssue(issue), atlassianId: actor.accountId, ...extra },
    });
  }
}

/** The REST issue type less what the events' issue type lacks. */
function eventIssueType(rendered: Record<string, unknown>): Record<string, unknown> {
  const { hierarchyLevel: _hierarchyLevel, entityId: _entityId, ...documented } = rendered;
  return documented;
}

function item(
  field: string,
  fieldId: string,
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
): ChangelogItem {
  return { field, fieldtype: 'jira', fieldId, from, fromString, to, toString };
}

/**
 * The changelog item of a field that holds an id (assignee, priority): Jira shows each side's name
 * beside its id, and null for a side that is empty or names nothing the site knows.
 */
function idChangeItem(
  field: string,
  from: string | null,
  to: string | null,
  nameOf: (id: string) => string | undefined,
): ChangelogItem {
  const name = (id: string | null): string | null => (id === null ? null : (nameOf(id) ?? null));
  return item(field, field, from, name(from), to, name(to));
}
