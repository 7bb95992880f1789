/**
 * How Forge reports an error thrown by app code: `{errorMessage: err.message, errorType: err.name}`
 * (the shape of `toLambdaError` in `@forge/tunnel`'s invocation utils), which the front end's
 * `invoke()` rejects with.
 */
import { InvokeError } from '../site-api';

export function toInvokeError(thrown: unknown): InvokeError {
  if (thrown instanceof InvokeError) return thrown;
  if (thrown instanceof Error) return new InvokeError(thrown.message, thrown.name);
  const described = typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) as string | undefined);
  return new InvokeError(described ?? String(thrown), 'Error');
}
