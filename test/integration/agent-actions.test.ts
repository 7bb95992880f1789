import { JiraOpenApiContract } from 'forge-local';
import type { JiraExchange, LocalSiteRuntime } from '../../local-site';
import { AGENT_ACTIONS, type AgentAnswer } from '../../src/contract/agent.contract';
import type { EpicList, PortfolioView } from '../../src/contract/gadget.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import type { RankingView, ScenarioView } from '../../src/contract/planning.contract';
import type { PortfolioKpisFigures } from '../../src/application/analyst/portfolio-kpis-answer';
import type { EpicsAttentionFigures } from '../../src/application/analyst/epics-attention-answer';
import type { BudgetCutFigures } from '../../src/application/analyst/budget-cut-answer';
import type { EpicSummaryFigures } from '../../src/application/analyst/epic-summary-answer';
import { agentBudgetCut, agentPortfolioKpis } from '../../src';
import { ADMIN, call, openDemoSite, PORTFOLIO, TEAM, type Envelope } from './local-site';

const USERS = [
  ['the Jira admin', ADMIN],
  ['the portfolio manager', PORTFOLIO],
  ['the team member', TEAM],
] as const;

/**
 * The VMO analyst's Rovo actions end to end: the local runtime calls each handler with the payload
 * Forge documents for actions (inputs + `context`, the user as `principal`), as each demo user, and
 * the answers are checked against what the gadget, the planning page and the panel show that user.
 */
describe('the VMO analyst actions on the local runtime', () => {
  let site: LocalSiteRuntime;

  const ask = async <Figures>(
    accountId: string,
    actionKey: string,
    inputs: Record<string, string | number | boolean> = {},
    issueKey?: string,
  ): Promise<Envelope<AgentAnswer<Figures>>> =>
    (await site.invokeAction({
      actionKey,
      accountId,
      inputs,
      ...(issueKey === undefined ? {} : { issueKey }),
    })) as Envelope<AgentAnswer<Figures>>;

  /** The keys of the epics a user may browse in Jira, by project (every page of the search). */
  const epicKeysBy = async (accountId: string): Promise<Map<string, string[]>> => {
    const byProject = new Map<string, string[]>();
    let nextPageToken: string | undefined;
    do {
      const response = await site.requestJira({
        accountId,
        method: 'POST',
        path: '/rest/api/3/search/jql',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          jql: 'issuetype = Epic ORDER BY key ASC',
          fields: ['summary'],
          maxResults: 100,
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        }),
      });
      const page = JSON.parse(response.body) as { issues: { key: string }[]; nextPageToken?: string };
      for (const { key } of page.issues) {
        const project = key.split('-')[0] ?? '';
        byProject.set(project, [...(byProject.get(project) ?? []), key]);
      }
      nextPageToken = page.nextPageToken;
    } while (nextPageToken !== undefined);
    return byProject;
  };

  beforeAll(async () => {
    site = await openDemoSite();
  });

  afterAll(async () => {
    await site.close();
  });

  describe('portfolio KPIs', () => {
    it.each(USERS)(
      'returns the gadget figures %s sees, money in the site currency, with links',
      async (_who, user) => {
        const answer = await ask<PortfolioKpisFigures>(user, AGENT_ACTIONS.portfolioKpis);
        const gadget = await call<PortfolioView>(site, user, 'gadget/get-portfolio', {
          scope: { kind: 'all' },
        });
        const view = gadget.data;
        if (!answer.ok || !answer.data || !view) throw new Error(JSON.stringify(answer));

        const { kpis } = answer.data.figures;
        expect(kpis.epics).toBe(view.portfolio.epics);
        expect(kpis.npv).toBe(view.portfolio.npv);
        expect(kpis.realisedBenefit).toBe(view.portfolio.realisedBenefit);
        expect(kpis.roi).toBe(view.portfolio.roi);
        expect(answer.data.figures.strategicAlignmentPct).toBe(view.strategicAlignmentPct);
        const money = new Intl.NumberFormat('en', { style: 'currency', currency: view.currency });
        expect(answer.data.text).toContain(`NPV: ${money.format(view.portfolio.npv)}`);
        expect(answer.data.text).toContain('ROI to date: ');
        expect(answer.data.links.map((link) => link.url)).toEqual([
          `${site.siteUrl}/jira/dashboards`,
          expect.stringMatching(new RegExp(`^${site.siteUrl}/jira/apps/[0-9a-f-]+/[0-9a-z-]+$`)),
        ]);
      },
    );

    it("gives the team member only their own project's figures", async () => {
      const [teamProject, ...others] = [...(await epicKeysBy(TEAM)).keys()];
      const answer = await ask<PortfolioKpisFigures>(TEAM, AGENT_ACTIONS.portfolioKpis);
      const admin = await ask<PortfolioKpisFigures>(ADMIN, AGENT_ACTIONS.portfolioKpis, {
        projects: teamProject ?? 'none',
      });

      expect(others).toEqual([]);
      expect(answer.data?.figures.kpis).toEqual(admin.data?.figures.kpis);
    });

    it('refuses a project the user may not browse, with no figures from it', async () => {
      const teamProjects = new Set((await epicKeysBy(TEAM)).keys());
      const hidden = [...(await epicKeysBy(ADMIN)).keys()].find((project) => !teamProjects.has(project));
      const answer = await ask(TEAM, AGENT_ACTIONS.portfolioKpis, { projects: hidden ?? 'X' });

      expect(answer.ok).toBe(false);
      expect(answer.data).toBeUndefined();
      expect(answer.error?.code).toBe('NOT_FOUND');
      expect(answer.error?.message).toContain(`Project ${hidden ?? 'X'} was not found`);
    });

    it('names the input at fault when projects and JQL are both given', async () => {
      const answer = await ask(ADMIN, AGENT_ACTIONS.portfolioKpis, { projects: 'PAY', jql: 'project = PAY' });

      expect(answer.error?.code).toBe('BAD_REQUEST');
      expect(answer.error?.fields?.map((field) => field.path)).toEqual(['jql']);
    });
  });

  describe('epics needing attention', () => {
    it.each(USERS)(
      'lists for %s the epics behind plan and with the stop signal, linked',
      async (_who, user) => {
        const answer = await ask<EpicsAttentionFigures>(user, AGENT_ACTIONS.epicsNeedingAttention);
        const ranking = await call<RankingView>(site, user, 'planning/get-ranking', {
          scope: { kind: 'all' },
        });
        const list = await call<EpicList>(site, user, 'gadget/list-epics', { scope: { kind: 'all' } });
        const figures = answer.data?.figures;
        if (!figures || !ranking.data || !list.data) throw new Error(JSON.stringify(answer));

        const stops = ranking.data.rows.filter((row) => row.signal.verdict === 'not_worth_finishing');
        if (user === ADMIN) {
          // The demo site has both kinds, so the lists below are not checked empty.
          expect(figures.behindPlan.count).toBeGreaterThan(0);
          expect(figures.stopSignal.count).toBeGreaterThan(0);
        }
        expect(figures.stopSignal.count).toBe(ranking.data.totals.notWorthFinishing);
        expect(figures.stopSignal.epics.map((epic) => epic.key)).toEqual(
          stops.slice(0, 20).map((row) => row.key),
        );
        const behind = list.data.epics.filter(
          (row) => row.kpis.realisedBenefit < row.kpis.plannedBenefitToDate,
        );
        expect(figures.behindPlan.count).toBe(behind.length);
        expect(figures.behindPlan.epics.every((epic) => epic.shortfall > 0)).toBe(true);
        const visible = new Set([...(await epicKeysBy(user)).values()].flat());
        const named = [...figures.behindPlan.epics, ...figures.stopSignal.epics].map((epic) => epic.key);
        expect(named.every((key) => visible.has(key))).toBe(true);
        const links = answer.data?.links.map((link) => link.url) ?? [];
        for (const key of named) expect(links).toContain(`${site.siteUrl}/browse/${key}`);
        expect(links.at(-1)).toMatch(/\/jira\/apps\//);
      },
    );
  });

  describe('budget cut', () => {
    it.each(USERS)(
      "gives %s the planning page's scenario for a 20% cut, and changes nothing",
      async (_who, user) => {
        const answer = await ask<BudgetCutFigures>(user, AGENT_ACTIONS.budgetCut, { cutPercent: 20 });
        const page = await call<ScenarioView>(site, user, 'planning/run-scenario', {
          scope: { kind: 'all' },
          cap: { kind: 'percent-cut', percent: 20 },
        });
        const scenario = answer.data?.figures.scenario;
        if (scenario?.status !== 'planned' || page.data?.status !== 'planned')
          throw new Error(JSON.stringify(answer));

        expect(scenario.exact.npvRetained).toBe(page.data.exact.npvRetained);
        expect(scenario.exact.cashFreed).toBe(page.data.exact.cashFreed);
        expect(answer.data?.text).toContain('Cash freed: ');
        expect(answer.data?.text).toContain('Nothing was changed');
        const stopped = scenario.exact.decisions.find((decision) => decision.choice === 'stop');
        if (user === ADMIN) expect(stopped).toBeDefined();
        if (stopped) {
          expect(answer.data?.links.map((link) => link.url)).toContain(
            `${site.siteUrl}/browse/${stopped.key}`,
          );
          const value = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: stopped.key });
          expect(value.data?.value.decision?.choice).not.toBe('stop');
        }
      },
    );

    it('takes a spending cap in the site currency', async () => {
      const answer = await ask<BudgetCutFigures>(ADMIN, AGENT_ACTIONS.budgetCut, { capAmount: 0 });
      const scenario = answer.data?.figures.scenario;

      expect(scenario?.status).toBe('planned');
      if (scenario?.status === 'planned')
        expect(scenario.exact.periods[0]?.planned ?? 1).toBeLessThanOrEqual(0);
    });

    it('refuses a cut and a cap at once, naming the input', async () => {
      const answer = await ask(ADMIN, AGENT_ACTIONS.budgetCut, { cutPercent: 10, capAmount: 1000 });

      expect(answer.error?.code).toBe('BAD_REQUEST');
      expect(answer.error?.fields?.map((field) => field.path)).toEqual(['cutPercent']);
    });

    it('refuses a cut of more than 100%', async () => {
      const answer = await ask(ADMIN, AGENT_ACTIONS.budgetCut, { cutPercent: 140 });

      expect(answer.error?.fields?.map((field) => field.path)).toEqual(['cutPercent']);
    });
  });

  describe('epic value summary', () => {
    it.each(USERS)("returns the panel's figures of an epic %s may browse, linked", async (_who, user) => {
      const [key = 'none'] = [...(await epicKeysBy(user)).values()].flat();
      const answer = await ask<EpicSummaryFigures>(user, AGENT_ACTIONS.epicSummary, {
        issueKey: key.toLowerCase(),
      });
      const panel = await call<EpicValueView>(site, user, 'panel/get-value', { issueKey: key });
      if (!answer.data || !panel.data) throw new Error(JSON.stringify(answer));

      expect(answer.data.figures.kpis.npv).toBe(panel.data.kpis.npv);
      expect(answer.data.figures.kpis.realisedBenefit).toBe(panel.data.kpis.realisedBenefit);
      expect(answer.data.figures.planning).toEqual(panel.data.planning);
      expect(answer.data.text.startsWith(`${key} `)).toBe(true);
      expect(answer.data.links).toEqual([
        { title: `${key} ${panel.data.epic.summary}`, url: `${site.siteUrl}/browse/${key}` },
      ]);
    });

    it('takes the epic the chat was opened on when none is named', async () => {
      const [key = 'none'] = [...(await epicKeysBy(ADMIN)).values()].flat();
      const answer = await ask<EpicSummaryFigures>(ADMIN, AGENT_ACTIONS.epicSummary, {}, key);

      expect(answer.data?.figures.key).toBe(key);
    });

    it("refuses another project's epic to the team member, as the panel does", async () => {
      const teamProjects = new Set((await epicKeysBy(TEAM)).keys());
      const other = [...(await epicKeysBy(ADMIN))].find(([project]) => !teamProjects.has(project))?.[1][0];
      const answer = await ask(TEAM, AGENT_ACTIONS.epicSummary, { issueKey: other ?? 'X-1' });

      expect(answer.data).toBeUndefined();
      expect(answer.error).toEqual({
        code: 'NOT_FOUND',
        message: `${String(other)} was not found, or you do not have permission to see it.`,
      });
    });

    it('refuses an unknown epic clearly', async () => {
      const answer = await ask(ADMIN, AGENT_ACTIONS.epicSummary, { issueKey: 'NOPE-99999' });

      expect(answer.error?.code).toBe('NOT_FOUND');
      expect(answer.error?.message).toBe(
        'NOPE-99999 was not found, or you do not have permission to see it.',
      );
    });

    it('asks for the epic when none is named and the chat is on no issue', async () => {
      const answer = await ask(ADMIN, AGENT_ACTIONS.epicSummary, { issueKey: '' });

      expect(answer.error?.code).toBe('BAD_REQUEST');
      expect(answer.error?.message).toContain('issueKey name the epic by its issue key');
    });
  });

  it("makes only Jira calls Atlassian's OpenAPI spec declares, reading answers of the declared shape", async () => {
    const exchanges: JiraExchange[] = [];
    const stop = site.onJiraExchange((exchange) => exchanges.push(exchange));
    const [key = 'none'] = [...(await epicKeysBy(TEAM)).values()].flat();
    await ask(TEAM, AGENT_ACTIONS.portfolioKpis, { jql: 'issuetype = Epic' });
    await ask(TEAM, AGENT_ACTIONS.epicsNeedingAttention);
    await ask(TEAM, AGENT_ACTIONS.budgetCut, { cutPercent: 10 });
    await ask(TEAM, AGENT_ACTIONS.epicSummary, { issueKey: key });
    stop();

    const contract = JiraOpenApiContract.load();
    const templates = new Set(exchanges.map((exchange) => `${exchange.method} ${exchange.template}`));
    expect(templates).toContain('GET /rest/api/3/serverInfo');
    expect(exchanges.flatMap((exchange) => contract.checkExchange(exchange))).toEqual([]);
  });

  describe('the handlers', () => {
    it('refuse an invocation that names no user, before reading anything', async () => {
      await expect(agentPortfolioKpis({ context: { cloudId: site.cloudId } }, {})).resolves.toEqual({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: 'Log in to Jira to ask the VMO analyst.' },
      });
    });

    it('refuse a payload that is no object, naming what is wrong', async () => {
      const answer = await agentBudgetCut('20%', { principal: { accountId: ADMIN } });

      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('BAD_REQUEST');
    });
  });

  describe('the local runtime', () => {
    it('refuses inputs Rovo would not send: undeclared or of the wrong type', async () => {
      await expect(ask(ADMIN, AGENT_ACTIONS.budgetCut, { cutPercent: '20' })).rejects.toThrow(/is a number/);
      await expect(ask(ADMIN, AGENT_ACTIONS.portfolioKpis, { scope: 'all' })).rejects.toThrow(
        /declares no input 'scope'/,
      );
    });
  });
});
