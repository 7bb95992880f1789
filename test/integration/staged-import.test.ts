import { openLocalSite, type LocalSiteRuntime } from '../../local-site';
import type { ImportPreview, ImportStaged, ImportStep } from '../../src/contract/admin.contract';
import type { ExportFile } from '../../src/contract/gadget.contract';
import { ADMIN, call } from './local-site';

interface Backup {
  settings: { discountRate: number };
  objectives: { id: string; name: string }[];
  epics: { key: string; value: { successProbability?: number } }[];
}

/**
 * A site's own backup, bigger than the bridge's 500 KB, restored through the admin resolver as
 * the admin page does it: uploaded in parts, previewed, applied step by step.
 */
describe('a staged import on the local runtime', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openLocalSite({
      dataDir: null,
      seed: 'demo',
      seedSize: { epics: 1500, projects: 10 },
      log: () => undefined,
    });
  }, 240_000);

  afterAll(async () => {
    await site.close();
  });

  it('restores a backup of 1,500 epics over 500 KB, in parts and steps', async () => {
    const exported = await call<ExportFile>(site, ADMIN, 'admin/export-backup');
    const backup = JSON.parse(exported.data?.content ?? '{}') as Backup;
    expect(backup.epics.length).toBeGreaterThanOrEqual(1500);
    backup.settings.discountRate = 0.123;
    for (const epic of backup.epics) epic.value.successProbability = 0.42;
    const text = JSON.stringify(backup);
    expect(Buffer.byteLength(text)).toBeGreaterThan(500 * 1024);
    const whole = await call(site, ADMIN, 'admin/import-apply', { document: { ...backup, epics: [] } });
    expect(whole.error?.code).toBe('BAD_REQUEST');

    const parts: string[] = [];
    for (let start = 0; start < text.length; start += 150_000) parts.push(text.slice(start, start + 150_000));
    let importId: string | undefined;
    for (const [part, chunk] of parts.entries()) {
      const staged = await call<ImportStaged>(site, ADMIN, 'admin/import-stage', {
        ...(importId === undefined ? {} : { importId }),
        part,
        parts: parts.length,
        chunk,
      });
      expect(staged.error).toBeUndefined();
      importId = staged.data?.importId;
    }
    const preview = await call<ImportPreview>(site, ADMIN, 'admin/import-preview', { importId });
    expect(preview.data).toMatchObject({ valid: true, counts: { epics: backup.epics.length } });
    expect(preview.data?.changes.settingsChanged).toBe(true);

    const steps: ImportStep[] = [];
    for (let guard = 0; guard < 100; guard++) {
      const answer = await call<ImportStep>(site, ADMIN, 'admin/import-apply', { importId });
      expect(answer.error).toBeUndefined();
      if (answer.data === undefined) break;
      steps.push(answer.data);
      if (answer.data.done) break;
    }

    expect(steps.at(-1)).toMatchObject({ done: true, applied: { epics: backup.epics.length } });
    const progress = steps.flatMap((step) => (step.done ? [] : [step.applied]));
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const after = JSON.parse(
      (await call<ExportFile>(site, ADMIN, 'admin/export-backup')).data?.content ?? '{}',
    ) as Backup;
    expect(after.settings.discountRate).toBe(0.123);
    expect(after.epics.every((epic) => epic.value.successProbability === 0.42)).toBe(true);
    const again = await call(site, ADMIN, 'admin/import-apply', { importId });
    expect(again.error?.code).toBe('CONFLICT');
  }, 600_000);
});
