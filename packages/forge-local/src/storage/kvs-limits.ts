/**
 * Forge storage limits (developer.atlassian.com/platform/forge/limits-kvs-ce): keys ≤ 500
 * characters matching Forge's key pattern, values ≤ 240 KiB and nested ≤ 31 levels, query pages
 * of 10 by default and 100 at most, batches of 25, transactions of 25 operations on unique keys.
 */
import { KvsError } from './kvs-errors';

export const MAX_KEY_LENGTH = 500;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_DEPTH = 31;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
export const MAX_BATCH_ITEMS = 25;
export const MAX_TRANSACTION_OPS = 25;
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

/** Forge's key pattern: letters, digits, `:`, `.`, `_`, `-`, `#` and whitespace, not only whitespace. */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;

export type KeyKind = 'kvs' | 'entity';

export function checkKey(key: unknown, kind: KeyKind): string {
  if (typeof key !== 'string') throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid');
  if (key.length === 0) {
    throw kind === 'entity'
      ? new KvsError(400, 'EMPTY_KEY', 'Key cannot be empty.')
      : new KvsError(400, 'KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new KvsError(
      400,
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${String(MAX_KEY_LENGTH)} characters.`,
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsError(
      400,
      'INVALID_KEY',
      'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/',
    );
  }
  return key;
}

export function checkEntityName(name: unknown): string {
  if (typeof name !== 'string') throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid');
  if (name.length < 3)
    throw new KvsError(400, 'ENTITY_TYPE_TOO_SHORT', 'The provided key needs to be more than 3 characters.');
  if (name.length > 60)
    throw new KvsError(
      400,
      'ENTITY_TYPE_TOO_LARGE',
      'The provided key has exceeded the maximum 60 characters.',
    );
  if (!ENTITY_NAME_PATTERN.test(name)) {
    throw new KvsError(
      400,
      'INVALID_ENTITY_TYPE',
      'The provided key does not match the regex: /^(?![\\.\\-])(?!.*\\.{2})[a-z0-9:\\-.]*(?<![.])$/ .',
    );
  }
  return name;
}

export function checkValue(value: unknown): void {
  if (value === undefined) throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid');
  if (Buffer.byteLength(JSON.stringify(value)) > MAX_VALUE_BYTES) {
    throw new KvsError(400, 'MAX_SIZE', 'The provided value has exceeded the maximum size limit.');
  }
  if (depthOf(value) > MAX_DEPTH) {
    throw new KvsError(
      400,
      'MAX_DEPTH',
      'The provided value has exceeded the maximum object depth (32) limit.',
    );
  }
}

/** Nesting depth: a scalar is 0, `{a: 1}` and `[1]` are 1. */
export function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

export function checkPageSize(limit: unknown, code: string, message: string): number {
  if (limit === undefined || limit === null) return DEFAULT_PAGE_SIZE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new KvsError(400, code, message);
  }
  return limit;
}
