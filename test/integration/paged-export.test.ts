import { openLocalSite, type LocalSiteRuntime } from '../../local-site';
import type { ExportFile, ExportPart } from '../../src/contract/gadget.contract';
import { ADMIN, call, TEAM } from './local-site';

/** Calls a paged export key with each `nextCursor` until it is null, as the UIs do. */
async function allParts(
  site: LocalSiteRuntime,
  accountId: string,
  key: string,
  payload: object,
): Promise<ExportPart[]> {
  const parts: ExportPart[] = [];
  let cursor: string | undefined;
  do {
    const answer = await call<ExportPart>(site, accountId, key, {
      ...payload,
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (answer.data === undefined) throw new Error(`${key} failed: ${JSON.stringify(answer.error)}`);
    parts.push(answer.data);
    cursor = answer.data.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return parts;
}

/** The paged exports on the local runtime, over a site that needs several parts. */
describe('paged exports on the local runtime', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openLocalSite({
      dataDir: null,
      seed: 'demo',
      seedSize: { epics: 1200, projects: 8 },
      log: () => undefined,
    });
  }, 240_000);

  afterAll(async () => {
    await site.close();
  });

  it('assembles a backup of 1,200 epics from parts into exactly the one-shot backup', async () => {
    const parts = await allParts(site, ADMIN, 'admin/export-backup-page', {});
    const oneShot = await call<ExportFile>(site, ADMIN, 'admin/export-backup');
    const assembled = parts.map((part) => part.part).join('');
    const document = JSON.parse(assembled) as { epics: unknown[] };

    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(document.epics.length).toBeGreaterThanOrEqual(1200);
    expect(document).toEqual(JSON.parse(oneShot.data?.content ?? 'null'));
    expect(assembled).toBe(oneShot.data?.content);
    expect(parts.reduce((sum, part) => sum + part.epics, 0)).toBe(document.epics.length);
    expect(parts[0]?.filename).toBe(oneShot.data?.filename);
  }, 120_000);

  it("assembles the gadget's CSV export from parts into exactly the one-shot CSV", async () => {
    const request = { scope: { kind: 'all' }, asOf: '2026-11', format: 'csv' };
    const parts = await allParts(site, ADMIN, 'gadget/export-page', request);
    const oneShot = await call<ExportFile>(site, ADMIN, 'gadget/export', request);

    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.map((part) => part.part).join('')).toBe(oneShot.data?.content);
  }, 120_000);

  it('refuses the backup to a team member, and a cursor that is not valid', async () => {
    const forbidden = await call(site, TEAM, 'admin/export-backup-page', {});
    const bad = await call(site, ADMIN, 'admin/export-backup-page', { cursor: 'v1.0.abc.x y' });
    const forged = await call(site, ADMIN, 'admin/export-backup-page', { cursor: 'v1.0.abc.100' });

    expect(forbidden.error?.code).toBe('FORBIDDEN');
    expect(bad.error).toMatchObject({ code: 'BAD_REQUEST', fields: [{ path: 'cursor' }] });
    expect(forged.error).toMatchObject({ code: 'BAD_REQUEST', fields: [{ path: 'cursor' }] });
  });
});
