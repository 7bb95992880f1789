/**
 * Forge custom entities: values checked against the attributes declared in manifest.yml
 * `app.storage.entities`, and index queries (partition, range condition, filters, sort, cursor).
 */
import type { EntityDef, EntityIndex } from '../app/app-manifest';
import {
  checkCondition,
  checkFilterGroup,
  matchesCondition,
  matchesFilters,
  order,
  type Condition,
} from './conditions';
import { KvsError } from './kvs-errors';
import { checkPageSize } from './kvs-limits';
import type { KvsStore, StoredEntry } from './kvs-store';

const BY_KEY: EntityIndex = { name: 'by-key', partition: [], range: ['key'] };

export function entityDef(entities: ReadonlyMap<string, EntityDef>, name: string): EntityDef {
  const def = entities.get(name);
  if (!def) {
    // Emulator-chosen code: Forge rejects entities missing from the deployed manifest.
    throw new KvsError(
      400,
      'INVALID_ENTITY_TYPE',
      `The entity '${name}' is not defined in manifest.yml app.storage.entities.`,
    );
  }
  return def;
}

export function checkEntityValue(def: EntityDef, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KvsError(
      400,
      'INVALID_ENTITY_VALUE',
      'Entity values must match one of the types defined in Custom Entities.',
    );
  }
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = def.attributes.get(attribute);
    const ok =
      type === 'any' ||
      (type === 'string' && typeof attributeValue === 'string') ||
      (type === 'boolean' && typeof attributeValue === 'boolean') ||
      (type === 'float' && typeof attributeValue === 'number' && Number.isFinite(attributeValue)) ||
      (type === 'integer' &&
        Number.isInteger(attributeValue) &&
        Math.abs(attributeValue as number) <= 2_147_483_647);
    if (!ok) {
      throw new KvsError(
        400,
        'INVALID_ENTITY_VALUE',
        `Entity values must match one of the types defined in Custom Entities: attribute '${attribute}' of '${def.name}' ${type === undefined ? 'is not declared' : `must be ${type}`}.`,
      );
    }
  }
}

export interface EntityQueryResult {
  data: Record<string, unknown>[];
  cursor?: string;
}

export function queryEntities(
  kvs: KvsStore,
  def: EntityDef,
  request: Record<string, unknown>,
  render: (key: string, entry: StoredEntry) => Record<string, unknown>,
): EntityQueryResult {
  const indexName = request.indexName;
  if (typeof indexName !== 'string')
    throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid');
  const index = indexName === 'by-key' ? BY_KEY : def.indexes.get(indexName);
  if (!index) {
    throw new KvsError(
      400,
      'INVALID_ENTITY_INDEX',
      `The custom entity index '${indexName}' is not defined for '${def.name}'.`,
    );
  }
  const limit = checkPageSize(
    request.limit,
    'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
    'The page limit must be set between 1 and 100.',
  );
  const partition = Array.isArray(request.partition) ? (request.partition as unknown[]) : [];
  if (partition.length !== index.partition.length) {
    throw new KvsError(
      400,
      'INVALID_PARTITION',
      `The index '${index.name}' needs ${String(index.partition.length)} partition value(s).`,
    );
  }
  const range: Condition | undefined =
    request.range === undefined ? undefined : checkCondition(request.range, true);
  const filters = checkFilterGroup(request.filters);
  const descending = request.sort === 'DESC';
  const rangeAttribute = index.range[0] ?? 'key';

  const attributeOf = (key: string, entry: StoredEntry, attribute: string): unknown =>
    attribute === 'key' ? key : (entry.value as Record<string, unknown>)[attribute];
  const rows = kvs
    .entries({ kind: 'entity', name: def.name })
    .filter(([key, entry]) =>
      index.partition.every((attr, i) => attributeOf(key, entry, attr) === partition[i]),
    )
    .filter(([key, entry]) => index.range.every((attr) => attributeOf(key, entry, attr) !== undefined))
    .filter(
      ([key, entry]) =>
        range === undefined || matchesCondition(attributeOf(key, entry, rangeAttribute), range),
    )
    .filter(([, entry]) => matchesFilters(entry.value, filters))
    .map(([key, entry]) => ({ key, entry, sortValue: attributeOf(key, entry, rangeAttribute) }));
  const compare = (a: { key: string; sortValue: unknown }, b: { key: string; sortValue: unknown }): number =>
    (order(a.sortValue, b.sortValue) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) * (descending ? -1 : 1);
  rows.sort(compare);

  let start = 0;
  if (typeof request.cursor === 'string') {
    const after = decodeCursor(request.cursor);
    start = rows.findIndex((row) => compare(row, after) > 0);
    if (start === -1) start = rows.length;
  }
  const page = rows.slice(start, start + limit);
  const last = page.at(-1);
  const result: EntityQueryResult = { data: page.map((row) => render(row.key, row.entry)) };
  if (last && start + page.length < rows.length) result.cursor = encodeCursor(last.key, last.sortValue);
  return result;
}

function encodeCursor(key: string, sortValue: unknown): string {
  return Buffer.from(JSON.stringify({ k: key, s: sortValue })).toString('base64url');
}

function decodeCursor(cursor: string): { key: string; sortValue: unknown } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      k?: unknown;
      s?: unknown;
    };
    if (typeof parsed.k === 'string') return { key: parsed.k, sortValue: parsed.s };
  } catch {
    // fall through
  }
  throw new KvsError(400, 'INVALID_CURSOR', 'The provided cursor is invalid.');
}
