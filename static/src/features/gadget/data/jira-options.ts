import { requestJira } from '@forge/bridge';
import type { PortfolioView } from '../../../../../src/contract/gadget.contract';
import type { AdminTargets } from '../config/effective-target';
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
  /** The admin's default KPI targets, which tiles without a target of their own inherit. */
  adminTargets(asOf: string): Promise<AdminTargets>;
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

const siteViews = new Map<string, Promise<PortfolioView>>();

/**
 * The whole-site portfolio view (fast: the roll-up store answers it), fetched once per month for
 * both the objectives list and the admin's targets; a failure is forgotten so a retry asks again.
 */
function siteView(asOf: string): Promise<PortfolioView> {
  const cached = siteViews.get(asOf);
  if (cached) return cached;
  const loading = getPortfolio({ scope: { kind: 'all' }, asOf }).then((result) => {
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  });
  siteViews.set(asOf, loading);
  loading.catch(() => siteViews.delete(asOf));
  return loading;
}

/** The site's strategic objectives, from the whole-site portfolio view (names by id). */
async function objectives(asOf: string): Promise<ScopeOption[]> {
  const view = await siteView(asOf);
  return Object.entries(view.byObjective).map(([id, objective]) => ({
    value: id,
    label: objective.status === 'archived' ? `${objective.name} (archived)` : objective.name,
  }));
}

async function adminTargets(asOf: string): Promise<AdminTargets> {
  return (await siteView(asOf)).kpiTargets;
}

export const jiraScopeOptions: ScopeOptionSource = { projects, programmes, objectives, adminTargets };

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
