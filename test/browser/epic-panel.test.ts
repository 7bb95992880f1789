/**
 * The epic value panel from its real static build, in the local Jira host, against the real local
 * site: a team member records value and the portfolio's figures follow; a browse-only user sees it
 * read only; a concurrent save is shown and resolved without losing either user's edits.
 * Screenshots land in test-artifacts/epic-panel-*.png.
 */
import { resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import type { EpicValueDocument } from '../../src/contract/epic-value.schema';
import type { KpiFigures } from '../../src/contract/kpi-figures';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { BROWSE_ONLY } from 'forge-local';
import { DEMO_ACCOUNT_IDS, type LocalSiteRuntime } from '../../local-site';
import { openShell, projectRoot, useBrowserHost, type ShellPage } from './browser-host';
import { CHK_EPICS_JQL, epicKeys, unwrap } from './site-calls';

/** Typing a whole form and reloading takes longer than the harness's default. */
const timeout = 120_000;
/** A viewport at which Jira's issue view gives the panel about 400 px. */
const NARROW = { width: 432, height: 900 };

describe('the epic value panel in the local Jira host', () => {
  const env = useBrowserHost();
  const { admin, portfolio: portfolioManager, team } = DEMO_ACCOUNT_IDS;
  let site: LocalSiteRuntime;

  beforeAll(() => {
    // openLocalSite gives the runtime with its test seams; the harness types it as the plain site.
    site = env.site as LocalSiteRuntime;
  });

  const valueOf = (issueKey: string, accountId: string = team) =>
    unwrap<EpicValueView>(
      site.invoke({
        moduleKey: 'value-panel',
        functionKey: 'panel/get-value',
        payload: { issueKey },
        accountId,
      }),
    );

  /** The dashboard's portfolio totals, as the gadget asks for them. */
  const portfolioTotals = async () =>
    (
      await unwrap<{ portfolio: KpiFigures }>(
        site.invoke({
          moduleKey: 'value-gadget',
          functionKey: 'gadget/get-portfolio',
          payload: { scope: { kind: 'all' } },
          accountId: admin,
        }),
      )
    ).portfolio;

  async function openPanel(
    issueKey: string,
    accountId: string,
    theme: 'light' | 'dark' = 'light',
  ): Promise<{ shell: ShellPage; panel: Frame }> {
    const shell = await openShell(env, `/browse/${issueKey}`, { accountId, theme });
    await shell.page.setViewportSize(NARROW);
    const panel = await shell.moduleFrame('.app-panel');
    await panel.getByRole('tab', { name: 'Value' }).waitFor();
    return { shell, panel };
  }

  /** The whole panel, however tall, as the user would scroll through it. */
  async function screenshot(shell: ShellPage, name: string): Promise<void> {
    const height = await shell.page.evaluate(() => document.documentElement.scrollHeight);
    await shell.page.setViewportSize({ width: NARROW.width, height: height + 40 });
    await shell.page.waitForTimeout(300);
    await shell.page
      .locator('.app-panel iframe')
      .screenshot({ path: resolve(projectRoot, 'test-artifacts', `epic-panel-${name}.png`) });
    await shell.page.setViewportSize(NARROW);
  }

  async function saveAndWait(panel: Frame): Promise<void> {
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByText('Saved. The summary now includes your changes.').waitFor();
  }

  it(
    'lets a team member record a benefit, a realised amount and two objectives; a reload shows the same, and the portfolio follows',
    async () => {
      // An epic of the team's project with room for two more objective links.
      const candidates = await Promise.all(
        (await epicKeys(env, CHK_EPICS_JQL, admin)).map((key) => valueOf(key)),
      );
      const epic = candidates.find(
        (view) =>
          view.value.objectives.reduce((sum, link) => sum + link.share, 0) <= 0.6 &&
          view.objectives.filter(
            (o) => o.status === 'active' && !view.value.objectives.some((l) => l.id === o.id),
          ).length >= 2,
      );
      if (!epic) throw new Error('The demo data has no CHK epic with room for two objective links.');
      const [first, second] = epic.objectives.filter(
        (o) => o.status === 'active' && !epic.value.objectives.some((link) => link.id === o.id),
      );
      if (!first || !second) throw new Error('unreachable');
      const before = await portfolioTotals();
      const { shell, panel } = await openPanel(epic.epic.key, team);

      await panel.getByRole('button', { name: 'Add benefit' }).click();
      await panel.getByRole('textbox', { name: 'Title', exact: true }).fill('Self-service refunds uplift');
      const benefit = panel.getByRole('region', { name: 'Self-service refunds uplift' });
      const planned = benefit.getByRole('group', { name: 'Planned benefit', exact: true });
      await planned.getByRole('button', { name: 'Spread a total…' }).click();
      await planned.getByRole('textbox', { name: 'Total (EUR)' }).fill('120,000');
      await planned.getByRole('textbox', { name: 'From month' }).fill('2026-03');
      await planned.getByRole('textbox', { name: 'To month' }).fill('Dec 2026');
      await planned.getByRole('button', { name: 'Spread', exact: true }).click();
      await planned.getByText('€120,000.00 total').waitFor();

      const realised = benefit.getByRole('group', { name: 'Realised benefit', exact: true });
      await realised.getByRole('button', { name: 'Add month' }).click();
      const realisedAmount = realised.getByRole('textbox', { name: /^Realised benefit: amount for/ });
      await realisedAmount.fill('5000');
      // Only the verifier group (Jira admins while none is chosen) may grade "Verified".
      const evidence = realised.getByRole('combobox', { name: /^Realised benefit: evidence for/ });
      expect(await evidence.locator('option[value="verified"]').isDisabled()).toBe(true);
      await evidence.selectOption('measured');
      await realised.getByRole('textbox', { name: /^Realised benefit: Note for/ }).fill('Refunds dashboard');

      await panel.getByRole('checkbox', { name: first.name }).check();
      await panel.getByRole('textbox', { name: `Share of ${first.name}` }).fill('20');
      await panel.getByRole('checkbox', { name: second.name }).check();
      await panel.getByRole('textbox', { name: `Share of ${second.name}` }).fill('15');
      await panel.getByText('Unsaved changes', { exact: true }).first().waitFor();
      await screenshot(shell, 'editing-light');

      await saveAndWait(panel);
      await panel.getByText('No unsaved changes').waitFor();
      await screenshot(shell, 'saved-light');

      await shell.page.reload();
      const reloaded = await shell.moduleFrame('.app-panel');
      await reloaded.getByRole('button', { name: 'Self-service refunds uplift' }).click();
      const again = reloaded.getByRole('region', { name: 'Self-service refunds uplift' });
      const plannedAmounts = await again
        .getByRole('group', { name: 'Planned benefit', exact: true })
        .getByRole('textbox', { name: /amount for/ })
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      expect(plannedAmounts).toEqual(Array(10).fill('12,000.00'));
      const realisedAgain = again.getByRole('group', { name: 'Realised benefit', exact: true });
      expect(await realisedAgain.getByRole('textbox', { name: /amount for/ }).inputValue()).toBe('5,000.00');
      expect(await realisedAgain.getByRole('combobox', { name: /evidence for/ }).inputValue()).toBe(
        'measured',
      );
      await realisedAgain.getByText('Recorded by Sam Okafor').waitFor();
      expect(await reloaded.getByRole('checkbox', { name: first.name }).isChecked()).toBe(true);
      expect(await reloaded.getByRole('textbox', { name: `Share of ${first.name}` }).inputValue()).toBe('20');
      expect(await reloaded.getByRole('textbox', { name: `Share of ${second.name}` }).inputValue()).toBe(
        '15',
      );

      const stored = await valueOf(epic.epic.key);
      const added = stored.value.benefits.find((b) => b.title === 'Self-service refunds uplift');
      expect(added?.planned.map((entry) => entry.month)).toEqual([
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
        '2026-12',
      ]);
      expect(added?.realised).toEqual([
        {
          month: stored.asOf,
          amount: 5000,
          evidence: 'measured',
          note: 'Refunds dashboard',
          recordedBy: team,
        },
      ]);

      const after = await portfolioTotals();
      expect(Math.round((after.plannedBenefit - before.plannedBenefit) * 100)).toBe(12_000_000);
      expect(Math.round((after.realisedBenefit - before.realisedBenefit) * 100)).toBe(500_000);
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );

  it(
    'shows a concurrent save and re-applies the user’s edits on top of it, losing neither',
    async () => {
      const [key] = await epicKeys(env, `${CHK_EPICS_JQL} DESC`, admin);
      if (key === undefined) throw new Error('No CHK epic.');
      const { shell, panel } = await openPanel(key, team);
      await panel.getByRole('textbox', { name: 'Chance that the planned benefits arrive' }).fill('65');

      // Meanwhile the portfolio manager saves a new benefit on the same epic.
      const current = await valueOf(key, portfolioManager);
      const theirs: EpicValueDocument = {
        ...current.value,
        benefits: [
          ...current.value.benefits,
          {
            id: 'pm-added',
            kind: 'customer',
            title: 'Fewer support calls',
            planned: [{ month: '2027-02', amount: 750 }],
            realised: [],
          },
        ],
      };
      await unwrap(
        site.invoke({
          moduleKey: 'value-panel',
          functionKey: 'panel/save-value',
          payload: { issueKey: key, baseRevision: current.revision, value: theirs },
          accountId: portfolioManager,
        }),
      );

      await panel.getByRole('button', { name: 'Save', exact: true }).click();
      const notice = panel.getByRole('alert');
      await notice
        .getByRole('heading', { name: `Priya Natarajan saved ${key} while you were editing` })
        .waitFor();
      await notice.getByText('Added the customer benefit “Fewer support calls”').waitFor();
      await screenshot(shell, 'conflict-light');

      await notice.getByRole('button', { name: 'Re-apply my changes to their version' }).click();
      await panel.getByRole('button', { name: 'Fewer support calls' }).waitFor();
      expect(
        await panel.getByRole('textbox', { name: 'Chance that the planned benefits arrive' }).inputValue(),
      ).toBe('65');
      await saveAndWait(panel);

      const stored = await valueOf(key);
      expect(stored.revision).toBe(current.revision + 2);
      expect(stored.value.successProbability).toBe(0.65);
      expect(stored.value.benefits.map((b) => b.title)).toContain('Fewer support calls');
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );

  it(
    'offers edits back after the user navigated away without saving',
    async () => {
      const [key] = await epicKeys(env, CHK_EPICS_JQL, admin);
      if (key === undefined) throw new Error('No CHK epic.');
      const { shell, panel } = await openPanel(key, team);
      await panel.getByRole('textbox', { name: 'Chance that the planned benefits arrive' }).fill('37');

      // Jira's own navigation removes the panel's iframe; no beforeunload fires for it.
      await shell.page.getByRole('link', { name: 'Epics' }).click();
      await shell.page.locator('.issue-table').waitFor();
      await shell.page.goBack();
      const again = await shell.moduleFrame('.app-panel');
      const offer = again.getByRole('region', { name: /^You have unsaved changes from/ });
      await offer.getByRole('button', { name: 'Restore my changes' }).click();

      expect(
        await again.getByRole('textbox', { name: 'Chance that the planned benefits arrive' }).inputValue(),
      ).toBe('37');
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );

  it(
    'is read only, and says why, for a user who may browse but not edit the epic',
    async () => {
      const [key] = await epicKeys(env, 'project != CHK AND issuetype = Epic ORDER BY key', admin);
      if (key === undefined) throw new Error('No epic outside CHK.');
      site.jiraUi.setProjectPermissions(admin, team, key.split('-')[0] ?? '', BROWSE_ONLY);
      const { shell, panel } = await openPanel(key, team, 'dark');

      await panel
        .getByRole('note')
        .getByText(/needs the Edit issues permission/)
        .waitFor();
      expect(await panel.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
      expect(await panel.getByRole('button', { name: 'Add benefit' }).count()).toBe(0);
      expect(
        await panel
          .getByRole('textbox', { name: 'Chance that the planned benefits arrive' })
          .getAttribute('readonly'),
      ).not.toBeNull();
      await screenshot(shell, 'read-only-dark');
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );

  it.each(['light', 'dark'] as const)(
    'shows an epic’s value and history in the %s theme',
    async (theme) => {
      const { shell, panel } = await openPanel('CHK-1', team, theme);
      expect(await panel.locator('html').getAttribute('data-color-mode')).toBe(theme);
      const [firstBenefit] = (await valueOf('CHK-1')).value.benefits;
      if (firstBenefit) await panel.getByRole('button', { name: firstBenefit.title }).first().click();
      await screenshot(shell, `value-${theme}`);

      await panel.getByRole('tab', { name: 'History' }).click();
      await panel.getByRole('heading', { level: 3 }).first().waitFor();
      await screenshot(shell, `history-${theme}`);
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );
});
