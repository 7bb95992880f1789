/**
 * An in-memory `LocalSite` just big enough to drive the host: three demo users, two projects,
 * a handful of issues, the Jira REST calls the host makes, and a few resolvers.
 * It records every call so tests can assert what the host asked for.
 */
import {
  InvokeError,
  type CallStats,
  type DemoUser,
  type InvokeRequest,
  type LocalSite,
  type ProductRequest,
  type ProductResponse,
  type SiteNotification,
} from '../../src';

export const admin: DemoUser = {
  accountId: 'acc-admin',
  displayName: 'Ada Admin',
  role: 'admin',
  description: 'Jira admin: sees and edits everything',
};
export const portfolio: DemoUser = {
  accountId: 'acc-portfolio',
  displayName: 'Pia Portfolio',
  role: 'portfolio',
  description: 'Portfolio manager: sees every project',
};
export const team: DemoUser = {
  accountId: 'acc-team',
  displayName: 'Tom Team',
  role: 'team',
  description: 'Team member: sees and edits the PAY project only',
};

interface FakeIssue {
  id: string;
  key: string;
  summary: string;
  typeId: string;
  project: keyof typeof projects;
  parentKey?: string;
  /** The fixture app's `Fixture score` custom field. */
  score?: number;
}

const projects = {
  PAY: { id: '10000', key: 'PAY', name: 'Payments', projectTypeKey: 'software' },
  OPS: { id: '10001', key: 'OPS', name: 'Operations', projectTypeKey: 'software' },
  BIG: { id: '10002', key: 'BIG', name: 'Big programme', projectTypeKey: 'software' },
};

/** A Forge app's custom field as `GET /rest/api/3/field` lists it, next to a field of Jira's own. */
const scoreField = {
  id: 'customfield_10050',
  key: '11111111-2222-4333-8444-555555555555__DEVELOPMENT__fixture-score',
  name: 'Fixture score',
  custom: true,
  schema: {
    type: 'number',
    custom: 'ari:cloud:ecosystem::extension/11111111-2222-4333-8444-555555555555/env/static/fixture-score',
    customId: 10050,
  },
};
const fieldList = [
  { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
  {
    id: 'customfield_10010',
    name: 'Story points',
    custom: true,
    schema: {
      type: 'number',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
      customId: 10010,
    },
  },
  scoreField,
];

const issueTypes = [
  { id: '1', name: 'Story', hierarchyLevel: 0 },
  { id: '2', name: 'Epic', hierarchyLevel: 1 },
  { id: '3', name: 'Initiative', hierarchyLevel: 2 },
];

export interface FakeSite extends LocalSite {
  readonly invocations: InvokeRequest[];
  readonly jiraRequests: ProductRequest[];
  eventDeliveries: number;
  closed: boolean;
  /** Adds `count` epics BIG-1…BIG-count in a project only the admin and portfolio users can see. */
  addBigProject(count: number): void;
  /** Gives `accountId` an unseen, unread notification that `actor` mentioned them in comment `commentId` on `issueKey`. */
  addMention(
    accountId: string,
    mention: { issueKey: string; commentId: string; actor: DemoUser; excerpt: string },
  ): void;
}

export function createFakeSite(): FakeSite {
  const issues: FakeIssue[] = [
    {
      id: '20001',
      key: 'PAY-1',
      summary: 'Instant payouts',
      typeId: '2',
      project: 'PAY',
      parentKey: 'PAY-3',
      score: 1234.5,
    },
    { id: '20002', key: 'PAY-2', summary: 'Fraud scoring', typeId: '2', project: 'PAY' },
    { id: '20003', key: 'PAY-3', summary: 'Grow merchant revenue', typeId: '3', project: 'PAY' },
    { id: '20004', key: 'PAY-10', summary: 'Refund automation', typeId: '2', project: 'PAY' },
    { id: '20005', key: 'PAY-4', summary: 'Payout button', typeId: '1', project: 'PAY', parentKey: 'PAY-1' },
    { id: '30001', key: 'OPS-1', summary: 'On-call tooling', typeId: '2', project: 'OPS' },
  ];
  const canSee = (accountId: string, issue: FakeIssue): boolean =>
    accountId !== team.accountId || issue.project === 'PAY';
  const json = (status: number, body: unknown): ProductResponse => ({
    status,
    statusText:
      status === 200 ? 'OK' : status === 204 ? 'No Content' : status === 404 ? 'Not Found' : 'Error',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  const toJira = (issue: FakeIssue): unknown => {
    const parent = issues.find((i) => i.key === issue.parentKey);
    return {
      id: issue.id,
      key: issue.key,
      fields: {
        summary: issue.summary,
        issuetype: issueTypes.find((t) => t.id === issue.typeId),
        status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
        project: projects[issue.project],
        [scoreField.id]: issue.score ?? null,
        ...(parent ? { parent: { key: parent.key, fields: { summary: parent.summary } } } : {}),
      },
    };
  };

  /** Each user's notifications, newest first. */
  const notifications = new Map<string, SiteNotification[]>();
  const notificationsOf = (accountId: string): SiteNotification[] => notifications.get(accountId) ?? [];

  const site: FakeSite = {
    users: [admin, portfolio, team],
    notifications: {
      feed: (accountId) => ({
        notifications: notificationsOf(accountId).map((n) => ({ ...n })),
        unseen: notificationsOf(accountId).filter((n) => !n.seen).length,
      }),
      markAllSeen(accountId) {
        for (const notification of notificationsOf(accountId)) notification.seen = true;
      },
      markRead(accountId, id) {
        const notification = notificationsOf(accountId).find((n) => n.id === id);
        if (!notification) return false;
        notification.seen = true;
        notification.read = true;
        return true;
      },
    },
    siteUrl: 'https://fixture-site.atlassian.net',
    cloudId: 'cloud-local',
    invocations: [],
    jiraRequests: [],
    eventDeliveries: 0,
    closed: false,

    // A Rovo action echoes its request; `fail` throws as a failing handler does.
    invokeAction(request) {
      if (request.actionKey === 'fail') {
        return Promise.reject(new InvokeError('Something broke', 'TypeError'));
      }
      return Promise.resolve({ echoed: request });
    },

    // Like the app's resolvers: `<module>/ping` answers, unknown keys throw as @forge/resolver does.
    // `test/echo` returns what it was given; `test/nothing` returns undefined; `test/fail` throws.
    invoke(request) {
      site.invocations.push(request);
      const { functionKey } = request;
      if (functionKey === 'test/fail') return Promise.reject(new InvokeError('Something broke', 'TypeError'));
      if (functionKey === 'test/nothing') return Promise.resolve(undefined);
      if (functionKey === 'test/echo')
        return Promise.resolve({ payload: request.payload ?? null, extension: request.extension ?? null });
      if (/^(panel|gadget|admin)\/ping$/.test(functionKey))
        return Promise.resolve({ ok: true, data: { module: functionKey.split('/')[0] } });
      return Promise.reject(new InvokeError(`Resolver has no definition for '${functionKey}'.`, 'Error'));
    },

    requestJira(request) {
      site.jiraRequests.push(request);
      const { accountId, method } = request;
      const url = new URL(request.path, 'https://jira.invalid');
      if (method === 'GET' && url.pathname === '/rest/api/3/issuetype')
        return Promise.resolve(json(200, issueTypes));
      if (method === 'GET' && url.pathname === '/rest/api/3/field')
        return Promise.resolve(json(200, fieldList));
      if (method === 'GET' && url.pathname === '/rest/api/3/mypermissions') {
        return Promise.resolve(
          json(200, {
            permissions: { ADMINISTER: { key: 'ADMINISTER', havePermission: accountId === admin.accountId } },
          }),
        );
      }
      if (method === 'POST' && url.pathname === '/rest/api/3/search/jql') {
        const body = JSON.parse(request.body ?? '{}') as {
          jql?: string;
          maxResults?: number;
          nextPageToken?: string;
        };
        const ids =
          /issuetype in \(([^)]*)\)/
            .exec(body.jql ?? '')?.[1]
            ?.split(',')
            .map((s) => s.trim()) ?? [];
        const found = issues.filter((i) => ids.includes(i.typeId) && canSee(accountId, i));
        const start = Number(body.nextPageToken ?? '0');
        const end = start + (body.maxResults ?? 50);
        const isLast = end >= found.length;
        return Promise.resolve(
          json(200, {
            issues: found.slice(start, end).map(toJira),
            isLast,
            ...(isLast ? {} : { nextPageToken: String(end) }),
          }),
        );
      }
      const issueMatch = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(url.pathname);
      const issue = issues.find((i) => i.key === issueMatch?.[1] && canSee(accountId, i));
      if (issueMatch && !issue)
        return Promise.resolve(
          json(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] }),
        );
      if (issue && method === 'GET') return Promise.resolve(json(200, toJira(issue)));
      if (issue && method === 'PUT') {
        const body = JSON.parse(request.body ?? '{}') as { fields?: { summary?: string } };
        if (body.fields?.summary) issue.summary = body.fields.summary;
        return Promise.resolve(json(204, undefined));
      }
      return Promise.resolve(
        json(404, { errorMessages: [`The fake site does not know ${method} ${url.pathname}`] }),
      );
    },

    addBigProject(count) {
      for (let n = 1; n <= count; n += 1) {
        const key = `BIG-${String(n)}`;
        issues.push({
          id: String(40000 + n),
          key,
          summary: `Big epic ${String(n)}`,
          typeId: '2',
          project: 'BIG',
        });
      }
    },

    addMention(accountId, { issueKey, commentId, actor, excerpt }) {
      const issue = issues.find((i) => i.key === issueKey);
      if (!issue) throw new Error(`The fake site has no issue ${issueKey}`);
      notifications.set(accountId, [
        {
          id: `mention-${commentId}`,
          kind: 'mention',
          issue: { id: issue.id, key: issue.key, summary: issue.summary },
          commentId,
          actor: { accountId: actor.accountId, displayName: actor.displayName },
          created: '2026-12-06T09:30:00.000+0000',
          excerpt,
          seen: false,
          read: false,
          path: `/browse/${issue.key}?focusedCommentId=${commentId}`,
        },
        ...notificationsOf(accountId),
      ]);
    },

    deliverPendingEvents() {
      site.eventDeliveries += 1;
      return Promise.resolve();
    },
    runScheduledTrigger: () => Promise.resolve(),
    setFaults: () => undefined,
    advanceClock: () => undefined,
    now: () => new Date(),
    callStats: (): CallStats => ({ jiraCalls: site.jiraRequests.length, storageCalls: 0, byEndpoint: {} }),
    resetCallStats: () => undefined,
    close() {
      site.closed = true;
      return Promise.resolve();
    },
  };
  return site;
}
