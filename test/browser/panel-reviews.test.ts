/**
 * Benefit reviews in the epic value panel, from its real static build in the local Jira host, in
 * both themes at 380 and 1,200 px: a Done demo epic lists its reviews with their state, the close
 * dialog fits with no text clipped (its fields' messages shown, an evidence link that is not https
 * refused), and a review closed with a measured actual shows as closed
 * and its actual as a realised amount. Screenshots land in test-artifacts/browser/panel-reviews-*.png.
 */
import { resolve } from 'node:path';
import type { EpicValueView } from '../../src/contract/panel.contract';
import type { DueReviewRow, ReviewsDueView } from '../../src/contract/review.contract';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { artifactsDir, openShell, useBrowserHost } from './browser-host';
import { unwrap } from './site-calls';
import { clippedText } from './panel-checks';

const timeout = 120_000;
const cases = (['light', 'dark'] as const).flatMap((theme) =>
  [380, 1200].map((width) => [theme, width] as const),
);

describe('benefit reviews in the epic value panel', () => {
  const env = useBrowserHost();
  const { admin } = DEMO_ACCOUNT_IDS;

  /** The demo's overdue reviews, as the gadget lists them, one epic each. */
  async function overdueEpics(): Promise<DueReviewRow[]> {
    const { reviews: rows } = await unwrap<ReviewsDueView>(
      env.site.invoke({
        moduleKey: 'value-gadget',
        functionKey: 'gadget/get-reviews',
        payload: { scope: { kind: 'all' } },
        accountId: admin,
      }),
    );
    const overdue = rows.filter((row) => row.state === 'overdue');
    return overdue.filter(
      (row, index) => overdue.findIndex((other) => other.issueKey === row.issueKey) === index,
    );
  }

  it.each(cases)(
    'lists a Done epic’s reviews and opens the close dialog without clipping (%s, %i px)',
    async (theme, width) => {
      const epics = await overdueEpics();
      const row = epics[cases.findIndex(([t, w]) => t === theme && w === width)];
      if (row === undefined) throw new Error('The demo data has too few epics with an overdue review.');
      const shell = await openShell(env, `/browse/${row.issueKey}`, { accountId: admin, theme });
      await shell.page.setViewportSize({ width, height: 900 });
      const panel = await shell.moduleFrame('.app-panel');
      const reviews = panel.getByRole('region', { name: 'Benefit reviews' });
      const close = reviews.getByRole('button', {
        name: `Close the ${String(row.offsetMonths)}-month review`,
      });
      await close.waitFor();
      await reviews.getByText('Overdue', { exact: true }).first().waitFor();
      await reviews.scrollIntoViewIfNeeded();
      await shell.page.screenshot({
        path: resolve(artifactsDir, `panel-reviews-${theme}-${String(width)}.png`),
        fullPage: true,
      });
      expect(await clippedText(panel)).toEqual([]);

      await close.click();
      const dialog = panel.getByRole('dialog', {
        name: `Close the ${String(row.offsetMonths)}-month review`,
      });
      await dialog.getByRole('button', { name: 'Add an actual' }).click();
      await dialog.screenshot({
        path: resolve(artifactsDir, `panel-reviews-dialog-${theme}-${String(width)}.png`),
      });
      expect(await clippedText(panel)).toEqual([]);
      // A wrong row's messages beside its fields, an evidence link that is not https among them.
      await dialog.getByRole('textbox', { name: /^Evidence link/ }).fill('http://ledger.example.com/2026/q3');
      await dialog.getByRole('button', { name: 'Close review', exact: true }).click();
      await dialog
        .getByText('Enter a link that starts with https://, such as https://example.com/report.')
        .waitFor();
      await dialog.getByRole('listitem').screenshot({
        path: resolve(artifactsDir, `panel-reviews-dialog-errors-${theme}-${String(width)}.png`),
      });
      expect(await clippedText(panel)).toEqual([]);
      await shell.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );

  it(
    'closes an overdue review with a measured actual, which the epic then holds as realised benefit',
    async () => {
      const row = (await overdueEpics())[cases.length];
      if (row === undefined) throw new Error('The demo data has too few epics with an overdue review.');
      const shell = await openShell(env, `/browse/${row.issueKey}`, { accountId: admin, theme: 'light' });
      const panel = await shell.moduleFrame('.app-panel');
      const reviews = panel.getByRole('region', { name: 'Benefit reviews' });
      await reviews
        .getByRole('button', { name: `Close the ${String(row.offsetMonths)}-month review` })
        .click();
      const dialog = panel.getByRole('dialog', {
        name: `Close the ${String(row.offsetMonths)}-month review`,
      });
      await dialog.getByRole('button', { name: 'Add an actual' }).click();
      await dialog.getByRole('textbox', { name: /^Amount/ }).fill('4321.5');
      // A link that is not https is refused beside its field before anything is sent.
      const link = dialog.getByRole('textbox', { name: /^Evidence link/ });
      await link.fill('http://ledger.example.com/2026/refunds');
      await dialog.getByRole('button', { name: 'Close review', exact: true }).click();
      await dialog
        .getByText('Enter a link that starts with https://, such as https://example.com/report.')
        .waitFor();
      expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await link.getAttribute('aria-invalid')).toBe('true');
      await link.fill('https://ledger.example.com/2026/refunds');
      await dialog.getByRole('textbox', { name: 'What the review found' }).fill('Measured from the ledger');
      await dialog.getByRole('button', { name: 'Close review', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await reviews.getByText(/Closed by Morgan Reyes/).waitFor();

      const value = await unwrap<EpicValueView>(
        env.site.invoke({
          moduleKey: 'value-panel',
          functionKey: 'panel/get-value',
          payload: { issueKey: row.issueKey },
          accountId: admin,
        }),
      );
      const recorded = value.value.benefits
        .flatMap((benefit) => benefit.realised)
        .filter((entry) => entry.amount === 4321.5);
      expect(recorded).toEqual([
        expect.objectContaining({
          amount: 4321.5,
          recordedBy: admin,
          evidenceLink: 'https://ledger.example.com/2026/refunds',
        }),
      ]);
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );
});
