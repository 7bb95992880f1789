import type { LocalSiteRuntime } from '../src';
import { callPanel, openFixtureSite } from './site-fixtures';

describe('StorageSeams.expireWithin', () => {
  let site: LocalSiteRuntime;

  beforeEach(async () => {
    site = await openFixtureSite();
  });

  afterEach(async () => {
    await site.close();
  });

  const setWithTtl = (key: string, seconds: number) =>
    callPanel(site, 'kvs', { op: 'set', args: [key, 1, { ttl: { value: seconds, unit: 'SECONDS' } }] });

  it('expires the entries whose TTL runs out within the given time, and only those', async () => {
    await setWithTtl('claim-a', 30);
    await setWithTtl('upload-b', 3600);
    site.storage.set('kept-c', 1);

    expect(site.storage.expireWithin(60_000)).toEqual(['claim-a']);

    expect(site.storage.get('claim-a')).toBeUndefined();
    expect(site.storage.get('upload-b')).toBe(1);
    expect(site.storage.get('kept-c')).toBe(1);
  });
});
