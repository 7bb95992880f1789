/**
 * Forge storage errors: a non-2xx status with `{code, message}`, which `@forge/kvs` turns into a
 * `ForgeKvsAPIError`. Codes and messages follow Forge's "Error handling" pages for the Key-Value
 * Store and the Custom Entity Store; where Forge documents no code, the emulator's is marked below.
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }
}

export const badRequest = (): KvsError =>
  new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid');
export const keyNotFound = (): KvsError => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
