import type { ResolverError } from '../../../../src/contract/envelope';

/**
 * A planning call that threw instead of answering (the bridge failed), as the error its caller
 * shows for a failed answer: the thrown message, or `fallback` where what was thrown has none.
 */
export function resolverErrorOf(thrown: unknown, fallback: string): ResolverError {
  return { code: 'UPSTREAM', message: thrown instanceof Error ? thrown.message : fallback };
}
