/** The host's JSON endpoints, as the shell calls them. */
import type { NotificationFeed, ProductResponse } from '../../site-api';
import type {
  Dashboard,
  EpicList,
  GadgetInstance,
  HostError,
  IssueDetails,
  JiraProxyRequest,
  SiteInfo,
} from '../api-types';

/** A failed host call; `errorType` is the host's (or the resolver's, for invoke). */
export class HostCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorType: string,
  ) {
    super(message);
    this.name = 'HostCallError';
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HostCallError(
      `The local host answered ${path} with ${response.status} and no JSON.`,
      response.status,
      'HOST_ERROR',
    );
  }
  if (!response.ok) {
    const error = json as Partial<HostError>;
    throw new HostCallError(
      error.errorMessage ?? `HTTP ${response.status}`,
      response.status,
      error.errorType ?? 'HOST_ERROR',
    );
  }
  return json as T;
}

const q = encodeURIComponent;

export const api = {
  site: () => call<SiteInfo>('GET', '/api/site'),
  epics: (accountId: string, query: string) =>
    call<EpicList>('GET', `/api/epics?accountId=${q(accountId)}&query=${q(query)}`),
  issue: (accountId: string, key: string) =>
    call<IssueDetails>('GET', `/api/issues/${q(key)}?accountId=${q(accountId)}`),
  isJiraAdmin: async (accountId: string) =>
    (await call<{ isJiraAdmin: boolean }>('GET', `/api/admin-access?accountId=${q(accountId)}`)).isJiraAdmin,
  notifications: (accountId: string) =>
    call<NotificationFeed>('GET', `/api/notifications?accountId=${q(accountId)}`),
  markNotificationsSeen: (accountId: string) =>
    call<undefined>('POST', `/api/notifications/seen?accountId=${q(accountId)}`),
  markNotificationRead: (accountId: string, id: string) =>
    call<undefined>('POST', `/api/notifications/${q(id)}/read?accountId=${q(accountId)}`),
  jira: (request: JiraProxyRequest) => call<ProductResponse>('POST', '/api/jira', request),
  invoke: (request: {
    moduleKey: string;
    functionKey: string;
    payload?: unknown;
    accountId: string;
    extension: Record<string, unknown>;
  }) => call<unknown>('POST', '/api/invoke', request),
  dashboard: (id: string, accountId: string) =>
    call<Dashboard>('GET', `/api/dashboards/${q(id)}?accountId=${q(accountId)}`),
  addGadget: (dashboardId: string, moduleKey: string, accountId: string) =>
    call<GadgetInstance>('POST', `/api/dashboards/${q(dashboardId)}/gadgets?accountId=${q(accountId)}`, {
      moduleKey,
    }),
  saveGadgetConfiguration: (
    dashboardId: string,
    gadgetId: string,
    configuration: Record<string, unknown>,
    accountId: string,
  ) =>
    call<GadgetInstance>(
      'PUT',
      `/api/dashboards/${q(dashboardId)}/gadgets/${q(gadgetId)}/configuration?accountId=${q(accountId)}`,
      { configuration },
    ),
  removeGadget: (dashboardId: string, gadgetId: string, accountId: string) =>
    call<undefined>(
      'DELETE',
      `/api/dashboards/${q(dashboardId)}/gadgets/${q(gadgetId)}?accountId=${q(accountId)}`,
    ),
};
