import { requestJira } from '@forge/bridge';

/*
 * The projects and programmes a scope can name, read from Jira as the viewer (so only what they
 * may browse): shared by the gadget's editor and the value planning page, without the gadget's
 * own resolver calls.
 */

/** A choice in the editor's scope lists. */
export interface ScopeOption {
  value: string;
  label: string;
}

export async function jiraJson(path: string, init?: RequestInit): Promise<unknown> {
  const response = await requestJira(path, init);
  if (!response.ok) {
    throw new Error(
      `Jira answered ${String(response.status)} ${response.statusText} to ${path.split('?')[0] ?? path}.`,
    );
  }
  return (await response.json()) as unknown;
}

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
export const fieldOf = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Every project the viewer can browse, by key, paging through /project/search. */
export async function projects(): Promise<ScopeOption[]> {
  const options: ScopeOption[] = [];
  for (let startAt = 0; startAt < 2000; startAt += 50) {
    const page = await jiraJson(
      `/rest/api/3/project/search?orderBy=key&maxResults=50&startAt=${String(startAt)}`,
    );
    for (const project of asArray(fieldOf(page, 'values'))) {
      const key = text(fieldOf(project, 'key'));
      if (key) options.push({ value: key, label: `${text(fieldOf(project, 'name'))} (${key})` });
    }
    if (fieldOf(page, 'isLast') !== false) break;
  }
  return options;
}

/**
 * Programmes are the issues one level above epics (hierarchy level 2, e.g. Initiatives). The
 * first 100 by key are offered; other keys can be typed in.
 */
export async function programmes(): Promise<ScopeOption[]> {
  const types = asArray(await jiraJson('/rest/api/3/issuetype'));
  const ids = types
    .filter((type) => fieldOf(type, 'hierarchyLevel') === 2)
    .map((type) => text(fieldOf(type, 'id')));
  if (ids.length === 0) return [];
  const jql = `issuetype in (${ids.join(', ')}) ORDER BY key ASC`;
  const page = await jiraJson('/rest/api/3/search/jql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jql, fields: ['summary'], maxResults: 100 }),
  });
  return asArray(fieldOf(page, 'issues')).map((issue) => {
    const key = text(fieldOf(issue, 'key'));
    return { value: key, label: `${key} ${text(fieldOf(fieldOf(issue, 'fields'), 'summary'))}`.trim() };
  });
}
