/**
 * README.md's JQL example ("Search epics by value in JQL") run as written against the demo site,
 * so the example and the demo data cannot drift apart: the example is read from the README
 * itself, not copied here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LocalSiteRuntime } from '../../local-site';
import { ADMIN, call, openDemoSite } from './local-site';

/** Applies a scenario stopping the site's first epic, as the value planning page would. */
async function applyDemoScenario(site: LocalSiteRuntime): Promise<void> {
  const response = await site.requestJira({
    accountId: ADMIN,
    method: 'POST',
    path: '/rest/api/3/search/jql',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jql: 'issuetype = Epic ORDER BY key ASC', fields: ['summary'], maxResults: 1 }),
  });
  const key = (JSON.parse(response.body) as { issues: { key: string }[] }).issues[0]?.key ?? 'none';
  const current = await call<{ revision: number }>(site, ADMIN, 'panel/get-value', { issueKey: key });
  const applied = await call(site, ADMIN, 'planning/start-apply', {
    scenario: 'README example',
    decisions: [{ issueKey: key, choice: 'stop', baseRevision: current.data?.revision }],
  });
  if (!applied.ok) throw new Error(`the scenario was not applied: ${JSON.stringify(applied.error)}`);
}

/** The JQL of the README's sentence "For example `…`, or `…` without the alias." */
function readmeJqlExamples(): string[] {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Search epics by value in JQL')) ?? '';
  const sentence = /For example (.+?)\.(?:\s|$)/.exec(section.replace(/\s+/g, ' '))?.[1] ?? '';
  const examples = [...sentence.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
  if (examples.length === 0)
    throw new Error('README.md has no "For example `…`" JQL in its "Search epics by value in JQL" section');
  return examples;
}

/** The Example column of the section's alias table. */
function readmeAliasExamples(): string[] {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Search epics by value in JQL')) ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| `value/.test(line))
    .map((line) => /`([^`]+)`\s*\|\s*$/.exec(line)?.[1] ?? `unreadable row: ${line}`);
}

describe("README.md's JQL example", () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openDemoSite();
    // The demo data holds no scenario decision until one is applied (`valueDecision = stop`).
    await applyDemoScenario(site);
  });

  afterAll(async () => {
    await site.close();
  });

  it('reads both examples of the sentence, with and without the alias', () => {
    expect(readmeJqlExamples()).toHaveLength(2);
  });

  it('reads an example for each alias the manifest declares, in its order', () => {
    const manifest = readFileSync(resolve(__dirname, '../../manifest.yml'), 'utf8');
    const aliases = [...manifest.matchAll(/searchAlias: (\w+)/g)].map((match) => match[1]);

    expect(aliases.length).toBeGreaterThanOrEqual(8);
    expect(readmeAliasExamples().map((jql) => /^\w+/.exec(jql)?.[0])).toEqual(aliases);
  });

  it.each([...readmeJqlExamples(), ...readmeAliasExamples()])(
    'returns epics on the demo data for %s',
    async (jql) => {
      const response = await site.requestJira({
        accountId: ADMIN,
        method: 'POST',
        path: '/rest/api/3/search/jql',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jql, fields: ['issuetype'], maxResults: 100 }),
      });
      expect(response.status).toBe(200);
      const { issues } = JSON.parse(response.body) as {
        issues: { key: string; fields: { issuetype: { name: string } } }[];
      };
      expect(issues.length).toBeGreaterThanOrEqual(1);
      expect(issues.every((issue) => issue.fields.issuetype.name === 'Epic')).toBe(true);
    },
  );
});
