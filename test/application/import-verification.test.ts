import { applyImportStep, previewStagedImport } from '../../src/application/admin/staged-import';
import { baselineHistory } from '../../src/application/epic-value/baseline-history';
import { saveEpicValue } from '../../src/application/epic-value/save-epic-value';
import { SiteConfig } from '../../src/application/site-config';
import type { FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryWorkQueue } from '../fakes/in-memory-work-queue';
import {
  aDocument,
  adminSite,
  anEpic,
  failureOf,
  importDocument,
  stageDocument,
} from '../fixtures/admin-site';

const admin: FakeUser = { accountId: 'admin', admin: true };
const finance: FakeUser = { accountId: 'fin-1' };

const verifiedAmount = { month: '2026-02', amount: 400, evidence: 'verified' };

function epicWith(key: string, extra: { realised?: unknown[]; baseline?: unknown } = {}) {
  const epic = anEpic(key);
  const [benefit] = epic.value.benefits;
  return {
    ...epic,
    value: {
      ...epic.value,
      benefits: [{ ...benefit, realised: extra.realised ?? [] }],
      ...(extra.baseline === undefined ? {} : { baseline: extra.baseline }),
    },
  };
}

const baselineOf = (version: number, amount: number) => ({
  version,
  approvedBy: 'sponsor',
  approvedAt: '2026-01-10T09:00:00.000Z',
  ...(version > 1 ? { reason: 'Re-planned' } : {}),
  successProbability: 1,
  benefits: [{ id: 'b1', kind: 'revenue', planned: [{ month: '2026-01', amount }] }],
  plannedCost: [],
});

async function site({ verifierGroupId = null, approverGroupId = null }: Record<string, string | null> = {}) {
  const fixture = adminSite(['PAY-1', 'PAY-2']);
  const config = new SiteConfig(fixture.store);
  await config.saveSettings({ ...(await config.settings()), verifierGroupId, approverGroupId });
  fixture.jira.groups.add({ groupId: 'finance', name: 'Finance', members: [finance.accountId] });
  fixture.jira.groups.add({ groupId: 'approvers', name: 'Value approvers', members: [] });
  const stored = (key: string) => {
    const issue = fixture.jira.issues.get(key);
    return issue?.stored.state === 'stored' ? issue.stored.record : undefined;
  };
  return { ...fixture, stored };
}

describe('the staged import and verified grades', () => {
  it('lists each verified grade the importer may not give in the preview, by path', async () => {
    const { contextFor } = await site({ verifierGroupId: 'finance' });
    const context = contextFor(admin);
    const importId = await stageDocument(
      context,
      aDocument([epicWith('PAY-1', { realised: [verifiedAmount] })]),
    );

    const preview = await previewStagedImport(context, { importId });

    expect(preview.valid).toBe(false);
    expect(preview.issues.map((issue) => issue.path)).toEqual([
      'epics[0].value.benefits[0].realised[0].evidence',
    ]);
  });

  it('refuses to apply such a file and writes nothing', async () => {
    const { contextFor, jira, stored } = await site({ verifierGroupId: 'finance' });

    const error = await failureOf(
      importDocument(contextFor(admin), aDocument([epicWith('PAY-1', { realised: [verifiedAmount] })])),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fields?.map((field) => field.path)).toEqual([
      'document.epics[0].value.benefits[0].realised[0].evidence',
    ]);
    expect(jira.writes).toEqual([]);
    expect(stored('PAY-1')).toBeUndefined();
  });

  it('stamps imported verified grades with the importer and the server time, not what the file says', async () => {
    const { contextFor, stored } = await site();
    const claimed = {
      ...verifiedAmount,
      recordedBy: 'someone',
      verifiedBy: 'someone',
      verifiedAt: '2020-01-01T00:00:00.000Z',
    };

    await importDocument(contextFor(admin), aDocument([epicWith('PAY-1', { realised: [claimed] })]));

    const [entry] = stored('PAY-1')?.value.benefits[0]?.realised ?? [];
    expect(entry).toMatchObject({ recordedBy: admin.accountId, verifiedBy: admin.accountId });
    expect(entry?.verifiedAt).not.toBe(claimed.verifiedAt);
    expect(entry?.verifiedAt?.startsWith('2026-11-15T12:')).toBe(true);
  });

  it('stops, and puts back what it wrote, when the importer leaves the verifier group between steps', async () => {
    const { contextFor, jira, stored } = await site({ verifierGroupId: 'finance' });
    jira.groups.join('finance', admin.accountId);
    const context = contextFor(admin);
    const importId = await stageDocument(
      context,
      aDocument([epicWith('PAY-1'), epicWith('PAY-2', { realised: [verifiedAmount] })]),
    );
    await applyImportStep(context, { importId }, { epicsPerStep: 1 });
    await applyImportStep(context, { importId }, { epicsPerStep: 1 });
    expect(stored('PAY-1')?.revision).toBe(1);
    jira.groups.leave('finance', admin.accountId);

    const error = await failureOf(applyImportStep(contextFor(admin), { importId }, { epicsPerStep: 1 }));

    expect(error.code).toBe('FORBIDDEN');
    expect(error.fields?.map((field) => field.path)).toEqual([
      'document.epics[1].value.benefits[0].realised[0].evidence',
    ]);
    expect([stored('PAY-1'), stored('PAY-2')]).toEqual([undefined, undefined]);
  });

  it('puts a verified record back exactly as it was, stamps and all, when the import fails', async () => {
    const { contextFor, jira } = await site({ verifierGroupId: 'finance' });
    await saveEpicValue(
      {
        ...contextFor(finance),
        sleep: () => Promise.resolve(),
        rollupQueue: new InMemoryWorkQueue(),
      },
      {
        issueKey: 'PAY-1',
        baseRevision: 0,
        value: { ...epicWith('PAY-1', { realised: [verifiedAmount] }).value, objectives: [] },
      },
    );
    const before = jira.rawValueOf('PAY-1');
    jira.tooLarge.add('PAY-2');
    const changed = epicWith('PAY-1', { realised: [verifiedAmount] });
    changed.value.benefits[0] = {
      ...changed.value.benefits[0],
      title: 'Renamed',
    } as (typeof changed.value.benefits)[0];

    await failureOf(importDocument(contextFor(admin), aDocument([changed, epicWith('PAY-2')])));

    expect(jira.rawValueOf('PAY-1')).toBe(before);
    expect(before).toContain(finance.accountId);
  });
});

describe('the staged import and approved baselines', () => {
  it('refuses a file whose baseline differs from the stored one when the importer is not an approver', async () => {
    const { contextFor } = await site({ approverGroupId: 'approvers' });
    const context = contextFor(admin);
    const importId = await stageDocument(
      context,
      aDocument([epicWith('PAY-1', { baseline: baselineOf(1, 1000) })]),
    );

    const preview = await previewStagedImport(context, { importId });

    expect(preview.issues.map((issue) => issue.path)).toEqual(['epics[0].value.baseline']);
  });

  it('imports a new baseline for an approver and keeps the one it replaces in the history', async () => {
    const { contextFor, jira, store, stored } = await site();
    await importDocument(
      contextFor(admin),
      aDocument([epicWith('PAY-1', { baseline: baselineOf(1, 1000) })]),
    );

    await importDocument(
      contextFor(admin),
      aDocument([epicWith('PAY-1', { baseline: baselineOf(2, 1500) })]),
    );

    const current = stored('PAY-1')?.value.baseline;
    expect(current?.version).toBe(2);
    const issueId = jira.issues.get('PAY-1')?.id ?? '';
    expect(await baselineHistory(store, { issueId, current })).toEqual([baselineOf(1, 1000)]);
  });

  it('keeps the stored baseline when the file has none (a file from before baselines)', async () => {
    const { contextFor, stored } = await site({ approverGroupId: 'approvers' });
    const context = contextFor(admin);
    const config = new SiteConfig(context.store);
    await config.saveSettings({ ...(await config.settings()), approverGroupId: null });
    await importDocument(context, aDocument([epicWith('PAY-1', { baseline: baselineOf(1, 1000) })]));
    await config.saveSettings({ ...(await config.settings()), approverGroupId: 'approvers' });

    await importDocument(context, aDocument([anEpic('PAY-1', 2000)]));

    expect(stored('PAY-1')?.value.baseline).toEqual(baselineOf(1, 1000));
    expect(stored('PAY-1')?.value.benefits[0]?.planned[0]?.amount).toBe(2000);
  });
});
