import { InvokeError } from '../src';
import type { LocalSiteRuntime } from '../src';
import { ADMIN, appJira, callPanel, openFixtureSite, PORTFOLIO, TEAM } from './site-fixtures';

describe('the back-end runtime', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openFixtureSite({ resolverTimeoutMs: 300 });
  });

  afterAll(async () => {
    await site.close();
  });

  describe('invoke', () => {
    it('calls the module resolver with the user as principal, as Forge does', async () => {
      const answer = await site.invoke({
        moduleKey: 'fixture-panel',
        functionKey: 'whoami',
        accountId: TEAM,
        extension: { issue: { key: 'CHK-1' } },
      });
      expect(answer).toEqual({
        accountId: TEAM,
        installContext: `ari:cloud:jira::site/${site.cloudId}`,
        moduleKeyFromContext: 'fixture-panel',
        extension: { issue: { key: 'CHK-1' }, type: 'jira:issuePanel' },
        moduleKey: 'fixture-panel',
        aaid: TEAM,
      });
    });

    it('rejects with InvokeError carrying the error name when the resolver throws', async () => {
      const failure = callPanel(site, 'throw', {});
      await expect(failure).rejects.toBeInstanceOf(InvokeError);
      await expect(failure).rejects.toMatchObject({
        message: 'the fixture resolver failed',
        errorType: 'TypeError',
      });
    });

    it("rejects with @forge/resolver's message when the function key is not defined", async () => {
      await expect(callPanel(site, 'no-such-key', {})).rejects.toMatchObject({
        message: "Resolver has no definition for 'no-such-key'.",
        errorType: 'Error',
      });
    });

    it('rejects when the module has no resolver in the manifest', async () => {
      await expect(
        site.invoke({ moduleKey: 'no-such-module', functionKey: 'whoami', accountId: ADMIN }),
      ).rejects.toMatchObject({ errorType: 'MODULE_NOT_FOUND' });
    });

    it('resolves to undefined when the resolver returns nothing', async () => {
      await expect(callPanel(site, 'return-undefined', {})).resolves.toBeUndefined();
    });

    it('rejects a payload over the bridge limit of 500 KB', async () => {
      await expect(callPanel(site, 'whoami', { blob: 'x'.repeat(520 * 1024) })).rejects.toMatchObject({
        errorType: 'PAYLOAD_TOO_LARGE',
      });
    });

    it('times out a resolver that runs past the limit, as FUNCTION_TIME_OUT', async () => {
      await expect(callPanel(site, 'echo-after', { ms: 1000 })).rejects.toMatchObject({
        errorType: 'FUNCTION_TIME_OUT',
      });
      expect(site.invocations().at(-1)).toMatchObject({ resolverKey: 'echo-after', outcome: 'timeout' });
    });

    it('keeps concurrent invocations apart: each sees its own user and module', async () => {
      const calls = [ADMIN, PORTFOLIO, TEAM, ADMIN, TEAM].map((accountId, i) =>
        callPanel(site, 'echo-after', { ms: 40 - i * 8 }, accountId).then((answer) => ({
          accountId,
          answer,
        })),
      );
      for (const { accountId, answer } of await Promise.all(calls)) {
        expect(answer).toEqual({ accountId, aaid: accountId, moduleKey: 'fixture-panel' });
      }
    });

    it('records wall and CPU time and the calls of each invocation', async () => {
      await appJira(site, { as: 'user', path: '/rest/api/3/issue/PAY-1' });
      const record = site.invocations().at(-1);
      expect(record).toMatchObject({
        kind: 'resolver',
        moduleKey: 'fixture-panel',
        resolverKey: 'jira',
        jiraCalls: 1,
        outcome: 'ok',
      });
      expect(record?.wallMs).toBeGreaterThan(0);
      expect(record?.cpuMs).toBeGreaterThanOrEqual(0);
    });

    it('counts sequential round trips as waves of calls: calls made side by side are one wave', async () => {
      // Latency keeps the two parallel reads in flight together, as they are on Forge.
      site.setFaults({ storageLatencyMs: 20, jiraLatencyMs: 20 });
      try {
        await expect(callPanel(site, 'two-waves', {})).resolves.toEqual({ status: 200 });
      } finally {
        site.setFaults({});
      }
      expect(site.invocations().at(-1)).toMatchObject({
        resolverKey: 'two-waves',
        storageCalls: 2,
        jiraCalls: 1,
        sequentialRoundTrips: 2,
      });
    });
  });

  describe('asUser and asApp', () => {
    it('asUser() acts as the invoking user: a team member cannot see another project', async () => {
      const asTeam = await appJira(site, { as: 'user', path: '/rest/api/3/issue/PAY-1' }, TEAM);
      expect(asTeam.status).toBe(404);
    });

    it('asApp() acts as the app, which sees every project', async () => {
      const asApp = await appJira(site, { as: 'app', path: '/rest/api/3/issue/PAY-1' }, TEAM);
      expect(asApp.status).toBe(200);
      expect(asApp.body.key).toBe('PAY-1');
    });

    it('fails asUser() with a Forge proxy error where no user invoked (a scheduled run and its events)', async () => {
      await site.runScheduledTrigger('nightly');
      expect(site.storage.get('probe-4')).toEqual({
        failed: true,
        name: 'PROXY_ERR',
        message: 'Forge platform failed to process runtime HTTP request - 401 - NO_USER_CONTEXT',
      });
    });

    it('refuses @forge/api calls made outside any invocation, as app code never runs outside one on Forge', async () => {
      const forgeFetch = (
        globalThis as unknown as { __forge_fetch__: (o: unknown, p: string) => Promise<Response> }
      ).__forge_fetch__;
      await expect(forgeFetch({ type: 'kvs' }, '/api/v1/get')).rejects.toThrow(
        'outside any Forge invocation',
      );
    });
  });

  describe('the async event queue', () => {
    it('delivers Queue.push events to the consumer after the pushing invocation, each in its own invocation', async () => {
      const { jobId } = (await callPanel(site, 'push', { events: [{ n: 11 }, { n: 12 }] }, PORTFOLIO)) as {
        jobId: string;
      };
      expect(site.storage.get('work-11')).toBeUndefined();
      expect(site.pendingEventCount()).toBe(2);

      await site.deliverPendingEvents();

      const pusher = site.storage.get('pushed-by-invocation');
      const first = site.storage.get('work-11') as Record<string, unknown>;
      const second = site.storage.get('work-12') as Record<string, unknown>;
      expect(first).toMatchObject({
        jobId,
        queueName: 'fixture-work',
        attempt: 0,
        principal: PORTFOLIO,
        pushedBy: pusher,
      });
      expect(first.invocationId).not.toBe(pusher);
      expect(first.invocationId).not.toBe(second.invocationId);
    });

    it('retries an event whose consumer returns InvocationError, with a retryContext', async () => {
      const { jobId } = (await callPanel(site, 'push', { events: [{ n: 21, failTimes: 2 }] })) as {
        jobId: string;
      };
      await site.deliverPendingEvents();
      expect(site.storage.get('work-21')).toMatchObject({ attempt: 2 });
      await expect(callPanel(site, 'job-stats', { jobId })).resolves.toEqual({
        success: 1,
        inProgress: 0,
        failed: 0,
      });
    });

    it('still delivers events pushed by an invocation that failed afterwards', async () => {
      await expect(callPanel(site, 'push-then-throw', {})).rejects.toBeInstanceOf(InvokeError);
      await site.deliverPendingEvents();
      expect(site.storage.get('work-99')).toMatchObject({ attempt: 0 });
    });

    it('runs a scheduled trigger and drains the events it pushes', async () => {
      await site.runScheduledTrigger('nightly');
      expect(site.storage.get('nightly-ran')).toEqual({ cloudId: site.cloudId, moduleKey: 'nightly' });
      for (const n of [1, 2, 3, 4])
        expect(site.storage.get(`work-${String(n)}`)).toMatchObject({ principal: null });
      expect(site.pendingEventCount()).toBe(0);
    });

    it('refuses an unknown scheduled trigger', async () => {
      await expect(site.runScheduledTrigger('weekly')).rejects.toThrow(
        "manifest.yml has no scheduledTrigger 'weekly'",
      );
    });
  });
});

describe('product event triggers', () => {
  let site: LocalSiteRuntime;

  beforeEach(async () => {
    site = await openFixtureSite();
  });

  afterEach(async () => {
    await site.close();
  });

  const triggerLog = (): Record<string, unknown>[] =>
    (site.storage.get('trigger-log') as Record<string, unknown>[] | undefined) ?? [];

  it('delivers events of changes made in Jira by people, with the user and changelog', async () => {
    site.jiraUi.transitionIssue(TEAM, 'CHK-1', 'In Review'); // epics are never In Review in the seed
    expect(triggerLog()).toEqual([]);
    await site.deliverPendingEvents();
    expect(triggerLog()).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:updated:issue',
        key: 'CHK-1',
        atlassianId: TEAM,
        selfGenerated: false,
        installContext: `ari:cloud:jira::site/${site.cloudId}`,
        moduleKey: 'own-events-ignored',
        changelog: expect.objectContaining({
          items: [expect.objectContaining({ field: 'status', fieldId: 'status', toString: 'In Review' })],
        }) as unknown,
      }),
    ]);
  });

  it('leaves out events of the app own calls when the trigger sets ignoreSelf', async () => {
    const edit = await appJira(site, {
      as: 'app',
      method: 'PUT',
      path: '/rest/api/3/issue/PAY-1',
      body: { fields: { summary: 'Renamed by the app' } },
    });
    expect(edit.status).toBe(204);
    await site.deliverPendingEvents();
    expect(triggerLog()).toEqual([]);
  });

  it('raises created, parent-change, move and delete events for UI actions', async () => {
    const created = site.jiraUi.createIssue(ADMIN, {
      projectKey: 'PAY',
      issueType: 'Story',
      summary: 'A new story',
      parentKey: 'PAY-1',
    });
    site.jiraUi.changeParent(ADMIN, created.key, 'PAY-2');
    const newKey = site.jiraUi.moveIssue(ADMIN, created.key, 'CHK');
    site.jiraUi.deleteIssue(ADMIN, newKey);
    await site.deliverPendingEvents();

    const log = triggerLog();
    expect(log.map((e) => e.eventType)).toEqual([
      'avi:jira:created:issue',
      'avi:jira:updated:issue',
      'avi:jira:updated:issue',
      'avi:jira:deleted:issue',
    ]);
    expect(log[1]?.changelog).toMatchObject({
      items: [{ field: 'IssueParentAssociation', fromString: 'PAY-1', toString: 'PAY-2' }],
    });
    expect(log[2]?.changelog).toMatchObject({
      items: [
        { field: 'project', fieldId: 'project', toString: 'Checkout' },
        { field: 'Key', fieldId: 'issuekey', fromString: created.key, toString: newKey },
      ],
    });
  });

  it('raises avi:jira:set:issue-property, not avi:jira:updated:issue, when a property is set', async () => {
    const put = await appJira(
      site,
      {
        as: 'user',
        method: 'PUT',
        path: '/rest/api/3/issue/PAY-1/properties/fixture-record',
        body: { index: { roi: 2 } },
      },
      PORTFOLIO,
    );
    expect(put.status).toBe(201);
    await site.deliverPendingEvents();
    expect(triggerLog()).toEqual([]);
    expect(site.storage.get('property-log')).toEqual([
      {
        eventType: 'avi:jira:set:issue-property',
        property: { key: 'fixture-record', value: { index: { roi: 2 } } },
        selfGenerated: true,
      },
    ]);
  });

  it('refuses a UI action the user has no permission for', () => {
    expect(() => {
      site.jiraUi.transitionIssue(TEAM, 'PAY-1', 'Done');
    }).toThrow('does not exist or');
  });
});
