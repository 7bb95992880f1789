import { requestJira } from '@forge/bridge';
import { getPortfolio } from './gadget-api';

/** A choice in the editor's scope lists. */
export interface ScopeOption {
  value: string;
  label: string;
}

export interface ScopeOptionSource {
  projects(): Promise<ScopeOption[]>;
  programmes(): Promise<ScopeOption[]>;
  objectives(asOf: string): Promise<ScopeOption[]>;
}

async function jiraJson(path: string, init?: RequestInit): Promise<unknown> {
  const response = await requestJira(path, init);
  if (!response.ok) {
    throw new Error(
      `Jira answered ${String(response.status)} ${response.statusText} to ${path.split('?')[0] ?? path}.`,
    );
  }
  return (await response.json()) as unknown;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const fieldOf = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Every project the viewer can browse, by key, paging through /project/search. */
async function projects(): Promise<ScopeOption[]> {
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
async function programmes(): Promise<ScopeOption[]> {
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

/** The site's strategic objectives, from the whole-site portfolio view (names by id). */
async function objectives(asOf: string): Promise<ScopeOption[]> {
  const result = await getPortfolio({ scope: { kind: 'all' }, asOf });
  if (!result.ok) throw new Error(result.error.message);
  return Object.entries(result.data.byObjective).map(([id, objective]) => ({
    value: id,
    label: objective.status === 'archived' ? `${objective.name} (archived)` : objective.name,
  }));
}

export const jiraScopeOptions: ScopeOptionSource = { projects, programmes, objectives };

/** Summaries of issues by key (programme names for the breakdown), in one search. */
export async function issueSummaries(keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const page = await jiraJson('/rest/api/3/search/jql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jql: `key in (${keys.join(', ')})`, fields: ['summary'], maxResults: 100 }),
  });
  return new Map(
    asArray(fieldOf(page, 'issues')).map((issue) => [
      text(fieldOf(issue, 'key')),
      text(fieldOf(fieldOf(issue, 'fields'), 'summary')),
    ]),
  );
}
