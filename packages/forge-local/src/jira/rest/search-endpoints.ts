/**
 * `GET|POST /rest/api/3/search/jql` (enhanced search, `nextPageToken` paging) and
 * `POST /rest/api/3/search/approximate-count`, with Jira's rules:
 * - the JQL must be bounded (a search restriction), else 400;
 * - `fields` defaults to `id` (bare `{id}` issues); `maxResults` defaults to 50 and is capped at
 *   5,000 when only `id`/`key` are requested, 100 otherwise (Jira "may return fewer" per page);
 * - up to 5 `properties`; no `total` (use approximate-count);
 * - only issues in projects the caller may browse are returned.
 * The removed `/rest/api/3/search` answers 410 Gone, as Jira Cloud does since its removal.
 */
import { fnv1a } from '../../util/hash';
import { FieldSelection } from '../field-catalog';
import { fieldName, renderIssue } from '../issue-renderer';
import { compileJql } from '../jql/compile';
import { JqlError } from '../jql/jql-error';
import type { StoredIssue } from '../model';
import type { Caller } from '../permissions';
import { listParam, stringList, type EndpointContext } from './endpoint-context';
import { errorResponse, isRecord, parseJsonBody } from './jira-errors';
import type { JiraRequest, JiraResponse } from './rest-types';

const DEFAULT_MAX_RESULTS = 50;
const MAX_RESULTS_IDS_ONLY = 5000;
const MAX_RESULTS_WITH_FIELDS = 100;
const MAX_PROPERTIES = 5;
const MAX_RECONCILE_IDS = 50;
const UNBOUNDED =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

interface SearchParams {
  jql: string | undefined;
  nextPageToken: string | undefined;
  maxResults: number | undefined;
  fields: string[] | undefined;
  expand: string[];
  properties: string[];
  reconcileIssues: number[];
}

/** Matching issue ids per caller and query, reused across pages until any issue changes. */
export class SearchCache {
  private readonly entries = new Map<string, { version: number; ids: string[] }>();

  get(key: string, version: number): string[] | undefined {
    const hit = this.entries.get(key);
    return hit?.version === version ? hit.ids : undefined;
  }

  set(key: string, version: number, ids: string[]): void {
    if (this.entries.size >= 16) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { version, ids });
  }
}

export function searchJqlGet(ctx: EndpointContext, cache: SearchCache, request: JiraRequest): JiraResponse {
  const q = request.query;
  const maxResults = q.get('maxResults');
  return search(ctx, cache, request.caller, {
    jql: q.get('jql') ?? undefined,
    nextPageToken: q.get('nextPageToken') ?? undefined,
    maxResults: maxResults === null ? undefined : Number(maxResults),
    fields: listParam(q, 'fields'),
    expand: listParam(q, 'expand') ?? [],
    properties: listParam(q, 'properties') ?? [],
    reconcileIssues: (listParam(q, 'reconcileIssues') ?? []).map(Number),
  });
}

export function searchJqlPost(ctx: EndpointContext, cache: SearchCache, request: JiraRequest): JiraResponse {
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body)) return errorResponse(400, ['The request body is required and must be a JSON object.']);
  const maxResults = body.maxResults;
  if (maxResults !== undefined && typeof maxResults !== 'number') {
    return errorResponse(400, ['maxResults must be an integer.']);
  }
  return search(ctx, cache, request.caller, {
    jql: typeof body.jql === 'string' ? body.jql : undefined,
    nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined,
    maxResults,
    fields: stringList(body.fields),
    expand: stringList(body.expand) ?? [],
    properties: stringList(body.properties) ?? [],
    reconcileIssues: Array.isArray(body.reconcileIssues) ? body.reconcileIssues.map(Number) : [],
  });
}

export function approximateCount(
  ctx: EndpointContext,
  cache: SearchCache,
  request: JiraRequest,
): JiraResponse {
  const body = parseJsonBody(request.rawBody);
  if (!isRecord(body) || typeof body.jql !== 'string') return errorResponse(400, [UNBOUNDED]);
  const ids = matchingIds(ctx, cache, request.caller, body.jql);
  return 'status' in ids ? ids : { status: 200, body: { count: ids.length } };
}

export function removedSearch(): JiraResponse {
  return errorResponse(410, [
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  ]);
}

function search(
  ctx: EndpointContext,
  cache: SearchCache,
  caller: Caller,
  params: SearchParams,
): JiraResponse {
  if (params.properties.length > MAX_PROPERTIES) {
    return errorResponse(400, [`You can request up to ${String(MAX_PROPERTIES)} issue properties.`]);
  }
  if (params.reconcileIssues.length > MAX_RECONCILE_IDS) {
    return errorResponse(400, [`reconcileIssues accepts at most ${String(MAX_RECONCILE_IDS)} issue ids.`]);
  }
  if (params.maxResults !== undefined && (!Number.isInteger(params.maxResults) || params.maxResults < 0)) {
    return errorResponse(400, [
      `maxResults must be a non-negative integer; got '${String(params.maxResults)}'.`,
    ]);
  }
  const jql = params.jql ?? '';
  const ids = matchingIds(ctx, cache, caller, jql);
  if ('status' in ids) return ids;

  const selection = FieldSelection.parse(params.fields, 'id');
  const cheap = selection.idOrKeyOnly && params.properties.length === 0;
  const pageSize = Math.min(
    params.maxResults ?? DEFAULT_MAX_RESULTS,
    cheap ? MAX_RESULTS_IDS_ONLY : MAX_RESULTS_WITH_FIELDS,
  );
  const queryHash = fnv1a(`${caller.accountId}\u0000${jql}`);
  let offset = 0;
  if (params.nextPageToken !== undefined) {
    const decoded = decodePageToken(params.nextPageToken);
    if (decoded?.q !== queryHash) {
      return errorResponse(400, ['The provided next page token is invalid or expired.']);
    }
    offset = decoded.o;
  }
  const page = ids.slice(offset, offset + pageSize);
  const expand = new Set(params.expand);
  const issues = page
    .map((id) => ctx.store.issue(id))
    .filter((issue): issue is StoredIssue => issue !== undefined)
    .map((issue) =>
      selection.idOnly && params.properties.length === 0
        ? { id: issue.id }
        : renderIssue(ctx.render, issue, {
            fields: selection,
            properties: params.properties.length > 0 ? params.properties : null,
            expand: new Set<string>(),
          }),
    );
  const isLast = offset + page.length >= ids.length;
  const body: Record<string, unknown> = { issues };
  if (!isLast) body.nextPageToken = encodePageToken({ o: offset + page.length, q: queryHash });
  body.isLast = isLast;
  if (expand.has('names')) {
    const names: Record<string, string> = {};
    for (const issue of issues) {
      const fields = (issue as { fields?: Record<string, unknown> }).fields ?? {};
      for (const id of Object.keys(fields)) names[id] = fieldName(id);
    }
    body.names = names;
  }
  return { status: 200, body };
}

/** The ids of every visible issue the JQL matches, sorted; or the 400 Jira answers. */
function matchingIds(
  ctx: EndpointContext,
  cache: SearchCache,
  caller: Caller,
  jql: string,
): string[] | JiraResponse {
  const cacheKey = `${caller.kind}:${caller.accountId}\u0000${jql}`;
  const cached = cache.get(cacheKey, ctx.store.version);
  if (cached) return cached;
  let compiled;
  try {
    compiled = compileJql(jql, {
      store: ctx.store,
      permissions: ctx.permissions,
      caller,
      indexedProperties: ctx.indexedProperties,
      appFields: ctx.appFields,
    });
  } catch (error) {
    if (error instanceof JqlError) return errorResponse(400, error.messages);
    throw error;
  }
  if (!compiled.bounded) return errorResponse(400, [UNBOUNDED]);
  const candidates = compiled.candidates();
  const pool: Iterable<StoredIssue> =
    candidates === null
      ? ctx.store.allIssues()
      : [...candidates].map((id) => ctx.store.issue(id)).filter((i): i is StoredIssue => i !== undefined);
  const matched: StoredIssue[] = [];
  for (const issue of pool) {
    if (ctx.permissions.canSeeIssue(caller, issue) && compiled.matches(issue)) matched.push(issue);
  }
  matched.sort((a, b) => compiled.compare(a, b));
  const ids = matched.map((issue) => issue.id);
  cache.set(cacheKey, ctx.store.version, ids);
  return ids;
}

function encodePageToken(token: { o: number; q: number }): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodePageToken(token: string): { o: number; q: number } | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (isRecord(parsed) && typeof parsed.o === 'number' && typeof parsed.q === 'number')
      return { o: parsed.o, q: parsed.q };
  } catch {
    // fall through: not one of ours
  }
  return null;
}
