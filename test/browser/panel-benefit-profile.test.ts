/**
 * Benefit owners, measures, realised notes and evidence links, and dis-benefits in the epic value
 * panel, from its real static build in the local Jira host, in both themes at 380 and 1,200 px:
 * every new field shows what was saved with no text clipped and no sideways scroll; who recorded
 * and who verified an entry is named; a dis-benefit is listed under Dis-benefits with its amounts
 * negative; a user outside the verifier group sees "Verified" disabled with the reason; an owner
 * is picked from Jira's users by keyboard and saved; the approved baseline is shown and kept, and
 * the earlier baselines are opened by keyboard, newest first, with their approver, plan and reason.
 * Screenshots land in test-artifacts/browser/panel-benefit-profile-*.png.
 */
import { resolve } from 'node:path';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { artifactsDir, openShell, useBrowserHost } from './browser-host';
import { CHK_EPICS_JQL, epicKeys, unwrap } from './site-calls';
import { clippedText, screenshotPanel } from './panel-checks';

const timeout = 120_000;
const widths = [380, 1200] as const;
const themes = ['light', 'dark'] as const;
const cases = themes.flatMap((theme) => widths.map((width) => [theme, width] as const));
/** Large amounts, so that figures are as wide as a real portfolio's. */
const BIG = 1_234_567.89;
const HALF = 617_283.94;
const CONVERSION = 'Conversion uplift on the self-service refund journey';
const MIGRATION = 'Sales lost during the payment-provider migration';

describe('benefit owners, measures, realised details and dis-benefits in the epic value panel', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  const call = (functionKey: string, payload: unknown, accountId: string) =>
    env.site.invoke({ moduleKey: 'value-panel', functionKey, payload, accountId });
  const valueOf = (issueKey: string) => unwrap<EpicValueView>(call('panel/get-value', { issueKey }, team));

  /**
   * A CHK epic (one per test) with a benefit and a dis-benefit, each with an owner and a measure,
   * and realised entries with notes and evidence links, one of them verified: saved by the Jira
   * admin, who verifies while the admin has chosen no verifier group.
   */
  async function profiledEpic(index: number): Promise<string> {
    const keys = await epicKeys(env, CHK_EPICS_JQL, team);
    const key = keys[index + 4];
    if (key === undefined) throw new Error('The demo data has too few CHK epics.');
    const current = await valueOf(key);
    const months = Array.from({ length: 12 }, (_, month) => `2026-${String(month + 1).padStart(2, '0')}`);
    await unwrap(
      call(
        'panel/save-value',
        {
          issueKey: key,
          baseRevision: current.revision,
          value: {
            ...current.value,
            benefits: [
              {
                id: 'conversion',
                kind: 'revenue',
                title: CONVERSION,
                owner: team,
                measure: {
                  name: 'Refund requests completed without an agent',
                  unit: '% of requests',
                  baseline: 41.5,
                  target: 1_234_567.125,
                  method: 'Monthly share from the contact-centre dashboard, read on the first working day',
                  methodLink: 'https://dashboards.example.com/contact-centre/refunds/self-service-share',
                },
                planned: months.map((month) => ({ month, amount: BIG })),
                realised: [
                  {
                    month: '2026-01',
                    amount: BIG,
                    evidence: 'verified',
                    note: 'Confirmed by finance against the January ledger close',
                    evidenceLink: 'https://finance.example.com/ledger/2026-01/refunds',
                  },
                  { month: '2026-02', amount: BIG, evidence: 'measured', note: 'From the dashboard' },
                ],
              },
              {
                id: 'migration-loss',
                kind: 'dis_benefit',
                title: MIGRATION,
                owner: admin,
                planned: months.slice(0, 3).map((month) => ({ month, amount: HALF })),
                realised: [{ month: '2026-02', amount: HALF, evidence: 'measured', note: 'Lost orders' }],
              },
            ],
          },
        },
        admin,
      ),
    );
    // Approved by the Jira admin, an approver while the admin has chosen no approver group, then
    // re-baselined twice as the planned cost grew: versions 1 and 2 are earlier baselines.
    await approve(key);
    await rebaseline(key, 2_500_000, 'Payment-provider fees renegotiated after the pilot');
    await rebaseline(key, 3_750_000, 'Second market added to the roll-out, with its own agents and training');
    return key;
  }

  async function approve(key: string, reason?: string): Promise<void> {
    const saved = await valueOf(key);
    await unwrap(
      call(
        'panel/approve-baseline',
        { issueKey: key, baseRevision: saved.revision, ...(reason === undefined ? {} : { reason }) },
        admin,
      ),
    );
  }

  /** Plans `cost` for March 2026, then approves the plan again for `reason`. */
  async function rebaseline(key: string, cost: number, reason: string): Promise<void> {
    const current = await valueOf(key);
    await unwrap(
      call(
        'panel/save-value',
        {
          issueKey: key,
          baseRevision: current.revision,
          value: {
            ...current.value,
            costs: { ...current.value.costs, planned: [{ month: '2026-03', amount: cost }] },
          },
        },
        admin,
      ),
    );
    await approve(key, reason);
  }

  it.each(cases)(
    'shows owners, measures, notes, stamps and dis-benefits without clipping, and saves a picked owner (%s, %i px)',
    async (theme, width) => {
      const key = await profiledEpic(cases.findIndex(([t, w]) => t === theme && w === width));
      const shell = await openShell(env, `/browse/${key}`, { accountId: team, theme });
      await shell.page.setViewportSize({ width, height: 900 });
      const panel = await shell.moduleFrame('.app-panel');
      await panel.getByRole('button', { name: CONVERSION }).click();
      await panel.getByRole('button', { name: MIGRATION }).click();
      expect(await panel.locator('html').getAttribute('data-color-mode')).toBe(theme);

      const benefits = panel.getByRole('region', { name: 'Benefits', exact: true });
      const disBenefits = panel.getByRole('region', { name: 'Dis-benefits', exact: true });
      const conversion = benefits.getByRole('region', { name: CONVERSION });
      const migration = disBenefits.getByRole('region', { name: MIGRATION });
      expect(await disBenefits.getByRole('region', { name: CONVERSION }).count()).toBe(0);
      expect(await benefits.getByRole('region', { name: MIGRATION }).count()).toBe(0);

      // Owners by name, the measure as saved, the entry's note and link, and who recorded and verified it.
      await conversion.getByText('Sam Okafor', { exact: true }).waitFor();
      await migration.getByText('Morgan Reyes', { exact: true }).waitFor();
      expect(await conversion.getByRole('textbox', { name: 'What is measured' }).inputValue()).toBe(
        'Refund requests completed without an agent',
      );
      expect(await conversion.getByRole('textbox', { name: 'Baseline' }).inputValue()).toBe('41.5');
      expect(await conversion.getByRole('textbox', { name: 'Target' }).inputValue()).toBe('1234567.125');
      expect(
        await conversion.getByRole('textbox', { name: 'Realised benefit: Note for Jan 2026' }).inputValue(),
      ).toBe('Confirmed by finance against the January ledger close');
      await conversion.getByText(/^Recorded by Morgan Reyes · Verified by Morgan Reyes on /).waitFor();
      // A dis-benefit's amounts read as what it takes away.
      expect(await migration.locator('.card-meta').textContent()).toBe(
        '−€1,851,851.82 planned · −€617,283.94 realised',
      );
      await disBenefits.getByText('Net realised benefit').waitFor();
      // Sam is not in the verifier group (none is chosen, so only Jira admins verify).
      const evidence = conversion.getByRole('combobox', { name: 'Realised benefit: evidence for Feb 2026' });
      expect(await evidence.locator('option[value="verified"]').isDisabled()).toBe(true);
      expect(await conversion.getByText(/Only members of .* can verify\./).count()).toBe(1);

      // The current baseline, and the earlier ones opened with the keyboard alone, newest first.
      const baseline = panel.getByRole('region', { name: 'Approved baseline' });
      await baseline.getByText(/^Version 3, approved by Morgan Reyes on /).waitFor();
      expect(await baseline.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
      const show = baseline.getByRole('button', { name: 'Show the earlier baselines (2)' });
      await show.focus();
      await shell.page.keyboard.press('Enter');
      const earlier = baseline.getByRole('list', { name: 'Earlier baselines, newest first' });
      await earlier.getByText(/^Version 1, approved by Morgan Reyes on /).waitFor();
      const items = earlier.getByRole('listitem');
      expect(await items.count()).toBe(2);
      expect(await items.nth(0).textContent()).toMatch(
        /^Version 2, approved by Morgan Reyes on .*\.€12,962,962\.86 net benefit, €2,500,000\.00 cost, \d+% success probability\.Reason: Payment-provider fees renegotiated after the pilot$/,
      );
      expect(await items.nth(1).textContent()).not.toContain('Reason');
      expect(
        await baseline
          .getByRole('button', { name: 'Hide the earlier baselines' })
          .evaluate((element) => element === document.activeElement),
      ).toBe(true);
      await baseline.screenshot({
        path: resolve(artifactsDir, `panel-benefit-profile-baseline-${theme}-${String(width)}.png`),
      });

      await screenshotPanel(shell, width, `panel-benefit-profile-${theme}-${String(width)}`);
      expect(await clippedText(panel)).toEqual([]);

      // An owner picked from Jira's users with the keyboard alone, then saved.
      await migration.getByRole('button', { name: /^Change owner/ }).click();
      const picker = migration.getByRole('combobox', { name: 'Owner' });
      await picker.waitFor();
      expect(await picker.evaluate((element) => element === document.activeElement)).toBe(true);
      await picker.pressSequentially('Priya');
      await migration.getByRole('option', { name: /Priya Natarajan/ }).waitFor();
      await picker.press('ArrowDown');
      await picker.press('Enter');
      await migration.getByText('Priya Natarajan', { exact: true }).waitFor();
      await panel.getByRole('button', { name: 'Save', exact: true }).click();
      await panel.getByText('Saved. The summary now includes your changes.').waitFor();
      const saved = await valueOf(key);
      expect(saved.value.benefits.find((benefit) => benefit.id === 'migration-loss')?.owner).toBe(
        DEMO_ACCOUNT_IDS.portfolio,
      );
      // Sam's save changed no figure of the verified entry, so it stays verified by Morgan.
      expect(saved.value.benefits[0]?.realised[0]?.verifiedBy).toBe(admin);
      expect(saved.value.baseline?.version).toBe(3);

      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );
});
