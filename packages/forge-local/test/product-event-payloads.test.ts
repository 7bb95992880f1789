/**
 * The emulator's product events against Atlassian's Jira events reference
 * (https://developer.atlassian.com/platform/forge/events-reference/jira/): the same fields, and no
 * others. The app must not lean on a field real Jira leaves out (our events once carried
 * `issuetype.hierarchyLevel`, which Jira's do not).
 */
import type { LocalSiteRuntime } from '../src';
import { ADMIN, appJira, openFixtureSite } from './site-fixtures';

/**
 * The documented sample of `avi:jira:created:issue`, reduced to its shape (values left out).
 * Source: https://developer.atlassian.com/platform/forge/events-reference/jira/ ("Issue created",
 * Example), whose type reference lists the issue's fields: summary, issuetype, creator, created,
 * project, reporter, assignee (a user or null), updated, status.
 */
const DOCUMENTED_CREATED_ISSUE_SAMPLE = {
  eventType: 'avi:jira:created:issue',
  issue: {
    id: '10073',
    key: 'SP-10',
    fields: {
      summary: 'A descriptive title',
      issuetype: {
        self: 'https://example.atlassian.net/rest/api/2/issuetype/10001',
        id: '10001',
        description: 'Functionality or a feature expressed as a user goal.',
        iconUrl:
          'https://example.atlassian.net/secure/viewavatar?size=medium&avatarId=10315&avatarType=issuetype',
        name: 'Story',
        subtask: false,
        avatarId: 10315,
      },
      creator: { accountId: '4ad9aa0c52dc1b420a791d12' },
      created: '2021-01-20T15:58:12.797+1100',
      project: {
        self: 'https://example.atlassian.net/rest/api/2/project/10000',
        id: '10000',
        key: 'SP',
        name: 'Sample Project',
        projectTypeKey: 'software',
        simplified: false,
        avatarUrls: { '48x48': 'u', '24x24': 'u', '16x16': 'u', '32x32': 'u' },
      },
      reporter: { accountId: '4ad9aa0c52dc1b420a791d12' },
      assignee: null,
      updated: '2021-01-20T15:58:12.797+1100',
      status: {},
    },
  },
  atlassianId: '4ad9aa0c52dc1b420a791d12',
  associatedUsers: [{ accountId: '4ad9aa0c52dc1b420a791d12' }],
};

/** A value's shape: objects by their (sorted) keys, everything else by its JSON type. */
type Shape = string | Shape[] | { [key: string]: Shape };
function shapeOf(value: unknown, depth = Infinity): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.slice(0, 1).map((v) => shapeOf(v, depth));
  if (typeof value === 'object') {
    if (depth <= 0) return 'object';
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries.map(([k, v]) => [k, shapeOf(v, depth - 1)]));
  }
  return typeof value;
}

/** The issue shape Jira documents for every issue event; `status` is documented as `any`. */
function documentedIssueShape(): Shape {
  const issue = shapeOf(DOCUMENTED_CREATED_ISSUE_SAMPLE.issue) as { fields: Record<string, Shape> };
  return { ...issue, fields: { ...issue.fields, status: 'object' } };
}

function issueShapeOf(issue: unknown): Shape {
  const shape = shapeOf(issue) as { fields: Record<string, Shape> };
  return { ...shape, fields: { ...shape.fields, status: 'object' } };
}

describe('product event payloads', () => {
  let site: LocalSiteRuntime;

  beforeEach(async () => {
    site = await openFixtureSite();
  });

  afterEach(async () => {
    await site.close();
  });

  /** Payloads as the fixture trigger received them, less `selfGenerated`, which the runtime adds for `filter.ignoreSelf`. */
  const payloads = (): Record<string, unknown>[] =>
    ((site.storage.get('payload-log') as Record<string, unknown>[] | undefined) ?? []).map(
      ({ selfGenerated: _selfGenerated, ...payload }) => payload,
    );

  it('sends avi:jira:created:issue with exactly the fields of the documented sample', async () => {
    site.jiraUi.createIssue(ADMIN, { projectKey: 'PAY', issueType: 'Epic', summary: 'A new epic' });
    await site.deliverPendingEvents();

    const [created] = payloads();
    const { issue, ...rest } = created ?? {};
    const { issue: documentedIssue, ...documentedRest } = DOCUMENTED_CREATED_ISSUE_SAMPLE;
    expect(shapeOf(rest)).toEqual(shapeOf(documentedRest));
    expect(issueShapeOf(issue)).toEqual(issueShapeOf(documentedIssue));
    expect(issueShapeOf(issue)).toEqual(documentedIssueShape());
  });

  it('leaves hierarchyLevel (and the parent) out of the event issue, as real payloads do', async () => {
    const { key } = site.jiraUi.createIssue(ADMIN, {
      projectKey: 'PAY',
      issueType: 'Story',
      summary: 'A story under an epic',
      parentKey: 'PAY-1',
    });
    site.jiraUi.transitionIssue(ADMIN, key, 'In Progress');
    await site.deliverPendingEvents();

    for (const payload of payloads()) {
      const fields = (payload.issue as { fields: Record<string, unknown> }).fields;
      expect(fields.issuetype).not.toHaveProperty('hierarchyLevel');
      expect(fields).not.toHaveProperty('parent');
    }
  });

  it('sends avi:jira:updated:issue and avi:jira:deleted:issue with the documented issue shape', async () => {
    const { key } = site.jiraUi.createIssue(ADMIN, { projectKey: 'PAY', issueType: 'Story', summary: 'S' });
    site.jiraUi.transitionIssue(ADMIN, key, 'In Progress');
    site.jiraUi.deleteIssue(ADMIN, key);
    await site.deliverPendingEvents();

    const [, updated, deleted] = payloads();
    expect(updated?.eventType).toBe('avi:jira:updated:issue');
    expect(issueShapeOf(updated?.issue)).toEqual(documentedIssueShape());
    expect(Object.keys(updated ?? {}).sort()).toEqual(['atlassianId', 'changelog', 'eventType', 'issue']);
    expect(deleted?.eventType).toBe('avi:jira:deleted:issue');
    expect(issueShapeOf(deleted?.issue)).toEqual(documentedIssueShape());
    expect(Object.keys(deleted ?? {}).sort()).toEqual(['atlassianId', 'eventType', 'issue']);
  });

  it('sends the issue property events with the issue and the property key', async () => {
    await appJira(site, {
      as: 'user',
      method: 'PUT',
      path: '/rest/api/3/issue/PAY-1/properties/fixture-record',
      body: { index: { roi: 2 } },
    });
    await appJira(site, {
      as: 'user',
      method: 'DELETE',
      path: '/rest/api/3/issue/PAY-1/properties/fixture-record',
    });
    await site.deliverPendingEvents();

    const [set, deleted] = payloads();
    expect(set).toMatchObject({
      eventType: 'avi:jira:set:issue-property',
      issue: { id: expect.any(String) as unknown, key: 'PAY-1' },
      property: { key: 'fixture-record' },
    });
    expect(deleted).toMatchObject({
      eventType: 'avi:jira:deleted:issue-property',
      issue: { key: 'PAY-1' },
      property: { key: 'fixture-record' },
    });
  });
});
