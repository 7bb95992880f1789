import type { LocalSiteRuntime } from '../src';
import { callPanel, openFixtureSite } from './site-fixtures';

interface KvsAnswer {
  result?: unknown;
  error?: { code: string; message: string; status: number };
}

describe('Forge storage through @forge/kvs', () => {
  let site: LocalSiteRuntime;
  const kvs = (op: string, ...args: unknown[]): Promise<KvsAnswer> =>
    callPanel(site, 'kvs', { op, args }) as Promise<KvsAnswer>;

  beforeEach(async () => {
    site = await openFixtureSite();
  });

  afterEach(async () => {
    await site.close();
  });

  describe('keys and values', () => {
    it('stores and reads back a value, with metadata when asked', async () => {
      await kvs('set', 'settings', { currency: 'EUR' });
      expect(await kvs('get', 'settings')).toEqual({ result: { currency: 'EUR' } });
      const withMeta = (await kvs('get', 'settings', { metadataFields: ['CREATED_AT', 'UPDATED_AT'] }))
        .result as Record<string, unknown>;
      expect(withMeta).toMatchObject({ key: 'settings', value: { currency: 'EUR' } });
      expect(typeof withMeta.createdAt).toBe('number');
    });

    it('answers undefined for a missing key, as Forge answers KEY_NOT_FOUND', async () => {
      expect(await kvs('get', 'missing')).toEqual({ result: null });
    });

    it('refuses a key longer than 500 characters with KEY_TOO_LONG', async () => {
      expect((await kvs('set', 'k'.repeat(501), 1)).error).toMatchObject({
        code: 'KEY_TOO_LONG',
        status: 400,
      });
    });

    it('refuses a key outside the allowed characters with INVALID_KEY', async () => {
      expect((await kvs('set', 'epic/PAY-1', 1)).error).toMatchObject({ code: 'INVALID_KEY', status: 400 });
    });

    it('accepts a key of letters, digits and :._-# with spaces', async () => {
      expect(await kvs('set', 'epic:PAY-1 #2_a.b', 1)).toEqual({ result: null });
    });

    it('refuses a value over 240 KiB with MAX_SIZE', async () => {
      expect((await kvs('set', 'big', 'x'.repeat(240 * 1024))).error).toMatchObject({ code: 'MAX_SIZE' });
    });

    it('refuses a value nested deeper than 31 levels with MAX_DEPTH', async () => {
      let deep: unknown = 1;
      for (let i = 0; i < 32; i++) deep = { d: deep };
      expect((await kvs('set', 'deep', deep)).error).toMatchObject({ code: 'MAX_DEPTH' });
      let ok: unknown = 1;
      for (let i = 0; i < 31; i++) ok = { d: ok };
      expect(await kvs('set', 'ok', ok)).toEqual({ result: null });
    });

    it('answers 409 when FAIL_IF_EXISTS meets an existing key', async () => {
      await kvs('set', 'lock', 1);
      expect((await kvs('set', 'lock', 2, { keyPolicy: 'FAIL_IF_EXISTS' })).error).toMatchObject({
        status: 409,
      });
    });

    it('returns the previous value when asked to', async () => {
      await kvs('set', 'counter', 1);
      expect(
        (await kvs('set', 'counter', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).result,
      ).toMatchObject({
        key: 'counter',
        value: 1,
      });
    });

    it('keeps secrets apart from plain keys', async () => {
      await kvs('setSecret', 'token', 's3cret');
      expect(await kvs('get', 'token')).toEqual({ result: null });
      expect(await kvs('getSecret', 'token')).toEqual({ result: 's3cret' });
    });
  });

  describe('query', () => {
    beforeEach(async () => {
      for (let i = 0; i < 25; i++) await kvs('set', `epic:${String(i).padStart(2, '0')}`, i);
      await kvs('set', 'other', 0);
    });

    it('pages by 10 by default, in key order, with a cursor until the last page', async () => {
      const first = (await kvs('query', 'epic:')).result as {
        results: { key: string }[];
        nextCursor?: string;
      };
      expect(first.results.map((r) => r.key)).toEqual(
        Array.from({ length: 10 }, (_, i) => `epic:${String(i).padStart(2, '0')}`),
      );
      const keys = [...first.results.map((r) => r.key)];
      let cursor = first.nextCursor;
      while (cursor !== undefined) {
        const page = (await kvs('query', 'epic:', undefined, cursor)).result as {
          results: { key: string }[];
          nextCursor?: string;
        };
        keys.push(...page.results.map((r) => r.key));
        cursor = page.nextCursor;
      }
      expect(keys).toHaveLength(25);
      expect(new Set(keys).size).toBe(25);
    });

    it('refuses a page size over 100 with LIST_QUERY_LIMIT_EXCEEDED', async () => {
      expect((await kvs('query', 'epic:', 101)).error).toMatchObject({ code: 'LIST_QUERY_LIMIT_EXCEEDED' });
    });
  });

  describe('batches and transactions', () => {
    it('reports per-key failures of a batch', async () => {
      const answer = (
        await kvs('batchSet', [
          { key: 'a', value: 1 },
          { key: 'bad/key', value: 2 },
        ])
      ).result as { successfulKeys: unknown[]; failedKeys: { key: string; error: { code: string } }[] };
      expect(answer.successfulKeys).toEqual([{ key: 'a' }]);
      expect(answer.failedKeys).toEqual([
        { key: 'bad/key', error: expect.objectContaining({ code: 'INVALID_KEY' }) as unknown },
      ]);
    });

    it('reports missing keys of a batch get as KEY_NOT_FOUND', async () => {
      await kvs('set', 'a', 1);
      const answer = (await kvs('batchGet', [{ key: 'a' }, { key: 'b' }])).result as {
        successfulKeys: unknown[];
        failedKeys: unknown[];
      };
      expect(answer.successfulKeys).toEqual([expect.objectContaining({ key: 'a', value: 1 })]);
      expect(answer.failedKeys).toEqual([
        { key: 'b', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } },
      ]);
    });

    it('refuses a batch of more than 25 items', async () => {
      const items = Array.from({ length: 26 }, (_, i) => ({ key: `k${String(i)}`, value: i }));
      expect((await kvs('batchSet', items)).error).toMatchObject({ status: 400 });
    });

    it('applies a transaction as a whole', async () => {
      await kvs('set', 'old', 1);
      await kvs('transact', {
        set: [
          ['x', 1],
          ['y', 2],
        ],
        delete: ['old'],
      });
      expect([
        (await kvs('get', 'x')).result,
        (await kvs('get', 'y')).result,
        (await kvs('get', 'old')).result,
      ]).toEqual([1, 2, null]);
    });

    it('refuses a transaction that names a key twice, and writes nothing', async () => {
      const answer = await kvs('transact', {
        set: [
          ['x', 1],
          ['x', 2],
        ],
      });
      expect(answer.error).toMatchObject({ status: 400 });
      expect((await kvs('get', 'x')).result).toBeNull();
    });

    it('refuses a transaction of more than 25 operations', async () => {
      const sets = Array.from({ length: 26 }, (_, i) => [`t${String(i)}`, i]);
      expect((await kvs('transact', { set: sets })).error).toMatchObject({ status: 400 });
    });
  });

  describe('custom entities', () => {
    it('queries an index by partition, sorted by its range', async () => {
      await kvs('entitySet', 'objective', 'o1', { name: 'Grow', status: 'active', weight: 5 });
      await kvs('entitySet', 'objective', 'o2', { name: 'Save', status: 'active', weight: 9 });
      await kvs('entitySet', 'objective', 'o3', { name: 'Old', status: 'archived', weight: 7 });
      const answer = (await kvs('entityQuery', 'objective', 'by-status-weight', ['active'], 'DESC'))
        .result as {
        results: { key: string }[];
      };
      expect(answer.results.map((r) => r.key)).toEqual(['o2', 'o1']);
    });

    it('refuses a value whose attribute has the wrong type with INVALID_ENTITY_VALUE', async () => {
      expect((await kvs('entitySet', 'objective', 'o1', { weight: 'heavy' })).error).toMatchObject({
        code: 'INVALID_ENTITY_VALUE',
      });
    });

    it('refuses an entity the manifest does not declare', async () => {
      expect((await kvs('entitySet', 'unknown-entity', 'o1', {})).error).toMatchObject({ status: 400 });
    });
  });
});
