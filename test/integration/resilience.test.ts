import type { LocalSiteRuntime } from '../../local-site';
import type { EpicList, PortfolioView } from '../../src/contract/gadget.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { ADMIN, call, openDemoSite } from './local-site';

/** Jira answering 429 (with Retry-After) and 5xx, injected by the local runtime. */
describe('resilience to Jira failures', () => {
  let site: LocalSiteRuntime;
  let epicKey: string;

  beforeAll(async () => {
    site = await openDemoSite();
    const list = await call<EpicList>(site, ADMIN, 'gadget/list-epics', {
      scope: { kind: 'projects', projects: ['CHK'] },
    });
    epicKey = list.data?.epics[0]?.key ?? '';
  });

  afterEach(() => {
    site.setFaults({});
  });

  afterAll(async () => {
    await site.close();
  });

  it('retries 429s and 5xx and returns the same figures as without faults', async () => {
    // A JQL scope pages through Jira live on every load (the roll-up path would be served from storage).
    const scope = { kind: 'jql', jql: 'project in (PAY, CHK)' };
    site.resetCallStats();
    const calm = await call<PortfolioView>(site, ADMIN, 'gadget/get-portfolio', { scope });
    const calmCalls = site.callStats().jiraCalls;
    site.setFaults({ jira5xxRate: 0.25, jira429Rate: 0.1, seed: 9 });
    site.resetCallStats();

    const stormy = await call<PortfolioView>(site, ADMIN, 'gadget/get-portfolio', { scope });

    expect(stormy.error).toBeUndefined();
    expect(stormy.data).toEqual(calm.data);
    // More calls than without faults: the failed ones were retried.
    expect(site.callStats().jiraCalls).toBeGreaterThan(calmCalls);
  }, 30_000);

  it('answers UPSTREAM and changes nothing when Jira keeps failing', async () => {
    const before = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: epicKey });
    const value = before.data?.value;
    if (!before.data || !value) throw new Error('no record');
    site.setFaults({ jira5xxRate: 1, seed: 3 });

    const answer = await call(site, ADMIN, 'panel/save-value', {
      issueKey: epicKey,
      baseRevision: before.data.revision,
      value: { ...value, successProbability: 0.01 },
    });
    site.setFaults({});
    const after = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: epicKey });

    expect(answer.error?.code).toBe('UPSTREAM');
    expect(answer.error?.message).toMatch(/Nothing was changed; try again/);
    expect(after.data).toEqual(before.data);
  }, 30_000);
});
