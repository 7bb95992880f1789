import { requestJira } from '@forge/bridge';

/**
 * Jira's approximate count of the epics a JQL scope finds, for an "of about M" beside the live
 * progress. The query is the one the server pages through (src/application/portfolio/scope-jql.ts):
 * the user's JQL without its ORDER BY, parenthesised, AND the epic issue types. Those are the
 * types at hierarchy level 1, as the server takes them unless a Jira admin chose other types on
 * the admin page (the gadget cannot see that choice). Null whenever no count can be had: the
 * bar is then indeterminate with the running count, never wrong by more than the word "about".
 */
export async function approximateEpicCount(jql: string): Promise<number | null> {
  try {
    const typesResponse = await requestJira('/rest/api/3/issuetype');
    if (!typesResponse.ok) return null;
    const types = (await typesResponse.json()) as unknown;
    if (!Array.isArray(types)) return null;
    const ids = (types as unknown[])
      .map((type) => (typeof type === 'object' && type !== null ? (type as Record<string, unknown>) : {}))
      .filter((type) => type['hierarchyLevel'] === 1 && typeof type['id'] === 'string')
      .map((type) => type['id'] as string);
    if (ids.length === 0) return null;
    const scoped = jql.replace(/\s+order\s+by\s+[\s\S]*$/i, '').trim();
    const response = await requestJira('/rest/api/3/search/approximate-count', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ jql: `(${scoped}) AND issuetype in (${ids.join(', ')})` }),
    });
    if (!response.ok) return null;
    const count = ((await response.json()) as { count?: unknown }).count;
    return typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : null;
  } catch {
    return null;
  }
}
