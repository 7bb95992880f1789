import type { ErrorCode, FieldError, ResolverError } from '../contract/envelope';

/** An expected failure of a use case, carried to the envelope as is (code, message, fields). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Extra data the UI needs to recover, e.g. the current record on a conflict. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toResolverError(): ResolverError & { details?: unknown } {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const badRequest = (message: string, fields?: FieldError[]) =>
  new AppError('BAD_REQUEST', message, fields);
