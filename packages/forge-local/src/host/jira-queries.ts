/**
 * The Jira reads the shell itself makes (epic picker, issue view, admin gate), always as the
 * signed-in demo user through `site.requestJira`, so each user sees exactly what Jira would show
 * them.
 */
import { z } from 'zod';
import type { LocalSite, ProductResponse } from '../site-api';
import type { AppFieldValue, EpicList, EpicSummary, IssueDetails } from './api-types';

/** A Jira answer the shell cannot use; `status` is what the host passes on to the browser. */
export class JiraQueryError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'JiraQueryError';
  }
}

const issueTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  hierarchyLevel: z.number().nullish(),
});

const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z
    .object({
      summary: z.string().nullish(),
      issuetype: issueTypeSchema.nullish(),
      status: z
        .object({ name: z.string(), statusCategory: z.object({ key: z.string() }).loose().nullish() })
        .loose()
        .nullish(),
      project: z
        .object({ id: z.string(), key: z.string(), name: z.string(), projectTypeKey: z.string().nullish() })
        .loose()
        .nullish(),
      parent: z
        .object({ key: z.string(), fields: z.object({ summary: z.string().nullish() }).loose().nullish() })
        .loose()
        .nullish(),
    })
    // The app's custom fields come along under their `customfield_NNNNN` ids.
    .loose(),
});

const fieldListSchema = z.array(
  z
    .object({
      id: z.string(),
      name: z.string(),
      schema: z.object({ type: z.string(), custom: z.string().optional() }).loose().optional(),
    })
    .loose(),
);

interface AppFieldColumn {
  id: string;
  name: string;
  type: string;
}

/**
 * The fields of Forge apps' `jira:customField` modules: their `schema.custom` is the module's
 * extension ARI (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-custom-field/).
 */
async function appFieldColumns(site: LocalSite, accountId: string): Promise<AppFieldColumn[]> {
  const { json } = await jiraJson(site, accountId, 'GET', '/rest/api/3/field');
  return parseWith(fieldListSchema, json, 'field')
    .filter((f) => f.schema?.custom?.startsWith('ari:cloud:ecosystem::extension/') === true)
    .map((f) => ({ id: f.id, name: f.name, type: f.schema?.type ?? 'any' }));
}

function appFieldValues(
  columns: readonly AppFieldColumn[],
  fields: Record<string, unknown>,
): AppFieldValue[] {
  return columns.map((c) => ({ ...c, value: fields[c.id] ?? null }));
}

const searchSchema = z.object({
  issues: z.array(issueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().nullish(),
});

const permissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean().optional() }).loose()),
});

const issueFields = ['summary', 'issuetype', 'status', 'project', 'parent'];

/** The epic picker searches this many epics; a demo site has dozens, a benchmark site thousands. */
export const maxScannedEpics = 1000;

async function jiraJson(
  site: LocalSite,
  accountId: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response: ProductResponse = await site.requestJira({
    accountId,
    method,
    path,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  let json: unknown;
  try {
    json = response.body ? JSON.parse(response.body) : null;
  } catch {
    throw new JiraQueryError(
      `${method} ${path} answered ${response.status} with a body that is not JSON.`,
      502,
    );
  }
  if (response.status >= 400 && response.status !== 404) {
    throw new JiraQueryError(
      `${method} ${path} answered ${response.status} ${response.statusText}: ${errorText(json)}`,
      502,
    );
  }
  return { status: response.status, json };
}

function errorText(json: unknown): string {
  const parsed = z
    .object({
      errorMessages: z.array(z.string()).optional(),
      errors: z.record(z.string(), z.string()).optional(),
    })
    .safeParse(json);
  if (!parsed.success) return 'no details';
  const messages = [...(parsed.data.errorMessages ?? []), ...Object.values(parsed.data.errors ?? {})];
  return messages.join('; ') || 'no details';
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new JiraQueryError(
      `Jira's ${what} response is not what the host expects: ${z.prettifyError(parsed.error)}`,
      502,
    );
  return parsed.data;
}

/** Orders PAY-2 before PAY-10: by project key, then by issue number. */
export function compareIssueKeys(a: string, b: string): number {
  const [pa = '', na = '0'] = a.split('-');
  const [pb = '', nb = '0'] = b.split('-');
  return pa.localeCompare(pb) || Number(na) - Number(nb);
}

/**
 * The epics the user can browse, filtered by `query` (key or summary, case-insensitive). Epics are
 * the issue types at hierarchy level 1, never the name "Epic" (forge-platform.md §5.5). The
 * emulator has no text search, so the filter runs here over the first `maxScannedEpics`; an exact
 * issue key is always looked up directly, so any epic can be found by its key.
 */
export async function listEpics(site: LocalSite, accountId: string, query = ''): Promise<EpicList> {
  const types = parseWith(
    z.array(issueTypeSchema),
    (await jiraJson(site, accountId, 'GET', '/rest/api/3/issuetype')).json,
    'issue type',
  );
  const epicTypeIds = [...new Set(types.filter((t) => t.hierarchyLevel === 1).map((t) => t.id))];
  if (epicTypeIds.length === 0) return { epics: [], truncated: false };

  const columns = await appFieldColumns(site, accountId);
  const scanned: EpicSummary[] = [];
  let nextPageToken: string | undefined;
  do {
    const { json } = await jiraJson(site, accountId, 'POST', '/rest/api/3/search/jql', {
      jql: `issuetype in (${epicTypeIds.join(', ')}) ORDER BY key ASC`,
      fields: [...issueFields, ...columns.map((c) => c.id)],
      maxResults: 100,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    const page = parseWith(searchSchema, json, 'search');
    scanned.push(...page.issues.map((issue) => toEpicSummary(issue, columns)));
    nextPageToken = page.isLast === true ? undefined : (page.nextPageToken ?? undefined);
  } while (nextPageToken && scanned.length < maxScannedEpics);

  const needle = query.trim().toLowerCase();
  const matches = scanned.filter(
    (e) => !needle || e.key.toLowerCase().includes(needle) || e.summary.toLowerCase().includes(needle),
  );
  if (/^[a-z][a-z0-9_]*-\d+$/.test(needle) && !matches.some((e) => e.key.toLowerCase() === needle)) {
    const issue = await getIssue(site, accountId, needle.toUpperCase());
    if (issue && epicTypeIds.includes(issue.issueType.id)) {
      matches.push({
        appFields: issue.appFields,
        id: issue.id,
        key: issue.key,
        summary: issue.summary,
        status: issue.status.name,
        statusCategory: issue.status.category,
        projectKey: issue.project.key,
        projectName: issue.project.name,
      });
    }
  }
  return {
    epics: matches.sort((a, b) => compareIssueKeys(a.key, b.key)),
    truncated: nextPageToken !== undefined,
  };
}

function toEpicSummary(issue: z.infer<typeof issueSchema>, columns: readonly AppFieldColumn[]): EpicSummary {
  return {
    appFields: appFieldValues(columns, issue.fields),
    id: issue.id,
    key: issue.key,
    summary: issue.fields.summary ?? '',
    status: issue.fields.status?.name ?? 'Unknown',
    statusCategory: issue.fields.status?.statusCategory?.key ?? 'undefined',
    projectKey: issue.fields.project?.key ?? issue.key.split('-')[0] ?? '',
    projectName: issue.fields.project?.name ?? '',
  };
}

/** The issue as the issue view shows it, or null when it does not exist or the user can't see it. */
export async function getIssue(
  site: LocalSite,
  accountId: string,
  issueKey: string,
): Promise<IssueDetails | null> {
  const columns = await appFieldColumns(site, accountId);
  const path = `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=${[...issueFields, ...columns.map((c) => c.id)].join(',')}`;
  const { status, json } = await jiraJson(site, accountId, 'GET', path);
  if (status === 404) return null;
  const issue = parseWith(issueSchema, json, 'issue');
  const { fields } = issue;
  return {
    appFields: appFieldValues(columns, fields),
    id: issue.id,
    key: issue.key,
    summary: fields.summary ?? '',
    issueType: {
      id: fields.issuetype?.id ?? '',
      name: fields.issuetype?.name ?? 'Unknown',
      hierarchyLevel: fields.issuetype?.hierarchyLevel ?? null,
    },
    status: {
      name: fields.status?.name ?? 'Unknown',
      category: fields.status?.statusCategory?.key ?? 'undefined',
    },
    parent: fields.parent ? { key: fields.parent.key, summary: fields.parent.fields?.summary ?? '' } : null,
    project: {
      id: fields.project?.id ?? '',
      key: fields.project?.key ?? '',
      name: fields.project?.name ?? '',
      type: fields.project?.projectTypeKey ?? 'software',
    },
  };
}

/** Whether the user holds the global ADMINISTER permission, asked the way the app asks it (§6.3). */
export async function isJiraAdmin(site: LocalSite, accountId: string): Promise<boolean> {
  const { status, json } = await jiraJson(
    site,
    accountId,
    'GET',
    '/rest/api/3/mypermissions?permissions=ADMINISTER',
  );
  if (status === 404) throw new JiraQueryError('The site does not answer /rest/api/3/mypermissions.', 502);
  return (
    parseWith(permissionsSchema, json, 'mypermissions').permissions['ADMINISTER']?.havePermission === true
  );
}
