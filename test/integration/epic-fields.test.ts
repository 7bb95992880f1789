import type { LocalSiteRuntime } from '../../local-site';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { ADMIN, call, openDemoSite } from './local-site';

/** The app's six fields on the demo site, read back through the emulated Jira REST API. */
describe('epic Jira fields on the demo site', () => {
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

  beforeAll(async () => {
    site = await openDemoSite();
  });
  afterAll(async () => {
    await site.close();
  });

  it('holds the panel figures after a save, and JQL finds the epic by them', async () => {
    const fields = (await json('GET', '/rest/api/3/field')) as unknown as { id: string; name: string }[];
    const idOf = (name: string) => fields.find((f) => f.name === name)?.id ?? 'missing';
    const page = (await json('POST', '/rest/api/3/search/jql', {
      jql: 'issuetype = Epic ORDER BY key ASC',
      fields: ['summary'],
      maxResults: 1,
    })) as { issues: { key: string }[] };
    const key = page.issues[0]?.key ?? 'none';
    const current = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: key });
    const saved = await call<EpicValueView>(site, ADMIN, 'panel/save-value', {
      issueKey: key,
      baseRevision: current.data?.revision,
      value: {
        ...current.data?.value,
        benefits: [
          {
            id: 'b-fields',
            kind: 'revenue',
            title: 'Fields check',
            planned: [],
            realised: [{ month: current.data?.asOf, amount: 1234.56, evidence: 'measured' }],
          },
        ],
      },
    });
    expect(saved.ok).toBe(true);
    const kpis = saved.data?.kpis;
    const issue = (await json(
      'GET',
      `/rest/api/3/issue/${key}?fields=${['Realised benefit', 'Risk-adjusted benefit', 'Expected ROI', 'NPV', 'Cost of delay', 'Value decision'].map(idOf).join(',')}`,
    )) as { fields: Record<string, unknown> };
    expect(issue.fields[idOf('Realised benefit')]).toBe(kpis?.realisedBenefit);
    expect(issue.fields[idOf('Risk-adjusted benefit')]).toBe(kpis?.riskAdjustedBenefit);
    expect(issue.fields[idOf('Expected ROI')] ?? null).toBe(kpis?.expectedRoi ?? null);
    expect(issue.fields[idOf('NPV')]).toBe(kpis?.npv);
    expect(issue.fields[idOf('Cost of delay')] ?? null).toBe(saved.data?.planning?.costOfDelay ?? null);
    expect(issue.fields[idOf('Value decision')] ?? null).toBeNull();
    const found = (await json('POST', '/rest/api/3/search/jql', {
      jql: `"Realised benefit" = ${String(kpis?.realisedBenefit)} AND key = ${key}`,
      fields: ['summary'],
    })) as { issues: { key: string }[] };
    expect(found.issues.map((i) => i.key)).toEqual([key]);
  });

  it("holds an in-flight epic's cost of delay as the panel shows it, and JQL finds it by the field", async () => {
    const fields = (await json('GET', '/rest/api/3/field')) as unknown as { id: string; name: string }[];
    const costOfDelayId = fields.find((f) => f.name === 'Cost of delay')?.id ?? 'missing';
    const page = (await json('POST', '/rest/api/3/search/jql', {
      jql: 'issuetype = Epic AND statusCategory != Done ORDER BY key ASC',
      fields: ['summary'],
      maxResults: 1,
    })) as { issues: { key: string }[] };
    const key = page.issues[0]?.key ?? 'none';
    const current = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: key });
    const asOf = current.data?.asOf ?? '2026-01';
    const [year = 2026, month = 1] = asOf.split('-').map(Number);
    const later = (months: number) => {
      const index = year * 12 + (month - 1) + months;
      return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
    };
    const saved = await call<EpicValueView>(site, ADMIN, 'panel/save-value', {
      issueKey: key,
      baseRevision: current.data?.revision,
      value: {
        ...current.data?.value,
        benefits: [
          {
            id: 'b-delay',
            kind: 'revenue',
            title: 'Delay check',
            planned: [{ month: later(3), amount: 50000 }],
            realised: [],
          },
        ],
        costs: { planned: [{ month: later(1), amount: 1000 }], actual: [] },
      },
    });
    expect(saved.ok).toBe(true);
    const costOfDelay = saved.data?.planning?.costOfDelay;
    expect(costOfDelay).toBeGreaterThan(0);
    const issue = (await json('GET', `/rest/api/3/issue/${key}?fields=${costOfDelayId}`)) as {
      fields: Record<string, unknown>;
    };
    expect(issue.fields[costOfDelayId]).toBe(costOfDelay);
    const found = (await json('POST', '/rest/api/3/search/jql', {
      jql: `"Cost of delay" > 0 AND key = ${key}`,
      fields: ['summary'],
    })) as { issues: { key: string }[] };
    expect(found.issues.map((i) => i.key)).toEqual([key]);
  });
});
