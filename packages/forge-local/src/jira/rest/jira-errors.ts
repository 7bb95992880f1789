/** Jira's error bodies: `{"errorMessages":[...],"errors":{...}}` (the `ErrorCollection` schema). */
import type { JiraResponse } from './rest-types';

export function errorResponse(
  status: number,
  messages: string[],
  errors: Record<string, string> = {},
): JiraResponse {
  return { status, body: { errorMessages: messages, errors } };
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export function issueNotFound(): JiraResponse {
  return errorResponse(404, [ISSUE_NOT_FOUND]);
}

/** The body could not be read as JSON (Jira answers 400 with the parser's complaint). */
export class BadRequestBody extends Error {}

export function parseJsonBody(raw: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new BadRequestBody(`Unexpected character in JSON request body: ${(error as Error).message}`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
