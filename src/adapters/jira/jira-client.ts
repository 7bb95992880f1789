import { asApp, asUser, type Route } from '@forge/api';
import { retryingFetch, type FetchOnce, type RetryPolicy } from '../../platform/retrying-fetch';

/** Who a Jira call acts as: the invoking user (their permissions apply) or the app. */
export type JiraActor = 'user' | 'app';

export interface JiraResponse {
  status: number;
  /** The parsed JSON body, or undefined for an empty body. */
  body: unknown;
}

/** Jira REST, reduced to what the adapters need; retries 429 and 5xx (see `retryingFetch`). */
export interface JiraClient {
  request(route: Route, init?: { method?: string; body?: unknown }): Promise<JiraResponse>;
}

/** Raised when Jira keeps failing after the retries, or answers with something unreadable. */
export class JiraUnavailableError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'JiraUnavailableError';
  }
}

export function jiraClient(actor: JiraActor, policy?: Partial<RetryPolicy>): JiraClient {
  const requester = actor === 'user' ? asUser() : asApp();
  const once: FetchOnce<Route> = async (route, init) => {
    const response = await requester.requestJira(route, init);
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      text: () => response.text(),
    };
  };
  const fetch = retryingFetch(once, policy);
  return {
    async request(route, init = {}) {
      const hasBody = init.body !== undefined;
      const response = await fetch(route, {
        method: init.method ?? 'GET',
        headers: { Accept: 'application/json', ...(hasBody ? { 'Content-Type': 'application/json' } : {}) },
        ...(hasBody ? { body: JSON.stringify(init.body) } : {}),
      });
      if (response.status === 429 || response.status >= 500) {
        throw new JiraUnavailableError(
          `Jira did not answer (HTTP ${response.status}) after ${response.attempts} attempts.`,
          response.status,
        );
      }
      const text = await response.text();
      if (text === '') return { status: response.status, body: undefined };
      try {
        return { status: response.status, body: JSON.parse(text) as unknown };
      } catch {
        throw new JiraUnavailableError(
          `Jira sent a response that is not JSON (HTTP ${response.status}).`,
          502,
        );
      }
    },
  };
}
