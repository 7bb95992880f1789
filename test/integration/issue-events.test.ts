/**
 * The app's issue-event trigger fed the payloads real Jira sends
 * (https://developer.atlassian.com/platform/forge/events-reference/jira/): the event's issue type
 * has an id and a name but no hierarchy level, so the app must tell epics apart another way.
 */
import { rollupWhereKey } from '../../src/application/storage-keys';
import type { InvocationRecord } from 'forge-local';
import { openLocalSite, type LocalSiteRuntime } from '../../local-site';
import { ADMIN, call } from './local-site';

function triggerRuns(site: LocalSiteRuntime): InvocationRecord[] {
  return site.invocations().filter((record) => record.functionKey === 'on-issue-event');
}

async function epicTypeId(site: LocalSiteRuntime): Promise<string> {
  const response = await site.requestJira({ accountId: ADMIN, method: 'GET', path: '/rest/api/3/issuetype' });
  const types = JSON.parse(response.body) as { id: string; hierarchyLevel: number }[];
  const epic = types.find((type) => type.hierarchyLevel === 1);
  if (!epic) throw new Error('the demo site has no epic type');
  return epic.id;
}

describe('the issue-event trigger on real Jira payloads', () => {
  let site: LocalSiteRuntime;

  beforeEach(async () => {
    // The value data is not needed: the trigger works from Jira and the settings.
    site = await openLocalSite({ dataDir: null, seed: 'demo', importValues: false, log: () => undefined });
  });

  afterEach(async () => {
    await site.close();
  });

  it('files a new epic from its created event, reading the issue to learn that it is an epic', async () => {
    const { id } = site.jiraUi.createIssue(ADMIN, {
      projectKey: 'PAY',
      issueType: 'Epic',
      summary: 'New epic',
    });

    await site.deliverPendingEvents();

    expect(site.storage.get(rollupWhereKey({ issueId: id }))).toBeDefined();
    // The issue read, the app's field list and the write of the epic's fields.
    expect(triggerRuns(site)).toEqual([expect.objectContaining({ outcome: 'ok', jiraCalls: 3 })]);
  });

  it("pays one issue read for a story's event under the default settings, as on Forge, and files nothing", async () => {
    const { id } = site.jiraUi.createIssue(ADMIN, {
      projectKey: 'PAY',
      issueType: 'Story',
      summary: 'A story',
    });

    await site.deliverPendingEvents();

    expect(site.storage.get(rollupWhereKey({ issueId: id }))).toBeUndefined();
    expect(triggerRuns(site)).toEqual([expect.objectContaining({ outcome: 'ok', jiraCalls: 1 })]);
  });

  it("drops a story's event without reading Jira when the epic issue types are configured", async () => {
    const current = await call<{ settings: Record<string, unknown> }>(site, ADMIN, 'admin/get-settings');
    const saved = await call(site, ADMIN, 'admin/save-settings', {
      settings: { ...current.data?.settings, epicIssueTypeIds: [await epicTypeId(site)] },
    });
    expect(saved.ok).toBe(true);
    await site.deliverPendingEvents();
    site.jiraUi.createIssue(ADMIN, { projectKey: 'PAY', issueType: 'Story', summary: 'A story' });
    const { id: epicId } = site.jiraUi.createIssue(ADMIN, {
      projectKey: 'PAY',
      issueType: 'Epic',
      summary: 'New epic',
    });
    const before = triggerRuns(site).length;

    await site.deliverPendingEvents();

    const [story, epic] = triggerRuns(site).slice(before);
    expect(story).toMatchObject({ outcome: 'ok', jiraCalls: 0 });
    expect(epic).toMatchObject({ outcome: 'ok', jiraCalls: 3 });
    expect(site.storage.get(rollupWhereKey({ issueId: epicId }))).toBeDefined();
  });
});
