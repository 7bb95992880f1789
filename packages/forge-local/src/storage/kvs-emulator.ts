/**
 * Forge storage (KVS, secrets, custom entities) behind the wire protocol `@forge/kvs` 1.6.5 speaks
 * through `__forge_fetch__({type:'kvs'}, path, {method:'POST', body})`: `/api/v1/get|set|delete|query`,
 * `secret/*`, `entity/*`, `batch/*` and `transaction`, with Forge's limits and error codes.
 */
import type { EntityDef } from '../app/app-manifest';
import type { CollectionStore } from '../persistence/collection-store';
import { checkFilterGroup, matchesFilters, type FilterGroup } from './conditions';
import { checkEntityValue, entityDef, queryEntities } from './entity-store';
import { badRequest, KvsError, keyNotFound } from './kvs-errors';
import {
  checkEntityName,
  checkKey,
  checkPageSize,
  checkValue,
  MAX_BATCH_ITEMS,
  MAX_TRANSACTION_BYTES,
  MAX_TRANSACTION_OPS,
} from './kvs-limits';
import type { KvsStore, Namespace, StoredEntry } from './kvs-store';

export interface StorageResponse {
  status: number;
  body?: unknown;
}

type Body = Record<string, unknown>;

const TTL_UNIT_MS: Record<string, number> = {
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

export class KvsEmulator {
  constructor(
    private readonly kvs: KvsStore,
    private readonly entities: ReadonlyMap<string, EntityDef>,
    private readonly store: CollectionStore,
  ) {}

  handle(path: string, rawBody: string | undefined): StorageResponse {
    try {
      let body: unknown;
      try {
        body = rawBody === undefined || rawBody === '' ? undefined : JSON.parse(rawBody);
      } catch {
        throw badRequest();
      }
      return this.store.atomically(() => this.route(path, body));
    } catch (error) {
      if (error instanceof KvsError)
        return { status: error.status, body: { code: error.code, message: error.message } };
      throw error;
    }
  }

  private route(path: string, body: unknown): StorageResponse {
    const op = path.replace(/^\/api\/v1\//, '');
    if (op.startsWith('batch/')) {
      if (!Array.isArray(body)) throw badRequest();
      if (body.length > MAX_BATCH_ITEMS) {
        // Emulator-chosen code: Forge documents the limit (25 items) but not its error code.
        throw new KvsError(
          400,
          'BATCH_SIZE_EXCEEDED',
          `A batch can hold at most ${String(MAX_BATCH_ITEMS)} items.`,
        );
      }
      return this.batch(op, body);
    }
    if (!isBody(body)) throw badRequest();
    switch (op) {
      case 'get':
        return this.get({ kind: 'kvs' }, body);
      case 'set':
        return this.set({ kind: 'kvs' }, body);
      case 'delete':
        return this.delete({ kind: 'kvs' }, body);
      case 'query':
        return this.query(body);
      case 'secret/get':
        return this.get({ kind: 'secret' }, body);
      case 'secret/set':
        return this.set({ kind: 'secret' }, body);
      case 'secret/delete':
        return this.delete({ kind: 'secret' }, body);
      case 'entity/get':
        return this.get(this.entityNamespace(body.entityName), body);
      case 'entity/set':
        return this.set(this.entityNamespace(body.entityName), body);
      case 'entity/delete':
        return this.delete(this.entityNamespace(body.entityName), body);
      case 'entity/query': {
        const def = entityDef(this.entities, checkEntityName(body.entityName));
        return {
          status: 200,
          body: queryEntities(this.kvs, def, body, (key, entry) => this.render(key, entry)),
        };
      }
      case 'transaction':
        return this.transaction(body);
      default:
        return {
          status: 404,
          body: { code: 'NOT_FOUND', message: `The local storage emulator has no endpoint ${path}` },
        };
    }
  }

  private get(ns: Namespace, body: Body): StorageResponse {
    const key = checkKey(body.key, ns.kind === 'entity' ? 'entity' : 'kvs');
    const entry = this.kvs.get(ns, key);
    if (!entry) throw keyNotFound();
    return { status: 200, body: this.render(key, entry) };
  }

  private set(ns: Namespace, body: Body): StorageResponse {
    const key = checkKey(body.key, ns.kind === 'entity' ? 'entity' : 'kvs');
    this.checkStoredValue(ns, body.value);
    const options = isBody(body.options) ? body.options : {};
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && this.kvs.get(ns, key)) {
      // Forge answers 409; the code is the emulator's choice.
      throw new KvsError(409, 'KEY_ALREADY_EXISTS', `The key '${key}' already exists.`);
    }
    const { previous, current } = this.kvs.set(ns, key, body.value, ttlMs(options.ttl));
    if (options.returnValue === 'LATEST') return { status: 200, body: this.render(key, current) };
    if (options.returnValue === 'PREVIOUS')
      return previous ? { status: 200, body: this.render(key, previous) } : { status: 200 };
    return { status: 204 };
  }

  private delete(ns: Namespace, body: Body): StorageResponse {
    const key = checkKey(body.key, ns.kind === 'entity' ? 'entity' : 'kvs');
    this.kvs.delete(ns, key);
    return { status: 204 };
  }

  private query(body: Body): StorageResponse {
    const limit = checkPageSize(
      body.limit,
      'LIST_QUERY_LIMIT_EXCEEDED',
      'Limit for list query should be below 100.',
    );
    let prefix = '';
    if (body.where !== undefined) {
      if (!Array.isArray(body.where) || body.where.length !== 1) {
        throw new KvsError(
          400,
          'QUERY_WHERE_INVALID',
          'KVS queries should contain only a single "where" clause.',
        );
      }
      const where = body.where[0] as Body;
      if (where.property !== 'key') {
        throw new KvsError(
          400,
          'QUERY_WHERE_FIELD_INVALID',
          'The specified field is not supported for filters.',
        );
      }
      if (where.condition !== 'BEGINS_WITH') {
        throw new KvsError(
          400,
          'INVALID_FILTER_CONDITION',
          'The specified condition is not supported for filters.',
        );
      }
      if (!Array.isArray(where.values) || where.values.length !== 1 || typeof where.values[0] !== 'string') {
        throw new KvsError(
          400,
          'INVALID_FILTER_VALUES',
          'The specified number of values are not supported by the given condition.',
        );
      }
      prefix = where.values[0];
    }
    let from = prefix;
    let exclusive: string | null = null;
    if (typeof body.after === 'string') {
      exclusive = Buffer.from(body.after, 'base64url').toString('utf8');
      if (exclusive > from) from = exclusive;
    }
    const data: Record<string, unknown>[] = [];
    let more = false;
    for (const key of this.kvs.keysFrom({ kind: 'kvs' }, from)) {
      if (!key.startsWith(prefix)) break;
      if (key === exclusive) continue;
      const entry = this.kvs.get({ kind: 'kvs' }, key);
      if (!entry) continue;
      if (data.length === limit) {
        more = true;
        break;
      }
      data.push(this.render(key, entry));
    }
    const last = data.at(-1);
    return {
      status: 200,
      body: more && last ? { data, cursor: Buffer.from(String(last.key)).toString('base64url') } : { data },
    };
  }

  private batch(op: string, items: unknown[]): StorageResponse {
    const successfulKeys: Record<string, unknown>[] = [];
    const failedKeys: Record<string, unknown>[] = [];
    for (const raw of items) {
      const item = isBody(raw) ? raw : {};
      const ref = {
        key: item.key,
        ...(item.entityName === undefined ? {} : { entityName: item.entityName }),
      };
      try {
        const ns =
          item.entityName === undefined ? ({ kind: 'kvs' } as const) : this.entityNamespace(item.entityName);
        const key = checkKey(item.key, ns.kind === 'entity' ? 'entity' : 'kvs');
        if (op === 'batch/set') {
          this.checkStoredValue(ns, item.value);
          this.kvs.set(ns, key, item.value, ttlMs(isBody(item.options) ? item.options.ttl : undefined));
          successfulKeys.push(ref);
        } else if (op === 'batch/get') {
          const entry = this.kvs.get(ns, key);
          if (!entry) throw new KvsError(404, 'KEY_NOT_FOUND', 'Key does not exist');
          successfulKeys.push({ ...ref, ...this.render(key, entry) });
        } else if (op === 'batch/delete') {
          if (!this.kvs.delete(ns, key)) throw new KvsError(404, 'KEY_NOT_FOUND', 'Key does not exist');
          successfulKeys.push(ref);
        } else {
          return {
            status: 404,
            body: { code: 'NOT_FOUND', message: `The local storage emulator has no endpoint /api/v1/${op}` },
          };
        }
      } catch (error) {
        if (!(error instanceof KvsError)) throw error;
        failedKeys.push({ ...ref, error: { code: error.code, message: error.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  /** All or nothing: every condition is checked before anything is written. */
  private transaction(body: Body): StorageResponse {
    if (Buffer.byteLength(JSON.stringify(body)) > MAX_TRANSACTION_BYTES) {
      throw new KvsError(400, 'MAX_SIZE', 'The transaction exceeds the 4 MB limit.');
    }
    const list = (name: string): Body[] => {
      const value = body[name];
      if (value === undefined) return [];
      if (!Array.isArray(value) || !value.every(isBody)) throw badRequest();
      return value;
    };
    const sets = list('set');
    const deletes = list('delete');
    const checks = list('check');
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw badRequest();
    if (total > MAX_TRANSACTION_OPS) {
      throw new KvsError(
        400,
        'TOO_MANY_OPERATIONS',
        `A transaction can hold at most ${String(MAX_TRANSACTION_OPS)} operations.`,
      );
    }
    const seen = new Set<string>();
    const prepared: {
      kind: 'set' | 'delete' | 'check';
      ns: Namespace;
      key: string;
      value?: unknown;
      ttl?: number;
      conditions?: FilterGroup;
    }[] = [];
    for (const [kind, ops] of [
      ['set', sets],
      ['delete', deletes],
      ['check', checks],
    ] as const) {
      for (const op of ops) {
        const ns =
          op.entityName === undefined ? ({ kind: 'kvs' } as const) : this.entityNamespace(op.entityName);
        if (kind === 'check' && ns.kind !== 'entity') throw badRequest();
        const key = checkKey(op.key, ns.kind === 'entity' ? 'entity' : 'kvs');
        const id = `${ns.kind === 'entity' ? ns.name : ''}\u0000${key}`;
        if (seen.has(id)) {
          throw new KvsError(
            400,
            'DUPLICATE_KEYS',
            `Each key may appear only once in a transaction; '${key}' appears twice.`,
          );
        }
        seen.add(id);
        const conditions = checkFilterGroup(op.conditions);
        if (conditions && ns.kind !== 'entity') throw badRequest();
        if (kind === 'set') this.checkStoredValue(ns, op.value);
        prepared.push({
          kind,
          ns,
          key,
          value: op.value,
          ttl: ttlMs(isBody(op.options) ? op.options.ttl : undefined),
          conditions,
        });
      }
    }
    for (const op of prepared) {
      if (!op.conditions) continue;
      const current = this.kvs.get(op.ns, op.key);
      if (!current || !matchesFilters(current.value, op.conditions)) {
        // Forge cancels the whole transaction; the code is the emulator's choice.
        throw new KvsError(
          409,
          'CONDITION_FAILED',
          `The transaction was cancelled: the conditions on '${op.key}' do not hold.`,
        );
      }
    }
    for (const op of prepared) {
      if (op.kind === 'set') this.kvs.set(op.ns, op.key, op.value, op.ttl);
      else if (op.kind === 'delete') this.kvs.delete(op.ns, op.key);
    }
    return { status: 204 };
  }

  private entityNamespace(name: unknown): Namespace {
    const checked = checkEntityName(name);
    entityDef(this.entities, checked);
    return { kind: 'entity', name: checked };
  }

  private checkStoredValue(ns: Namespace, value: unknown): void {
    checkValue(value);
    if (ns.kind === 'entity') checkEntityValue(entityDef(this.entities, ns.name), value);
  }

  private render(key: string, entry: StoredEntry): Record<string, unknown> {
    return {
      key,
      value: entry.value,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      ...(entry.expireAt === undefined ? {} : { expireTime: new Date(entry.expireAt).toISOString() }),
    };
  }
}

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ttlMs(ttl: unknown): number | undefined {
  if (!isBody(ttl)) return undefined;
  const unit = TTL_UNIT_MS[String(ttl.unit)];
  if (typeof ttl.value !== 'number' || ttl.value <= 0 || unit === undefined) {
    throw new KvsError(
      400,
      'INVALID_TTL',
      'ttl needs a positive value and a unit of SECONDS, MINUTES, HOURS or DAYS.',
    );
  }
  return ttl.value * unit;
}
