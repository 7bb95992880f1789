import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalSite, type LocalSiteRuntime } from '../../local-site';
import type { ImportRolledBack } from '../../src/contract/admin.contract';
import type { ExportFile } from '../../src/contract/gadget.contract';
import { ADMIN, call, stageFile } from './local-site';

interface Backup {
  epics: { key: string; value: { successProbability?: number } }[];
}

const backupOf = async (site: LocalSiteRuntime) =>
  (await call<ExportFile>(site, ADMIN, 'admin/export-backup')).data?.content ?? '{}';

/** Calls apply until the import is done or rolled back; an interrupted call is simply called again. */
async function applyToTheEnd(site: LocalSiteRuntime, importId: string): Promise<'imported' | 'rolled-back'> {
  for (let step = 0; step < 200; step++) {
    const answer = await call<{ done: boolean }>(site, ADMIN, 'admin/import-apply', { importId }).catch(
      () => undefined,
    );
    if (answer?.data?.done === true) return 'imported';
    if ((answer?.error?.details as ImportRolledBack | undefined)?.rolledBack === true) return 'rolled-back';
    // A step Forge cut off at its time limit holds the step lock until it expires: the admin is
    // told to wait a minute, so the minute passes.
    if (/running already/.test(answer?.error?.message ?? '')) site.storage.expireWithin(60_000);
  }
  throw new Error('the import neither finished nor rolled back');
}

async function auditActions(site: LocalSiteRuntime): Promise<string[]> {
  const page = await call<{ entries: { action: string }[] }>(site, ADMIN, 'admin/get-audit-log');
  return (page.data?.entries ?? []).map((entry) => entry.action);
}

/** The backup with every epic's success probability changed: what the import writes. */
function changed(content: string): string {
  const backup = JSON.parse(content) as Backup;
  for (const epic of backup.epics) epic.value.successProbability = 0.42;
  return JSON.stringify(backup);
}

/** Either every epic holds the file's value and the import is audited, or nothing changed and the rollback is. */
async function expectAllOrNothing(site: LocalSiteRuntime, outcome: string, original: string): Promise<void> {
  const after = await backupOf(site);
  const epics = (JSON.parse(after) as Backup).epics;
  if (outcome === 'imported') {
    expect(epics.every((epic) => epic.value.successProbability === 0.42)).toBe(true);
    expect(await auditActions(site)).toContain('portfolio.imported');
  } else {
    expect(after).toBe(original);
    expect(await auditActions(site)).toContain('portfolio.import-rolled-back');
  }
}

describe('a staged import on the local runtime under faults', () => {
  it('completes fully or changes nothing under storage 429s and 5xx and Jira 5xx', async () => {
    const site = await openLocalSite({ dataDir: null, seed: 'demo', log: () => undefined });
    try {
      const original = await backupOf(site);
      const importId = await stageFile(site, ADMIN, changed(original), 50_000);
      site.setFaults({
        storage429Rate: 0.05,
        storage5xxRate: 0.05,
        jira5xxRate: 0.02,
        retryAfterMaxSeconds: 0,
        seed: 7,
      });

      const outcome = await applyToTheEnd(site, importId);
      site.setFaults({});

      await expectAllOrNothing(site, outcome, original);
    } finally {
      await site.close();
    }
  }, 300_000);

  it('completes fully or changes nothing when the site is killed mid-apply and restarted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-kill-'));
    let site = await openLocalSite({ dataDir: dir, seed: 'demo', log: () => undefined });
    try {
      const original = await backupOf(site);
      const importId = await stageFile(site, ADMIN, changed(original), 50_000);
      expect((await call(site, ADMIN, 'admin/import-apply', { importId })).data).toMatchObject({
        done: false,
      });
      // The next step dies half-way through its epics: its process is killed.
      site.setFaults({ crashAfterCalls: 150 });
      await call(site, ADMIN, 'admin/import-apply', { importId }).catch(() => undefined);
      await site.close();

      site = await openLocalSite({ dataDir: dir, log: () => undefined });
      // A minute later the dead step's lock and revision claims have run out.
      site.storage.expireWithin(61_000);
      const outcome = await applyToTheEnd(site, importId);

      await expectAllOrNothing(site, outcome, original);
    } finally {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('puts everything back, across a restart, when Jira fails mid-apply', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-rollback-'));
    let site = await openLocalSite({ dataDir: dir, seed: 'demo', log: () => undefined });
    try {
      const original = await backupOf(site);
      const importId = await stageFile(site, ADMIN, changed(original), 50_000);
      await call(site, ADMIN, 'admin/import-apply', { importId });
      expect((await call(site, ADMIN, 'admin/import-apply', { importId })).data).toMatchObject({
        done: false,
        applied: 100,
      });
      // Jira half down: the last step fails; putting back may be cut short too.
      site.setFaults({ jira5xxRate: 0.5, retryAfterMaxSeconds: 0, seed: 3 });
      const answers: string[] = [];
      for (let call_ = 0; call_ < 4; call_++) {
        const answer = await call(site, ADMIN, 'admin/import-apply', { importId });
        answers.push(answer.error?.message ?? 'ok');
      }
      expect(answers.some((message) => /put(ting)? back/.test(message))).toBe(true);
      await site.close();

      site = await openLocalSite({ dataDir: dir, log: () => undefined });
      site.storage.expireWithin(61_000);
      const outcome = await applyToTheEnd(site, importId);

      expect(outcome).toBe('rolled-back');
      await expectAllOrNothing(site, outcome, original);
    } finally {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
