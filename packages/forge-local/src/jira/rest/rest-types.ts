/** The Jira REST emulator's request and response, independent of how the call arrived. */
import type { Caller } from '../permissions';

export interface JiraRequest {
  method: string;
  /** Path without the query, e.g. `/rest/api/3/issue/PAY-12`. */
  path: string;
  query: URLSearchParams;
  /** The raw body as sent, if any. */
  rawBody: string | undefined;
  caller: Caller;
  /** The call came from the app (its back end or its Custom UI), so its writes are "self" events. */
  selfGenerated: boolean;
}

export interface JiraResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteParams = Record<string, string>;

export type RouteHandler = (request: JiraRequest, params: RouteParams) => JiraResponse;
