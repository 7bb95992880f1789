import type Resolver from '@forge/resolver';
import type { z } from 'zod';
import { failure, success, type Envelope, type FieldError, type ResolverError } from '../contract/envelope';
import { toValidationIssues } from '../contract/validation-issue';
import { AppError } from '../application/app-error';
import { JiraUnavailableError } from '../adapters/jira/jira-client';
import { JqlRejectedError } from '../adapters/jira/jira-site.adapter';
import { StorageUnavailableError } from '../adapters/storage/retrying-key-value-store';

/** What a resolver handler receives that can be trusted (see forge-platform.md §6.1). */
export interface TrustedCaller {
  accountId: string;
}

/** Zod issues as field errors, addressed as the UI addresses its fields (`value.benefits[0].title`). */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return toValidationIssues(error.issues).map((issue) => ({ path: issue.path, message: issue.message }));
}

export function toResolverError(error: unknown): ResolverError {
  if (error instanceof AppError) return error.toResolverError();
  if (error instanceof JqlRejectedError)
    return { code: 'BAD_REQUEST', message: error.message, fields: [{ path: 'jql', message: error.message }] };
  if (error instanceof JiraUnavailableError) {
    return { code: 'UPSTREAM', message: `${error.message} Nothing was changed; try again in a moment.` };
  }
  if (error instanceof StorageUnavailableError) {
    return { code: 'UPSTREAM', message: `${error.message} Try again in a minute.` };
  }
  console.error('Unexpected resolver error', error);
  return { code: 'INTERNAL', message: 'Something went wrong on our side. Nothing was changed; try again.' };
}

/**
 * Registers one resolver function in the only shape a resolver may take: parse the payload with
 * zod, require an authenticated caller, run the use case, and answer with the envelope. Nothing
 * is thrown across the bridge.
 */
export function defineResolver<Schema extends z.ZodType, Result>(
  resolver: Resolver,
  key: string,
  schema: Schema,
  handler: (input: z.output<Schema>, caller: TrustedCaller) => Promise<Result>,
): void {
  resolver.define(key, async ({ payload, context }): Promise<Envelope<Result>> => {
    const accountId = (context as { accountId?: unknown }).accountId;
    if (typeof accountId !== 'string' || accountId === '') {
      return failure({ code: 'UNAUTHENTICATED', message: 'Log in to Jira to use Value Layer.' });
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      return failure({
        code: 'BAD_REQUEST',
        message: 'Some fields are not valid.',
        fields: fieldErrorsOf(parsed.error),
      });
    }
    try {
      return success(await handler(parsed.data, { accountId }));
    } catch (error) {
      return failure(toResolverError(error));
    }
  });
}
