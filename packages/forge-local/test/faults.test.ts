import type { LocalSiteRuntime } from '../src';
import { ADMIN, callPanel, openFixtureSite, rest } from './site-fixtures';

describe('fault injection and call statistics', () => {
  let site: LocalSiteRuntime;

  beforeEach(async () => {
    site = await openFixtureSite();
  });

  afterEach(async () => {
    await site.close();
  });

  const statuses = async (calls: number): Promise<number[]> => {
    const seen: number[] = [];
    for (let i = 0; i < calls; i++)
      seen.push((await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1?fields=summary')).status);
    return seen;
  };

  it('answers a share of Jira calls with 429 and a Retry-After header', async () => {
    site.setFaults({ jira429Rate: 1, seed: 7 });
    const response = await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1');
    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(response.headers['x-ratelimit-remaining']).toBe('0');
  });

  it('answers a share of Jira calls with a 5xx', async () => {
    site.setFaults({ jira5xxRate: 1 });
    const [status] = await statuses(1);
    expect([500, 502, 503]).toContain(status);
  });

  it('rolls the same faults again for the same seed', async () => {
    site.setFaults({ jira429Rate: 0.3, jira5xxRate: 0.2, seed: 42 });
    const first = await statuses(30);
    site.setFaults({ jira429Rate: 0.3, jira5xxRate: 0.2, seed: 42 });
    expect(await statuses(30)).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('adds latency to each Jira and storage call', async () => {
    site.setFaults({ jiraLatencyMs: 60, storageLatencyMs: 40 });
    let started = performance.now();
    await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    started = performance.now();
    await callPanel(site, 'kvs', { op: 'get', args: ['anything'] });
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('makes storage calls fail as Forge storage does under load', async () => {
    site.setFaults({ storage429Rate: 1 });
    expect(await callPanel(site, 'kvs', { op: 'get', args: ['anything'] })).toEqual({
      error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', status: 429 },
    });
  });

  it('refuses a rate outside 0..1', () => {
    expect(() => {
      site.setFaults({ jira429Rate: 2 });
    }).toThrow('share of calls');
  });

  it('counts calls by endpoint template until reset', async () => {
    site.resetCallStats();
    await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1');
    await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-2');
    await callPanel(site, 'kvs', { op: 'set', args: ['k', 1] });
    expect(site.callStats()).toEqual({
      jiraCalls: 2,
      storageCalls: 1,
      byEndpoint: { 'GET /rest/api/3/issue/{issueIdOrKey}': 2, 'kvs /api/v1/set': 1 },
    });
    site.resetCallStats();
    expect(site.callStats()).toEqual({ jiraCalls: 0, storageCalls: 0, byEndpoint: {} });
  });

  it('counts the faults it injected, by target and kind', async () => {
    site.resetCallStats();
    site.setFaults({ jira5xxRate: 1, seed: 3 });
    await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1');
    site.setFaults({ storage429Rate: 1 });
    await callPanel(site, 'kvs', { op: 'get', args: ['anything'] });

    const injected = site.callStats().faultsInjected ?? {};
    expect(Object.keys(injected)).toEqual([expect.stringMatching(/^jira 50[023]$/), 'storage 429']);
    expect(Object.values(injected)).toEqual([1, 1]);
  });

  it('answers an injected 429 with a Retry-After no longer than retryAfterMaxSeconds', async () => {
    site.setFaults({ jira429Rate: 1, retryAfterMaxSeconds: 0 });
    const response = await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1');
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('0');
  });

  it('lets crashAfterCalls calls through, then drops every call as a crashed process, until reset', async () => {
    site.setFaults({ crashAfterCalls: 1 });
    expect((await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1')).status).toBe(200);

    await expect(rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1')).rejects.toThrow('crashed');
    await expect(callPanel(site, 'kvs', { op: 'set', args: ['after-crash', 1] })).rejects.toThrow();
    expect(site.storage.get('after-crash')).toBeUndefined();

    site.setFaults({});
    expect((await rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1')).status).toBe(200);
  });

  it('drops a call whose latency was still running when the crash came', async () => {
    site.setFaults({ crashAfterCalls: 1, jiraLatencyMs: 50 });
    const slow = rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-1');
    await expect(rest(site, ADMIN, 'GET', '/rest/api/3/issue/PAY-2')).rejects.toThrow('crashed');
    await expect(slow).rejects.toThrow('crashed');
  });

  it('starts with the faults given when opened, after seeding', async () => {
    const slow = await openFixtureSite({ faults: { jira5xxRate: 1 } });
    expect((await rest(slow, ADMIN, 'GET', '/rest/api/3/issue/PAY-1')).status).toBeGreaterThanOrEqual(500);
    expect(slow.callStats().jiraCalls).toBe(1);
    await slow.close();
  });
});
