import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteSeed } from '../src';
import { CollectionStore } from '../src/persistence/collection-store';
import { ADMIN, bodyOf, callPanel, fixtureSeed, openFixtureSite, rest } from './site-fixtures';

describe('CollectionStore on disk', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'forge-local-store-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const journalFile = (): string => {
    const file = readdirSync(dir).find((f) => f.startsWith('journal.'));
    if (!file) throw new Error('no journal');
    return join(dir, file);
  };

  it('reads back what was written before close', () => {
    const store = CollectionStore.open(dir);
    store.collection<number>('numbers').put('a', 1);
    store.collection<number>('numbers').put('b', 2);
    store.collection<number>('numbers').delete('a');
    store.close();

    const reopened = CollectionStore.open(dir);
    expect([...reopened.collection<number>('numbers').entries()]).toEqual([['b', 2]]);
    reopened.close();
  });

  it('recovers every whole journal line after a kill, dropping only a torn last line', () => {
    const store = CollectionStore.open(dir);
    store.checkpoint();
    store.collection<string>('notes').put('kept', 'yes');
    // Simulate a process killed mid-write: half a line at the end of the journal, no close().
    appendFileSync(journalFile(), '{"c":"notes","i":"torn","v":"hal');
    const lock = join(dir, 'site.lock');
    writeFileSync(lock, JSON.stringify({ pid: 999_999_999 }));

    const recovered = CollectionStore.open(dir);
    expect([...recovered.collection<string>('notes').entries()]).toEqual([['kept', 'yes']]);
    recovered.collection<string>('notes').put('after', 'ok');
    recovered.close();
    const again = CollectionStore.open(dir);
    expect(again.collection<string>('notes').get('after')).toBe('ok');
    again.close();
  });

  it('applies a group written atomically all together or, if torn, not at all', () => {
    const store = CollectionStore.open(dir);
    store.checkpoint();
    const items = store.collection<number>('items');
    store.atomically(() => {
      items.put('x', 1);
      items.put('y', 2);
    });
    const text = readFileSync(journalFile(), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(1);
    // Cut the grouped line in half, as a kill during the write would.
    writeFileSync(journalFile(), text.slice(0, Math.floor(text.length / 2)));
    writeFileSync(join(dir, 'site.lock'), JSON.stringify({ pid: 999_999_999 }));

    const recovered = CollectionStore.open(dir);
    expect(recovered.collection<number>('items').size).toBe(0);
    recovered.close();
  });

  it('rewrites only the shards that changed at a checkpoint', () => {
    const store = CollectionStore.open(dir);
    const records = store.collection<number>('records', { buckets: 8 });
    for (let i = 0; i < 200; i++) records.put(`r${String(i)}`, i);
    store.checkpoint();
    const before = new Set(readdirSync(join(dir, 'shards')));
    records.put('r7', 700);
    store.checkpoint();
    const after = new Set(readdirSync(join(dir, 'shards')));
    const rewritten = [...after].filter((f) => !before.has(f));
    expect(rewritten).toHaveLength(1);
    expect(after.size).toBe(before.size);
    store.close();
  });

  it('ignores shard files a checkpoint left behind when killed before it completed', () => {
    const store = CollectionStore.open(dir);
    store.collection<number>('records').put('a', 1);
    store.close();
    writeFileSync(join(dir, 'shards', 'records.3.g99.json'), '{"zombie":1}');
    const reopened = CollectionStore.open(dir);
    expect([...reopened.collection<number>('records').entries()].map(([key]) => key)).toEqual(['a']);
    expect(existsSync(join(dir, 'shards', 'records.3.g99.json'))).toBe(false);
    reopened.close();
  });

  it('refuses to open a data folder another live process holds', () => {
    const store = CollectionStore.open(dir);
    expect(() => CollectionStore.open(dir)).toThrow('is already open');
    store.close();
  });

  it('keeps itself out of git with a .gitignore', () => {
    CollectionStore.open(dir).close();
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('*\n');
  });
});

describe('a persisted site', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'forge-local-site-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps Jira data and Forge storage across restarts, and seeds only once', async () => {
    const log: string[] = [];
    const first = await openFixtureSite({ dataDir: dir, log: (line) => log.push(line) });
    expect(
      (await rest(first, ADMIN, 'PUT', '/rest/api/3/issue/PAY-1/properties/fixture-record', { v: 1 })).status,
    ).toBe(201);
    await callPanel(first, 'kvs', { op: 'set', args: ['survives', { yes: true }] });
    first.jiraUi.createIssue(ADMIN, {
      projectKey: 'PAY',
      issueType: 'Task',
      summary: 'Made before the restart',
    });
    await first.close();

    const second = await openFixtureSite({ dataDir: dir, log: (line) => log.push(line) });
    expect(
      bodyOf(await rest(second, ADMIN, 'GET', '/rest/api/3/issue/PAY-1/properties/fixture-record')),
    ).toEqual({
      key: 'fixture-record',
      value: { v: 1 },
    });
    expect(second.storage.get('survives')).toEqual({ yes: true });
    const found = await rest(second, ADMIN, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = PAY AND issuetype = Task',
      fields: ['summary'],
      maxResults: 5000,
    });
    expect(
      bodyOf<{ issues: { fields: { summary: string } }[] }>(found).issues.map((i) => i.fields.summary),
    ).toContain('Made before the restart');
    expect(log.filter((line) => line.startsWith("seeded 'fixture'"))).toHaveLength(1);
    await second.close();
  });

  it('wipes and reseeds with reset', async () => {
    const log: string[] = [];
    const first = await openFixtureSite({ dataDir: dir, log: (line) => log.push(line) });
    await callPanel(first, 'kvs', { op: 'set', args: ['gone', 1] });
    await first.close();
    const second = await openFixtureSite({ dataDir: dir, reset: true, log: (line) => log.push(line) });
    expect(second.storage.get('gone')).toBeUndefined();
    expect(log.filter((line) => line.startsWith("seeded 'fixture'"))).toHaveLength(2);
    await second.close();
  });

  it("refuses a reset whose seed's check fails before wiping anything", async () => {
    const first = await openFixtureSite({ dataDir: dir });
    await callPanel(first, 'kvs', { op: 'set', args: ['kept', 1] });
    await first.close();
    const broken: SiteSeed = {
      ...fixtureSeed(),
      check: () => {
        throw new Error('the seed source is missing');
      },
    };

    await expect(openFixtureSite({ dataDir: dir, reset: true, seed: broken })).rejects.toThrow(
      'the seed source is missing',
    );

    const third = await openFixtureSite({ dataDir: dir });
    expect(third.storage.get('kept')).toBe(1);
    await third.close();
  });

  it('leaves a new data folder unlocked and unseeded when the seed throws', async () => {
    const broken: SiteSeed = {
      ...fixtureSeed(),
      seedJira: () => {
        throw new Error('cannot write the site');
      },
    };
    await expect(openFixtureSite({ dataDir: dir, seed: broken })).rejects.toThrow('cannot write the site');

    const log: string[] = [];
    const next = await openFixtureSite({ dataDir: dir, log: (line) => log.push(line) });
    expect(log.filter((line) => line.startsWith("seeded 'fixture'"))).toHaveLength(1);
    await next.close();
  });
});
