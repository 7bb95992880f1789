/**
 * Issue reads and writes: `GET|PUT|DELETE /rest/api/3/issue/{issueIdOrKey}`, `POST /rest/api/3/issue`
 * and `POST /rest/api/3/issue/bulkfetch`. A caller without Browse gets 404 (the issue "does not
 * exist"), one without Edit gets 403; bulkfetch silently leaves out what the caller cannot see.
 */
import { FieldSelection } from '../field-catalog';
import { renderIssue } from '../issue-renderer';
import { FieldValidationError, type IssueChanges } from '../issue-writer';
import type { StoredIssue } from '../model';
import { actorOf, listParam, stringList, type EndpointContext } from './endpoint-context';
import { errorResponse, isRecord, issueNotFound, parseJsonBody } from './jira-errors';
import type { JiraRequest, JiraResponse, RouteParams } from './rest-types';

const MAX_BULKFETCH = 100;
const MAX_PROPERTIES = 5;

export function getIssue(ctx: EndpointContext, request: JiraRequest, params: RouteParams): JiraResponse {
  const issue = visibleIssue(ctx, request, params.issueIdOrKey ?? '');
  if (!issue) return issueNotFound();
  const properties = listParam(request.query, 'properties');
  return {
    status: 200,
    body: renderIssue(ctx.render, issue, {
      fields: FieldSelection.parse(listParam(request.query, 'fields'), 'all'),
      properties: properties ?? null,
      expand: new Set(listParam(request.query, 'expand') ?? []),
    }),
  };
}

export function bulkFetch(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body) || !Array.isArray(body.issueIdsOrKeys)) {
    return errorResponse(400, ['issueIdsOrKeys is required.']);
  }
  const wanted = body.issueIdsOrKeys.map(String);
  if (wanted.length === 0) return errorResponse(400, ['issueIdsOrKeys must not be empty.']);
  if (wanted.length > MAX_BULKFETCH) {
    return errorResponse(400, [
      `You can request up to ${String(MAX_BULKFETCH)} issues at a time; got ${String(wanted.length)}.`,
    ]);
  }
  const properties = stringList(body.properties) ?? [];
  if (properties.length > MAX_PROPERTIES) {
    return errorResponse(400, [`You can request up to ${String(MAX_PROPERTIES)} issue properties.`]);
  }
  const found = new Map<string, StoredIssue>();
  for (const idOrKey of wanted) {
    const issue = visibleIssue(ctx, request, idOrKey);
    if (issue) found.set(issue.id, issue);
  }
  const selection = FieldSelection.parse(stringList(body.fields), 'navigable');
  const issues = [...found.values()]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((issue) =>
      renderIssue(ctx.render, issue, {
        fields: selection,
        properties: properties.length > 0 ? properties : null,
        expand: new Set(stringList(body.expand) ?? []),
      }),
    );
  return { status: 200, body: { expand: 'schema,names', issues, issueErrors: [] } };
}

export function editIssue(ctx: EndpointContext, request: JiraRequest, params: RouteParams): JiraResponse {
  const issue = visibleIssue(ctx, request, params.issueIdOrKey ?? '');
  if (!issue) return issueNotFound();
  if (!ctx.permissions.canEditIssue(request.caller, issue)) {
    return errorResponse(403, ['You do not have permission to edit issues in this project.']);
  }
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body)) return errorResponse(400, ['The request body is required.']);
  const changes = readChanges(ctx, body, issue);
  if ('status' in changes) return changes;
  try {
    const updated = ctx.writer.update(actorOf(request), issue, changes);
    if (request.query.get('returnIssue') === 'true') {
      return {
        status: 200,
        body: renderIssue(ctx.render, updated, {
          fields: FieldSelection.parse(undefined, 'all'),
          properties: null,
          expand: new Set(),
        }),
      };
    }
    return { status: 204 };
  } catch (error) {
    if (error instanceof FieldValidationError)
      return errorResponse(400, [], { [error.field]: error.message });
    throw error;
  }
}

export function deleteIssue(ctx: EndpointContext, request: JiraRequest, params: RouteParams): JiraResponse {
  const issue = visibleIssue(ctx, request, params.issueIdOrKey ?? '');
  if (!issue) return issueNotFound();
  if (!ctx.permissions.hasProject(request.caller, 'DELETE_ISSUES', issue.projectId)) {
    return errorResponse(403, ['You do not have permission to delete issues in this project.']);
  }
  const hasSubtasks = [...ctx.store.childIds(issue.id)].some(
    (id) => ctx.store.issueType(ctx.store.issue(id)?.issueTypeId ?? '')?.subtask === true,
  );
  if (hasSubtasks && request.query.get('deleteSubtasks') !== 'true') {
    return errorResponse(400, [
      "The issue has subtasks. You must specify the 'deleteSubtasks' parameter to delete this issue with all its subtasks.",
    ]);
  }
  ctx.writer.delete(actorOf(request), issue);
  return { status: 204 };
}

export function createIssue(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body) || !isRecord(body.fields))
    return errorResponse(400, ['The request body must contain "fields".']);
  const fields = body.fields;
  const projectRef = isRecord(fields.project) ? (fields.project.id ?? fields.project.key) : undefined;
  const project = typeof projectRef === 'string' ? ctx.store.resolveProject(projectRef) : undefined;
  if (!project || !ctx.permissions.canBrowse(request.caller, project.id)) {
    return errorResponse(400, [], { project: 'Specify a valid project ID or key' });
  }
  if (!ctx.permissions.hasProject(request.caller, 'CREATE_ISSUES', project.id)) {
    return errorResponse(403, [], {
      project: 'You do not have permission to create issues in this project.',
    });
  }
  const typeRef = isRecord(fields.issuetype) ? (fields.issuetype.id ?? fields.issuetype.name) : undefined;
  const type = [...ctx.store.issueTypes.values()].find(
    (t) =>
      t.id === typeRef || (typeof typeRef === 'string' && t.name.toLowerCase() === typeRef.toLowerCase()),
  );
  if (!type) return errorResponse(400, [], { issuetype: 'Specify a valid issue type' });
  const rest = { ...fields };
  delete rest.project;
  delete rest.issuetype;
  const changes = readChanges(ctx, { fields: rest }, null);
  if ('status' in changes) return changes;
  try {
    const issue = ctx.writer.create(actorOf(request), {
      projectId: project.id,
      issueTypeId: type.id,
      summary: changes.summary ?? '',
      description: changes.description ?? null,
      parentId: changes.parentId ?? null,
      labels: changes.labels ?? [],
      assigneeId: changes.assigneeId ?? null,
      priorityId: changes.priorityId ?? '3',
    });
    return {
      status: 201,
      body: { id: issue.id, key: issue.key, self: `${ctx.render.apiBase}/rest/api/3/issue/${issue.id}` },
    };
  } catch (error) {
    if (error instanceof FieldValidationError)
      return errorResponse(400, [], { [error.field]: error.message });
    throw error;
  }
}

export function visibleIssue(
  ctx: EndpointContext,
  request: JiraRequest,
  idOrKey: string,
): StoredIssue | undefined {
  const issue = ctx.store.resolveIssue(idOrKey);
  return issue && ctx.permissions.canSeeIssue(request.caller, issue) ? issue : undefined;
}

/** Reads `fields` and `update` of an edit/create body into changes, or Jira's 400. */
function readChanges(
  ctx: EndpointContext,
  body: Record<string, unknown>,
  issue: StoredIssue | null,
): IssueChanges | JiraResponse {
  const changes: IssueChanges = {};
  const errors: Record<string, string> = {};
  const fields = isRecord(body.fields) ? body.fields : {};
  const update = isRecord(body.update) ? body.update : {};
  const setValues: Record<string, unknown> = { ...fields };
  for (const [field, operations] of Object.entries(update)) {
    if (!Array.isArray(operations)) {
      errors[field] = 'Update operations must be a list.';
      continue;
    }
    for (const operation of operations) {
      if (!isRecord(operation)) continue;
      if ('set' in operation) setValues[field] = operation.set;
      else if (field === 'labels' && ('add' in operation || 'remove' in operation)) {
        const current = Array.isArray(setValues.labels)
          ? (setValues.labels as string[])
          : [...(issue?.labels ?? [])];
        if (typeof operation.add === 'string') current.push(operation.add);
        const removed = typeof operation.remove === 'string' ? current.indexOf(operation.remove) : -1;
        if (removed >= 0) current.splice(removed, 1);
        setValues.labels = current;
      } else errors[field] = `The local Jira emulator does not support this update operation on '${field}'.`;
    }
  }
  for (const [field, value] of Object.entries(setValues)) {
    switch (field) {
      case 'summary':
        if (typeof value === 'string') changes.summary = value;
        else errors.summary = 'Operation value must be a string';
        break;
      case 'description':
        if (value === null || isRecord(value)) changes.description = value;
        else
          errors.description =
            'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
        break;
      case 'parent': {
        if (value === null) {
          changes.parentId = null;
          break;
        }
        const ref = isRecord(value) ? (value.id ?? value.key) : undefined;
        const parent = typeof ref === 'string' ? ctx.store.resolveIssue(ref) : undefined;
        if (parent) changes.parentId = parent.id;
        else errors.parent = 'Could not find issue by id or key.';
        break;
      }
      case 'labels':
        if (Array.isArray(value) && value.every((l) => typeof l === 'string' && !/\s/.test(l)))
          changes.labels = value as string[];
        else errors.labels = 'Labels must be a list of strings without spaces.';
        break;
      case 'assignee':
        if (value === null) changes.assigneeId = null;
        else if (isRecord(value) && typeof value.accountId === 'string') changes.assigneeId = value.accountId;
        else errors.assignee = 'Specify the assignee as {"accountId": "..."} or null.';
        break;
      case 'priority': {
        const ref = isRecord(value) ? (value.id ?? value.name) : undefined;
        const priority = [...ctx.store.priorities.values()].find((p) => p.id === ref || p.name === ref);
        if (priority) changes.priorityId = priority.id;
        else errors.priority = 'Specify a valid priority';
        break;
      }
      default:
        errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
  }
  if (Object.keys(errors).length > 0) return errorResponse(400, [], errors);
  return changes;
}
