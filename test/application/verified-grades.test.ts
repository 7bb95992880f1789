import type { PanelContext } from '../../src/application/epic-value/panel-context';
import { getEpicValue } from '../../src/application/epic-value/get-epic-value';
import { saveEpicValue } from '../../src/application/epic-value/save-epic-value';
import { SiteConfig } from '../../src/application/site-config';
import type { EpicValueDocumentInput } from '../../src/contract/epic-value.schema';
import { InMemoryJira, type FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { InMemoryWorkQueue } from '../fakes/in-memory-work-queue';
import { failureOf } from '../fixtures/admin-site';

const finance: FakeUser = { accountId: 'fin-1' };
const editor: FakeUser = { accountId: 'editor' };
const jiraAdmin: FakeUser = { accountId: 'jira-admin', admin: true };
const NOW = '2026-11-15T12:00:00.000Z';

type Entry = NonNullable<EpicValueDocumentInput['benefits']>[number]['realised'];

function valueWith(realised: Entry): EpicValueDocumentInput {
  return {
    benefits: [
      {
        id: 'b1',
        kind: 'revenue',
        title: 'Faster checkout',
        planned: [{ month: '2026-10', amount: 1000 }],
        realised,
      },
      { id: 'b2', kind: 'cost_saving', title: 'Fewer calls', planned: [], realised: [] },
    ],
  };
}

async function site({ verifierGroupId = 'finance' }: { verifierGroupId?: string | null } = {}) {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  const config = new SiteConfig(store);
  await config.saveSettings({ ...(await config.settings()), verifierGroupId });
  jira.addEpic({ key: 'PAY-1' });
  jira.groups.add({ groupId: 'finance', name: 'Finance', members: [finance.accountId] });
  const contextFor = (user: FakeUser): PanelContext => ({
    accountId: user.accountId,
    jira: jira.siteFor(user),
    permissions: jira.permissionsFor(user),
    groups: jira.groups,
    store,
    clock: { now: () => new Date(NOW) },
    sleep: () => Promise.resolve(),
    rollupQueue: new InMemoryWorkQueue(),
  });
  const save = (user: FakeUser, baseRevision: number, value: EpicValueDocumentInput) =>
    saveEpicValue(contextFor(user), { issueKey: 'PAY-1', baseRevision, value });
  const stored = () => {
    const issue = jira.issues.get('PAY-1');
    return issue?.stored.state === 'stored' ? issue.stored.record : undefined;
  };
  return { jira, store, config, contextFor, save, stored };
}

describe('saveEpicValue and verified grades', () => {
  it('refuses a new verified amount from an editor outside the verifier group, naming the field, and stores nothing', async () => {
    const { jira, save, stored } = await site();
    const value = valueWith([
      { month: '2026-10', amount: 100, evidence: 'measured' },
      { month: '2026-11', amount: 600, evidence: 'verified' },
    ]);

    const error = await failureOf(save(editor, 0, value));

    expect(error.code).toBe('FORBIDDEN');
    expect(error.fields?.map((field) => field.path)).toEqual(['value.benefits[0].realised[1].evidence']);
    expect(error.fields?.[0]?.message).toContain('verifier group');
    expect(jira.writes).toEqual([]);
    expect(stored()).toBeUndefined();
  });

  it('stamps a verified amount from a verifier with who and when from the server, not the client', async () => {
    const { save, stored } = await site();
    const forged = {
      recordedBy: 'someone-else',
      verifiedBy: 'someone-else',
      verifiedAt: '2020-01-01T00:00:00.000Z',
    };

    const view = await save(
      finance,
      0,
      valueWith([{ month: '2026-10', amount: 600, evidence: 'verified', ...forged }]),
    );

    const expected = {
      month: '2026-10',
      amount: 600,
      evidence: 'verified',
      recordedBy: finance.accountId,
      verifiedBy: finance.accountId,
      verifiedAt: NOW,
    };
    expect(view.value.benefits[0]?.realised).toEqual([expected]);
    expect(stored()?.value.benefits[0]?.realised).toEqual([expected]);
  });

  it('records the caller as recorder of a measured amount, whatever the client sent', async () => {
    const { save } = await site();

    const view = await save(
      editor,
      0,
      valueWith([
        { month: '2026-10', amount: 5, evidence: 'measured', recordedBy: 'fin-1', verifiedBy: 'fin-1' },
      ]),
    );

    expect(view.value.benefits[0]?.realised).toEqual([
      { month: '2026-10', amount: 5, evidence: 'measured', recordedBy: editor.accountId },
    ]);
  });

  it('lets an editor save an epic whose verified amount they leave as it is, keeping its stamps', async () => {
    const { save } = await site();
    const verified = { month: '2026-10', amount: 600, evidence: 'verified' as const };
    await save(finance, 0, valueWith([verified]));

    const view = await save(editor, 1, { ...valueWith([verified]), successProbability: 0.4 });

    expect(view.revision).toBe(2);
    expect(view.value.benefits[0]?.realised[0]).toMatchObject({
      verifiedBy: finance.accountId,
      verifiedAt: NOW,
    });
  });

  it('refuses an editor who changes the amount of a verified entry', async () => {
    const { save } = await site();
    await save(finance, 0, valueWith([{ month: '2026-10', amount: 600, evidence: 'verified' }]));

    const error = await failureOf(
      save(editor, 1, valueWith([{ month: '2026-10', amount: 700, evidence: 'verified' }])),
    );

    expect(error.fields?.map((field) => field.path)).toEqual(['value.benefits[0].realised[0].evidence']);
  });

  it('lets Jira administrators verify while no verifier group is chosen, and no one else', async () => {
    const { save } = await site({ verifierGroupId: null });
    const value = valueWith([{ month: '2026-10', amount: 600, evidence: 'verified' }]);

    expect((await failureOf(save(finance, 0, value))).message).toContain('Only Jira administrators');
    expect((await save(jiraAdmin, 0, value)).value.benefits[0]?.realised[0]?.verifiedBy).toBe(
      jiraAdmin.accountId,
    );
  });

  it('refuses a Jira administrator outside the verifier group once one is chosen', async () => {
    const { save } = await site();

    const error = await failureOf(
      save(jiraAdmin, 0, valueWith([{ month: '2026-10', amount: 1, evidence: 'verified' }])),
    );

    expect(error.code).toBe('FORBIDDEN');
  });

  it('keeps the stored approved baseline: a baseline sent by the client is ignored', async () => {
    const { save, stored } = await site();
    const forged = {
      version: 9,
      approvedBy: editor.accountId,
      approvedAt: NOW,
      successProbability: 1,
      benefits: [{ id: 'b1', kind: 'revenue' as const, planned: [{ month: '2026-10', amount: 1 }] }],
      plannedCost: [],
    };

    const view = await save(editor, 0, { ...valueWith([]), baseline: forged });

    expect(view.value.baseline).toBeUndefined();
    expect(stored()?.value.baseline).toBeUndefined();
  });
});

describe('getEpicValue roles', () => {
  it('says whether the caller may verify and approve baselines', async () => {
    const { config, contextFor } = await site();
    await config.saveSettings({ ...(await config.settings()), approverGroupId: null });

    const asFinance = await getEpicValue(contextFor(finance), { issueKey: 'PAY-1' });
    const asAdmin = await getEpicValue(contextFor(jiraAdmin), { issueKey: 'PAY-1' });

    expect([asFinance.canVerify, asFinance.canApproveBaseline]).toEqual([true, false]);
    expect([asAdmin.canVerify, asAdmin.canApproveBaseline]).toEqual([false, true]);
  });
});
