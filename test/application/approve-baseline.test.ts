import { readAudit } from '../../src/application/admin/audit-log';
import { approveBaseline } from '../../src/application/epic-value/approve-baseline';
import { baselineHistory } from '../../src/application/epic-value/baseline-history';
import { getBaselineHistory } from '../../src/application/epic-value/get-baseline-history';
import { getEpicHistory } from '../../src/application/epic-value/get-epic-history';
import type { PanelContext } from '../../src/application/epic-value/panel-context';
import { saveEpicValue } from '../../src/application/epic-value/save-epic-value';
import { SiteConfig } from '../../src/application/site-config';
import type { EpicValueDocumentInput } from '../../src/contract/epic-value.schema';
import { InMemoryJira, type FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { InMemoryWorkQueue } from '../fakes/in-memory-work-queue';
import { failureOf } from '../fixtures/admin-site';

const approver: FakeUser = { accountId: 'sponsor' };
const editor: FakeUser = { accountId: 'editor' };
const jiraAdmin: FakeUser = { accountId: 'jira-admin', admin: true };
const viewerApprover: FakeUser = { accountId: 'sponsor-2', edit: [] };
const secondApprover: FakeUser = { accountId: 'sponsor-3' };
const viewer: FakeUser = { accountId: 'viewer', edit: [] };
const outsider: FakeUser = { accountId: 'outsider', browse: ['OTHER'] };

const plan = (amount: number): EpicValueDocumentInput => ({
  successProbability: 0.8,
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Faster checkout',
      planned: [{ month: '2027-01', amount }],
      realised: [],
    },
  ],
  costs: { planned: [{ month: '2026-12', amount: 300 }], actual: [] },
});

async function site({ approverGroupId = 'approvers' }: { approverGroupId?: string | null } = {}) {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  const config = new SiteConfig(store);
  await config.saveSettings({ ...(await config.settings()), approverGroupId });
  jira.addEpic({ key: 'PAY-1' });
  jira.groups.add({
    groupId: 'approvers',
    name: 'Value approvers',
    members: [approver.accountId, viewerApprover.accountId, secondApprover.accountId],
  });
  let ticks = 0;
  const contextFor = (user: FakeUser): PanelContext => ({
    accountId: user.accountId,
    jira: jira.siteFor(user),
    permissions: jira.permissionsFor(user),
    groups: jira.groups,
    store,
    clock: { now: () => new Date(Date.parse('2026-11-15T12:00:00Z') + 60_000 * ticks++) },
    sleep: () => Promise.resolve(),
    rollupQueue: new InMemoryWorkQueue(),
  });
  const save = (user: FakeUser, baseRevision: number, value: EpicValueDocumentInput) =>
    saveEpicValue(contextFor(user), { issueKey: 'PAY-1', baseRevision, value });
  const approve = (user: FakeUser, baseRevision: number, reason?: string) =>
    approveBaseline(contextFor(user), { issueKey: 'PAY-1', baseRevision, ...(reason ? { reason } : {}) });
  const baselines = (user: FakeUser) => getBaselineHistory(contextFor(user), { issueKey: 'PAY-1' });
  const issueId = () => jira.issues.get('PAY-1')?.id ?? '';
  const history = () => getEpicHistory(contextFor(editor), { issueKey: 'PAY-1' });
  return { jira, store, save, approve, baselines, issueId, history };
}

describe('approveBaseline', () => {
  it('freezes the plan as version 1, stamped with the approver and the server time', async () => {
    const { save, approve } = await site();
    await save(editor, 0, plan(1000));

    const view = await approve(approver, 1);

    expect(view.revision).toBe(2);
    expect(view.value.baseline).toEqual({
      version: 1,
      approvedBy: approver.accountId,
      approvedAt: '2026-11-15T12:01:00.000Z',
      successProbability: 0.8,
      benefits: [{ id: 'b1', kind: 'revenue', planned: [{ month: '2027-01', amount: 1000 }] }],
      plannedCost: [{ month: '2026-12', amount: 300 }],
    });
  });

  it('refuses anyone outside the approver group and writes nothing', async () => {
    const { jira, save, approve } = await site();
    await save(editor, 0, plan(1000));

    const error = await failureOf(approve(editor, 1));

    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('approver group');
    expect(jira.writes).toHaveLength(1);
  });

  it('refuses an approver who may not edit the epic', async () => {
    const { save, approve } = await site();
    await save(editor, 0, plan(1000));

    expect((await failureOf(approve(viewerApprover, 1))).message).toContain('Edit issues');
  });

  it('lets Jira administrators approve while no approver group is chosen', async () => {
    const { save, approve } = await site({ approverGroupId: null });
    await save(editor, 0, plan(1000));

    expect((await failureOf(approve(approver, 1))).code).toBe('FORBIDDEN');
    expect((await approve(jiraAdmin, 1)).value.baseline?.approvedBy).toBe(jiraAdmin.accountId);
  });

  it('requires a reason to baseline again, naming the field', async () => {
    const { save, approve } = await site();
    await save(editor, 0, plan(1000));
    await approve(approver, 1);
    await save(editor, 2, plan(1500));

    const error = await failureOf(approve(approver, 3, '   '));

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fields?.map((field) => field.path)).toEqual(['reason']);
  });

  it('re-baselines with a reason as version 2, keeping version 1 in the history', async () => {
    const { store, save, approve, issueId } = await site();
    await save(editor, 0, plan(1000));
    const first = (await approve(approver, 1)).value.baseline;
    await save(editor, 2, plan(1500));

    const view = await approve(approver, 3, 'Scope doubled after the pilot');

    expect(view.value.baseline).toMatchObject({ version: 2, reason: 'Scope doubled after the pilot' });
    expect(view.value.baseline?.benefits[0]?.planned).toEqual([{ month: '2027-01', amount: 1500 }]);
    expect(await baselineHistory(store, { issueId: issueId(), current: view.value.baseline })).toEqual([
      first,
    ]);
  });

  it('says in the epic’s history which baseline version was approved and why', async () => {
    const { save, approve, history } = await site();
    await save(editor, 0, plan(1000));
    await approve(approver, 1);
    await save(editor, 2, plan(1500));
    await approve(approver, 3, 'Scope doubled after the pilot');

    const entries = (await history()).entries;

    expect(
      entries.map((entry) => [entry.revision, entry.changes.filter((c) => c.kind === 'baseline_approved')]),
    ).toEqual([
      [4, [{ kind: 'baseline_approved', version: 2, reason: 'Scope doubled after the pilot' }]],
      [3, []],
      [2, [{ kind: 'baseline_approved', version: 1, reason: null }]],
      [1, []],
    ]);
  });

  it('keeps the baseline through later saves, which cannot change it', async () => {
    const { save, approve } = await site();
    await save(editor, 0, plan(1000));
    const approved = (await approve(approver, 1)).value.baseline;

    const view = await save(editor, 2, { ...plan(2000), baseline: undefined });

    expect(view.value.baseline).toEqual(approved);
  });

  it('answers CONFLICT and approves nothing when the plan changed since the approver saw it', async () => {
    const { save, approve } = await site();
    await save(editor, 0, plan(1000));
    await save(editor, 1, plan(1200));

    const error = await failureOf(approve(approver, 1));

    expect(error.code).toBe('CONFLICT');
  });

  it('refuses to approve an epic with nothing planned', async () => {
    const { save, approve } = await site();
    await save(editor, 0, { benefits: [] });

    expect((await failureOf(approve(approver, 1))).code).toBe('BAD_REQUEST');
  });

  it('adds the approval to the audit log', async () => {
    const { store, save, approve } = await site();
    await save(editor, 0, plan(1000));
    await approve(approver, 1);

    const audit = await readAudit(store, undefined, { kind: 'baseline' });

    expect(audit.entries).toEqual([
      expect.objectContaining({
        action: 'baseline.approved PAY-1',
        by: approver.accountId,
        changes: [{ path: 'baseline.version', before: null, after: 1 }],
      }),
    ]);
  });
});

describe('getBaselineHistory', () => {
  it('returns no earlier baselines while the plan is not approved, or approved once', async () => {
    const { save, approve, baselines } = await site();
    await save(editor, 0, plan(1000));
    expect(await baselines(viewer)).toEqual({ issueKey: 'PAY-1', currentVersion: null, earlier: [] });

    await approve(approver, 1);

    expect(await baselines(viewer)).toEqual({ issueKey: 'PAY-1', currentVersion: 1, earlier: [] });
  });

  it('lists the baselines re-baselining replaced, newest first, with approver, time, reason and plan', async () => {
    const { save, approve, baselines } = await site();
    await save(editor, 0, plan(1000));
    await approve(approver, 1, 'Business case signed off');
    await save(editor, 2, plan(1500));
    await approve(secondApprover, 3, 'Scope doubled after the pilot');
    await save(editor, 4, plan(1200));
    await approve(approver, 5, 'Pilot market dropped');

    const history = await baselines(viewer);

    expect(history.currentVersion).toBe(3);
    expect(history.earlier).toEqual([
      {
        version: 2,
        approvedBy: secondApprover.accountId,
        approvedAt: '2026-11-15T12:03:00.000Z',
        reason: 'Scope doubled after the pilot',
        successProbability: 0.8,
        benefits: [{ id: 'b1', kind: 'revenue', planned: [{ month: '2027-01', amount: 1500 }] }],
        plannedCost: [{ month: '2026-12', amount: 300 }],
      },
      {
        version: 1,
        approvedBy: approver.accountId,
        approvedAt: '2026-11-15T12:01:00.000Z',
        reason: 'Business case signed off',
        successProbability: 0.8,
        benefits: [{ id: 'b1', kind: 'revenue', planned: [{ month: '2027-01', amount: 1000 }] }],
        plannedCost: [{ month: '2026-12', amount: 300 }],
      },
    ]);
  });

  it('refuses a user who may not browse the epic, as reading its value does', async () => {
    const { save, approve, baselines } = await site();
    await save(editor, 0, plan(1000));
    await approve(approver, 1);
    await save(editor, 2, plan(1500));
    await approve(approver, 3, 'Scope doubled after the pilot');

    const error = await failureOf(baselines(outsider));

    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).not.toContain('Scope doubled');
  });
});
