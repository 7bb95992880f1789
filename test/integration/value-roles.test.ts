import { JiraOpenApiContract } from 'forge-local';
import { DEMO_GROUPS, type JiraExchange, type LocalSiteRuntime } from '../../local-site';
import type { GroupSearch, ImportPreview, SettingsView } from '../../src/contract/admin.contract';
import type { EpicList, PortfolioView } from '../../src/contract/gadget.contract';
import type { BaselineHistoryView, EpicValueView } from '../../src/contract/panel.contract';
import { ADMIN, call, openDemoSite, PORTFOLIO, stageFile, TEAM } from './local-site';

/**
 * Issue #15 on the local runtime: the admin picks the demo's Finance and Value approvers groups,
 * then the server enforces them on panel saves, baseline approvals and imports, asking the
 * emulated Jira for group membership as the app.
 */
describe('verifier and approver groups on the local runtime', () => {
  let site: LocalSiteRuntime;
  let teamEpic: string;
  const exchanges: JiraExchange[] = [];

  const view = async (accountId: string) => {
    const answer = await call<EpicValueView>(site, accountId, 'panel/get-value', { issueKey: teamEpic });
    if (answer.data === undefined) throw new Error(JSON.stringify(answer.error));
    return answer.data;
  };
  /** The epic's value with one more benefit holding a realised amount graded `verified`. */
  const withVerified = (current: EpicValueView) => ({
    ...current.value,
    benefits: [
      ...current.value.benefits,
      {
        id: 'verify-check',
        kind: 'cost_saving',
        title: 'Invoices matched by finance',
        planned: [{ month: '2026-03', amount: 500 }],
        realised: [{ month: '2026-03', amount: 450, evidence: 'verified', verifiedBy: TEAM }],
      },
    ],
  });

  beforeAll(async () => {
    site = await openDemoSite();
    site.onJiraExchange((exchange) => exchanges.push(exchange));
    const teamView = await call<PortfolioView>(site, TEAM, 'gadget/get-portfolio', {
      scope: { kind: 'all' },
    });
    const teamProject = Object.keys(teamView.data?.byProject ?? {})[0] ?? '';
    const all = await call<EpicList>(site, ADMIN, 'gadget/list-epics', { scope: { kind: 'all' } });
    teamEpic = all.data?.epics.find((epic) => epic.project === teamProject)?.key ?? '';
    const found = await call<GroupSearch>(site, ADMIN, 'admin/find-groups', { query: 'value' });
    const approvers = found.data?.groups.find((group) => group.name === DEMO_GROUPS.approvers.name);
    const finance = (await call<GroupSearch>(site, ADMIN, 'admin/find-groups', { query: 'FIN' })).data
      ?.groups[0];
    const settings = await call<SettingsView>(site, ADMIN, 'admin/get-settings');
    const saved = await call<SettingsView>(site, ADMIN, 'admin/save-settings', {
      settings: {
        ...settings.data?.settings,
        verifierGroupId: finance?.groupId,
        approverGroupId: approvers?.groupId,
      },
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  });

  afterAll(async () => {
    await site.close();
  });

  it('finds the demo groups by name and shows the chosen ones in the settings', async () => {
    const settings = await call<SettingsView>(site, ADMIN, 'admin/get-settings');

    expect(settings.data?.settings).toMatchObject({
      verifierGroupId: DEMO_GROUPS.finance.groupId,
      approverGroupId: DEMO_GROUPS.approvers.groupId,
    });
    expect(settings.data?.groups.map((group) => group.name).sort()).toEqual(['Finance', 'Value approvers']);
    expect((await call(site, TEAM, 'admin/find-groups', { query: 'fin' })).error?.code).toBe('FORBIDDEN');
  });

  it('tells each user whether they may verify and approve', async () => {
    const roles = async (accountId: string) => {
      const { canVerify, canApproveBaseline } = await view(accountId);
      return { canVerify, canApproveBaseline };
    };

    expect(await roles(PORTFOLIO)).toEqual({ canVerify: true, canApproveBaseline: false });
    expect(await roles(ADMIN)).toEqual({ canVerify: false, canApproveBaseline: true });
    expect(await roles(TEAM)).toEqual({ canVerify: false, canApproveBaseline: false });
  });

  it('refuses a verified grade from the team member, naming the field, and stores it from finance', async () => {
    const before = await view(TEAM);
    const index = before.value.benefits.length;

    const refused = await call(site, TEAM, 'panel/save-value', {
      issueKey: teamEpic,
      baseRevision: before.revision,
      value: withVerified(before),
    });
    const accepted = await call<EpicValueView>(site, PORTFOLIO, 'panel/save-value', {
      issueKey: teamEpic,
      baseRevision: before.revision,
      value: withVerified(before),
    });

    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('FORBIDDEN');
    expect(refused.error?.fields?.map((field) => field.path)).toEqual([
      `value.benefits[${String(index)}].realised[0].evidence`,
    ]);
    expect(accepted.data?.revision).toBe(before.revision + 1);
    expect(accepted.data?.value.benefits[index]?.realised[0]).toMatchObject({
      recordedBy: PORTFOLIO,
      verifiedBy: PORTFOLIO,
    });
    expect((await view(TEAM)).value.benefits[index]?.realised[0]?.verifiedBy).toBe(PORTFOLIO);
  });

  it('lets only an approver freeze the plan as baseline, and asks a reason to baseline again', async () => {
    const current = await view(ADMIN);

    const byPortfolio = await call(site, PORTFOLIO, 'panel/approve-baseline', {
      issueKey: teamEpic,
      baseRevision: current.revision,
    });
    const first = await call<EpicValueView>(site, ADMIN, 'panel/approve-baseline', {
      issueKey: teamEpic,
      baseRevision: current.revision,
    });
    const again = await call(site, ADMIN, 'panel/approve-baseline', {
      issueKey: teamEpic,
      baseRevision: current.revision + 1,
    });
    const second = await call<EpicValueView>(site, ADMIN, 'panel/approve-baseline', {
      issueKey: teamEpic,
      baseRevision: current.revision + 1,
      reason: 'Benefits re-phased after go-live',
    });

    expect(byPortfolio.error?.code).toBe('FORBIDDEN');
    expect(first.data?.value.baseline).toMatchObject({ version: 1, approvedBy: ADMIN });
    expect(again.error?.fields?.map((field) => field.path)).toEqual(['reason']);
    expect(second.data?.value.baseline).toMatchObject({
      version: 2,
      reason: 'Benefits re-phased after go-live',
    });
    // Anyone who may browse the epic sees the baseline the re-baselining replaced.
    const history = await call<BaselineHistoryView>(site, TEAM, 'panel/get-baselines', {
      issueKey: teamEpic,
    });
    expect(history.data).toEqual({
      issueKey: teamEpic,
      currentVersion: 2,
      earlier: [first.data?.value.baseline],
    });
  });

  it('refuses an import of a new verified grade by an admin outside the Finance group', async () => {
    // The epic holds the verified amount finance saved above (benefit `verify-check`, the last).
    const current = await view(ADMIN);
    const epic = (
      await call<EpicList>(site, ADMIN, 'gadget/list-epics', { scope: { kind: 'all' } })
    ).data?.epics.find((candidate) => candidate.key === teamEpic);
    const file = {
      format: 'value-layer.portfolio',
      version: 1,
      settings: { currency: current.currency, discountRate: current.discountRate },
      objectives: [],
      epics: [
        {
          key: teamEpic,
          summary: epic?.summary ?? teamEpic,
          project: current.epic.project,
          programme: current.epic.programme,
          status: current.epic.status,
          value: {
            ...current.value,
            objectives: [],
            benefits: current.value.benefits.map((benefit) =>
              benefit.id === 'verify-check'
                ? { ...benefit, realised: [{ month: '2026-04', amount: 1, evidence: 'verified' }] }
                : benefit,
            ),
          },
        },
      ],
    };
    const importId = await stageFile(site, ADMIN, JSON.stringify(file));

    const preview = await call<ImportPreview>(site, ADMIN, 'admin/import-preview', { importId });

    expect(preview.data?.valid).toBe(false);
    expect(preview.data?.issues.map((issue) => issue.path)).toContain(
      `epics[0].value.benefits[${String(current.value.benefits.length - 1)}].realised[0].evidence`,
    );
  });

  it("makes its group calls as Atlassian's OpenAPI spec declares them, and reads answers of the declared shape", () => {
    const groupCalls = exchanges.filter((exchange) => /group/.test(exchange.template));

    expect(new Set(groupCalls.map((exchange) => `${exchange.method} ${exchange.template}`))).toEqual(
      new Set(['GET /rest/api/3/user/groups', 'GET /rest/api/3/groups/picker', 'GET /rest/api/3/group/bulk']),
    );
    expect(groupCalls.flatMap((exchange) => JiraOpenApiContract.load().checkExchange(exchange))).toEqual([]);
  });
});
