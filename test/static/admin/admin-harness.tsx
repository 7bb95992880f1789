import { render } from '@testing-library/react';
import type { ObjectiveList, ObjectiveWithUsage, SettingsView } from '../../../src/contract/admin.contract';
import type { Envelope } from '../../../src/contract/envelope';
import { AdminPage } from '../../../static/src/features/admin/admin-page';
import { fakeBridge } from '../fake-bridge';
import { installFetchClasses } from './fetch-classes';

installFetchClasses();

export type Handler = (payload: Record<string, unknown>) => Envelope<unknown> | Promise<Envelope<unknown>>;

/** Answers the admin resolver's keys; a key without a handler fails the test loudly. */
export function answerResolvers(handlers: Record<string, Handler>): {
  payloads: (key: string) => Record<string, unknown>[];
} {
  const seen: { key: string; payload: Record<string, unknown> }[] = [];
  fakeBridge.on('invoke', (request) => {
    const { functionKey, payload } = request as { functionKey: string; payload: Record<string, unknown> };
    seen.push({ key: functionKey, payload });
    const handler = handlers[functionKey];
    if (!handler) throw new Error(`No test answer for ${functionKey}`);
    return handler(payload);
  });
  return { payloads: (key) => seen.filter((call) => call.key === key).map((call) => call.payload) };
}

export interface JiraAnswer {
  status?: number;
  body: unknown;
}

/** Answers `requestJira` calls by path (without the query); unknown paths answer 404. */
export function answerJira(routes: Record<string, (url: URL) => JiraAnswer>): { urls: URL[] } {
  const urls: URL[] = [];
  fakeBridge.on('fetchProduct', (request) => {
    const { restPath } = request as { restPath: string };
    const url = new URL(restPath, 'https://jira.test');
    urls.push(url);
    const route = routes[url.pathname];
    const answer = route ? route(url) : { status: 404, body: { errorMessages: ['not found'] } };
    return {
      status: answer.status ?? 200,
      statusText: '',
      headers: {},
      body: JSON.stringify(answer.body),
      isAttachment: false,
    };
  });
  return { urls };
}

export const ok = <T,>(data: T): Envelope<T> => ({ ok: true, data });

export const USERS = [
  {
    accountId: 'acc-morgan',
    displayName: 'Morgan Reyes',
    emailAddress: 'morgan.reyes@example.com',
    active: true,
    accountType: 'atlassian',
  },
  {
    accountId: 'acc-mei',
    displayName: 'Mei Chen',
    emailAddress: 'mei.chen@example.com',
    active: true,
    accountType: 'atlassian',
  },
];

/** The Jira calls the page makes on its own: issue types and user names. */
export function answerJiraDefaults(): { urls: URL[] } {
  return answerJira({
    '/rest/api/3/issuetype': () => ({
      body: [
        { id: '10000', name: 'Epic', hierarchyLevel: 1 },
        { id: '10005', name: 'Feature', hierarchyLevel: 1 },
        { id: '10001', name: 'Story', hierarchyLevel: 0 },
      ],
    }),
    '/rest/api/3/user/bulk': (url) => ({
      body: { values: USERS.filter((user) => url.searchParams.getAll('accountId').includes(user.accountId)) },
    }),
    '/rest/api/3/user/search': (url) => {
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      return {
        body: USERS.filter((user) =>
          user.displayName
            .toLowerCase()
            .split(' ')
            .some((word) => word.startsWith(query)),
        ),
      };
    },
  });
}

export function settingsView(overrides: Partial<SettingsView['settings']> = {}): SettingsView {
  return {
    settings: {
      currency: 'EUR',
      discountRate: 0.08,
      fiscalYearStartMonth: 1,
      epicIssueTypeIds: null,
      kpiTargets: {},
      verifierGroupId: null,
      approverGroupId: null,
      reviewOffsetsMonths: [3, 6, 12],
      ...overrides,
    },
    epicIssueTypes: [{ id: '10000' }, { id: '10005' }],
    groups: [],
  };
}

export function objective(id: string, overrides: Partial<ObjectiveWithUsage> = {}): ObjectiveWithUsage {
  return {
    id,
    name: `Objective ${id}`,
    status: 'active',
    weight: 5,
    description: '',
    ownerAccountId: null,
    target: null,
    parentId: null,
    linkedEpics: 0,
    figures: {
      status: overrides.status ?? 'active',
      attributedPlanned: 0,
      attributedRealised: 0,
      advanced: false,
    },
    ...overrides,
  };
}

export function objectiveList(objectives: ObjectiveWithUsage[]): ObjectiveList {
  return { asOf: '2026-11', currency: 'EUR', objectives };
}

export function renderAdminPage() {
  return render(<AdminPage />);
}
