/**
 * Jira's app field-value API, as the OpenAPI spec defines it (operations
 * `updateMultipleCustomFieldValues` and `updateCustomFieldValue`,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-custom-field-values--apps-/):
 *
 * - `POST /rest/api/3/app/field/value` with `{"updates":[{"customField","issueIds","value"}]}`;
 * - `PUT /rest/api/3/app/field/{fieldIdOrKey}/value` with `{"updates":[{"issueIds","value"}]}`;
 * - both take `generateChangelog` and `generateAppEvents` (default true) and answer 204.
 *
 * "Only the app that owns the custom field or custom field type can update its values": a field
 * of another app, or one Jira made itself, is refused with 403 whoever asks. The issue's Edit
 * issues permission is not needed, and a `readOnly` field is written all the same: the API is how
 * an app fills its read-only fields. A request is checked whole before anything is written, so a
 * refused request changes nothing.
 */
import type { AppField } from '../app-fields';
import type { StoredIssue } from '../model';
import { actorOf, type EndpointContext } from './endpoint-context';
import { errorResponse, isRecord, parseJsonBody } from './jira-errors';
import type { JiraRequest, JiraResponse, RouteParams } from './rest-types';

interface Update {
  field: AppField;
  issues: StoredIssue[];
  value: unknown;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; response: JiraResponse };

/** Short text fields hold at most 255 characters in Jira. */
const MAX_STRING_LENGTH = 255;

export function updateMultipleValues(ctx: EndpointContext, request: JiraRequest): JiraResponse {
  return update(ctx, request, null);
}

export function updateFieldValue(
  ctx: EndpointContext,
  request: JiraRequest,
  params: RouteParams,
): JiraResponse {
  return update(ctx, request, params.fieldIdOrKey ?? '');
}

function update(ctx: EndpointContext, request: JiraRequest, pathField: string | null): JiraResponse {
  const flags = booleanParams(request.query, ['generateChangelog', 'generateAppEvents']);
  if (!flags.ok) return flags.response;
  const parsed = parseUpdates(ctx, parseJsonBody(request.rawBody), pathField);
  if (!parsed.ok) return parsed.response;
  const seen = new Set<string>();
  for (const update of parsed.value) {
    for (const issue of update.issues) {
      const pair = `${update.field.id}/${issue.id}`;
      if (seen.has(pair))
        return errorResponse(400, [
          `Combinations of custom field and issue must be unique within the request: ${update.field.id} is set twice on issue ${issue.id}.`,
        ]);
      seen.add(pair);
    }
  }
  const byIssue = new Map<
    string,
    { issue: StoredIssue; changes: { id: string; name: string; value: unknown }[] }
  >();
  for (const update of parsed.value) {
    for (const issue of update.issues) {
      const entry = byIssue.get(issue.id) ?? { issue, changes: [] };
      entry.changes.push({ id: update.field.id, name: update.field.name, value: update.value });
      byIssue.set(issue.id, entry);
    }
  }
  const actor = actorOf(request);
  for (const { issue, changes } of byIssue.values()) {
    const current = ctx.store.issue(issue.id) ?? issue;
    ctx.writer.setAppFieldValues(actor, current, changes, {
      changelog: flags.value.generateChangelog ?? true,
      events: flags.value.generateAppEvents ?? true,
    });
  }
  return { status: 204 };
}

function booleanParams(
  query: URLSearchParams,
  names: readonly string[],
): Parsed<Record<string, boolean | undefined>> {
  const values: Record<string, boolean | undefined> = {};
  for (const name of names) {
    const raw = query.get(name);
    if (raw === null) continue;
    if (raw !== 'true' && raw !== 'false')
      return {
        ok: false,
        response: errorResponse(400, [`The value '${raw}' of '${name}' is not a boolean.`]),
      };
    values[name] = raw === 'true';
  }
  return { ok: true, value: values };
}

function parseUpdates(ctx: EndpointContext, body: unknown, pathField: string | null): Parsed<Update[]> {
  const bad = (message: string): Parsed<Update[]> => ({ ok: false, response: errorResponse(400, [message]) });
  if (!isRecord(body)) return bad('The request body must be a JSON object with an "updates" array.');
  const unknown = Object.keys(body).filter((k) => k !== 'updates');
  if (unknown.length > 0) return bad(`Unrecognized field "${unknown[0] ?? ''}" in the request body.`);
  const updates = body.updates ?? [];
  if (!Array.isArray(updates)) return bad('"updates" must be an array.');
  const allowed = pathField === null ? ['customField', 'issueIds', 'value'] : ['issueIds', 'value'];
  const out: Update[] = [];
  for (const [index, raw] of updates.entries()) {
    const at = `updates[${String(index)}]`;
    if (!isRecord(raw)) return bad(`${at} must be an object.`);
    const extra = Object.keys(raw).filter((k) => !allowed.includes(k));
    if (extra.length > 0) return bad(`Unrecognized field "${extra[0] ?? ''}" in ${at}.`);
    const fieldRef = pathField ?? raw.customField;
    if (typeof fieldRef !== 'string' || fieldRef === '') return bad(`${at}.customField is required.`);
    const field = ownedField(ctx, fieldRef);
    if (!field.ok) return field;
    const ids = raw.issueIds;
    if (!Array.isArray(ids) || ids.length === 0)
      return bad(`${at}.issueIds must be a non-empty array of issue IDs.`);
    if (!('value' in raw)) return bad(`${at}.value is required (null clears the field).`);
    const issues: StoredIssue[] = [];
    for (const id of ids) {
      if (typeof id !== 'number' || !Number.isSafeInteger(id))
        return bad(`${at}.issueIds holds ${JSON.stringify(id)}, which is not an issue ID (an integer).`);
      const issue = ctx.store.issue(String(id));
      if (!issue) return bad(`${at}.issueIds: the issue ${String(id)} does not exist.`);
      issues.push(issue);
    }
    const problem = valueProblem(field.value, raw.value);
    if (problem !== null)
      return { ok: false, response: errorResponse(400, [], { [field.value.id]: problem }) };
    out.push({ field: field.value, issues, value: raw.value });
  }
  return { ok: true, value: out };
}

function ownedField(ctx: EndpointContext, idOrKey: string): Parsed<AppField> {
  const field = ctx.appFields.byIdOrKey(idOrKey);
  if (field) return { ok: true, value: field };
  if (ctx.customFieldExists(idOrKey))
    return {
      ok: false,
      response: errorResponse(403, [
        `The app cannot update ${idOrKey}: only the app that owns a custom field can update its values.`,
      ]),
    };
  return { ok: false, response: errorResponse(404, [`The custom field ${idOrKey} was not found.`]) };
}

/**
 * The value rules of the spec's `CustomFieldValueUpdate.value`: a string for `string`, a number
 * for `number`, an ISO date(-time) string for `date`/`datetime`, `{accountId}` for `user`,
 * `{groupId|name}` for `group`, any JSON for `object`, and an array of those for a `list`.
 * `null` clears the field.
 */
function valueProblem(field: AppField, value: unknown): string | null {
  if (value === null) return null;
  if (field.collection === 'list') {
    if (!Array.isArray(value)) return `${field.name} holds a list: the value must be an array.`;
    if (value.length > 100) return `${field.name} holds at most 100 values.`;
    for (const item of value) {
      const problem = itemProblem(field, item);
      if (problem !== null) return problem;
    }
    return null;
  }
  return itemProblem(field, value);
}

function itemProblem(field: AppField, value: unknown): string | null {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${field.name} must be a number.`;
    case 'string':
      if (typeof value !== 'string') return `${field.name} must be a string.`;
      return value.length > MAX_STRING_LENGTH
        ? `${field.name} must be at most ${String(MAX_STRING_LENGTH)} characters.`
        : null;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value)
        ? null
        : `${field.name} must be a date (YYYY-MM-DD).`;
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? null
        : `${field.name} must be a date and time in ISO format.`;
    case 'user':
      return isRecord(value) && typeof value.accountId === 'string'
        ? null
        : `${field.name} must be an object with an accountId.`;
    case 'group':
      return isRecord(value) && (typeof value.groupId === 'string' || typeof value.name === 'string')
        ? null
        : `${field.name} must be an object with a groupId or name.`;
    case 'object':
      return null;
  }
}
