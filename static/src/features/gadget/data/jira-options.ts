import type { PortfolioView } from '../../../../../src/contract/gadget.contract';
import type { AdminTargets } from '../config/effective-target';
import { getPortfolio } from './gadget-api';
import { asArray, fieldOf, jiraJson, programmes, projects, text, type ScopeOption } from './jira-scope-lists';

export type { ScopeOption } from './jira-scope-lists';

export interface ScopeOptionSource {
  projects(): Promise<ScopeOption[]>;
  programmes(): Promise<ScopeOption[]>;
  objectives(asOf: string): Promise<ScopeOption[]>;
  /** The admin's default KPI targets, which tiles without a target of their own inherit. */
  adminTargets(asOf: string): Promise<AdminTargets>;
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
