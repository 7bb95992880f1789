import type { LocalSiteRuntime } from '../../local-site';
import type { ApplyStart } from '../../src/contract/planning-job.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { ADMIN, call, openDemoSite } from './local-site';

/** Applying a scenario on the demo site, read back through JQL, the Jira field and the panel. */
describe('planning/start-apply on the demo site', () => {
  let site: LocalSiteRuntime;
  const json = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await site.requestJira({
      accountId: ADMIN,
      method,
      path,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as Record<string, unknown>;
  };
  const keysOf = async (jql: string): Promise<string[]> => {
    const page = (await json('POST', '/rest/api/3/search/jql', {
      jql,
      fields: ['summary'],
      maxResults: 100,
    })) as {
      issues: { key: string }[];
    };
    return page.issues.map((issue) => issue.key);
  };

  beforeAll(async () => {
    site = await openDemoSite();
  });
  afterAll(async () => {
    await site.close();
  });

  it('records the decisions, which JQL `valueDecision = stop` and the Value decision field then show', async () => {
    const [stopped, continued] = await keysOf(
      'issuetype = Epic AND statusCategory = "In Progress" ORDER BY key ASC',
    );
    expect(stopped).toBeDefined();
    expect(continued).toBeDefined();
    const revisionOf = async (issueKey: string | undefined) =>
      (await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey })).data?.revision;
    expect(await keysOf('valueDecision = stop')).toEqual([]);

    const started = await call<ApplyStart>(site, ADMIN, 'planning/start-apply', {
      scenario: 'Budget cut 2027',
      decisions: [
        { issueKey: stopped, choice: 'stop', baseRevision: await revisionOf(stopped) },
        { issueKey: continued, choice: 'continue', baseRevision: await revisionOf(continued) },
      ],
    });

    expect(started.ok).toBe(true);
    const applied = started.data?.kind === 'result' ? started.data.applied : undefined;
    expect(applied?.counts).toEqual({ stop: 1, continue: 1 });
    expect(await keysOf('valueDecision = stop')).toEqual([stopped]);
    expect(await keysOf('valueDecision = continue')).toEqual([continued]);
    const fields = (await json('GET', '/rest/api/3/field')) as unknown as { id: string; name: string }[];
    const fieldId = fields.find((field) => field.name === 'Value decision')?.id ?? 'missing';
    const issue = (await json('GET', `/rest/api/3/issue/${String(stopped)}?fields=${fieldId}`)) as {
      fields: Record<string, unknown>;
    };
    expect(issue.fields[fieldId]).toBe('stop');
    const view = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: stopped });
    expect(view.data?.value.decision).toMatchObject({
      choice: 'stop',
      scenario: 'Budget cut 2027',
      by: ADMIN,
    });
  });

  it('refuses a stale revision and changes nothing', async () => {
    const [key] = await keysOf('issuetype = Epic ORDER BY key DESC');
    const before = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: key });

    const refused = await call(site, ADMIN, 'planning/start-apply', {
      scenario: 'Stale',
      decisions: [{ issueKey: key, choice: 'stop', baseRevision: (before.data?.revision ?? 0) + 5 }],
    });

    expect(refused.error?.code).toBe('CONFLICT');
    const after = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: key });
    expect(after.data?.revision).toBe(before.data?.revision);
  });
});
