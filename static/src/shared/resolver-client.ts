import { invoke } from '@forge/bridge';
import type { Envelope } from '../../../src/contract/envelope';

/**
 * Calls a resolver of this module and always resolves to the envelope: a resolver that throws,
 * or a bridge that fails, becomes `{ ok: false }` with a message the screen can show.
 */
export async function callResolver<T>(functionKey: string, payload: object = {}): Promise<Envelope<T>> {
  try {
    // Without metadata requested, invoke resolves to the resolver's return value itself.
    return (await invoke<object, Envelope<T>>(functionKey, payload)) as Envelope<T>;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `Value Layer could not reach its server (${detail}). Try again in a moment.`,
      },
    };
  }
}
