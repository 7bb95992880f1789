import type { DomainMessage } from './messages';

/** Thrown when a domain precondition is broken: a bug in the caller, not bad user input. */
export class DomainInvariantError extends Error {
  override readonly name = 'DomainInvariantError';
}

export function assert(condition: boolean, message: DomainMessage): asserts condition {
  if (!condition) {
    throw new DomainInvariantError(message);
  }
}
