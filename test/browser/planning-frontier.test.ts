/**
 * The efficient frontier on the value planning page end to end: its real static build against the
 * seeded demo site, in both themes at 380 and 1,200 px. The chart must draw one focusable point
 * per cut the resolver answers, its table must hold the same figures, nothing may be clipped, and
 * choosing a point from the keyboard must set the budget cut. Screenshots:
 * test-artifacts/browser/planning-frontier-*.png.
 */
import { resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import type { Envelope } from '../../src/contract/envelope';
import type { FrontierView } from '../../src/contract/planning.contract';
import { artifactsDir, expectNoErrors, openShell, useBrowserHost, type ShellPage } from './browser-host';
import { clippedText } from './panel-checks';

const timeout = 120_000;
const cases = (['light', 'dark'] as const).flatMap((theme) =>
  [380, 1200].map((width) => [theme, width] as const),
);

describe('the efficient frontier on the value planning page', () => {
  const env = useBrowserHost();
  const { admin } = DEMO_ACCOUNT_IDS;

  async function frontier(): Promise<FrontierView> {
    const envelope = (await env.site.invoke({
      moduleKey: 'value-planning',
      functionKey: 'planning/get-frontier',
      payload: { scope: { kind: 'all' } },
      accountId: admin,
    })) as Envelope<FrontierView>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data;
  }

  /** Opens the page from Jira's main navigation and computes the frontier of the whole site. */
  async function openFrontier(
    theme: 'light' | 'dark',
    width: number,
  ): Promise<{ shell: ShellPage; frame: Frame }> {
    const shell = await openShell(env, '/issues', { accountId: admin, theme });
    await shell.page.setViewportSize({ width, height: 900 });
    await shell.page.getByRole('link', { name: 'Value planning' }).click();
    const frame = await shell.moduleFrame('#main');
    await frame.getByRole('button', { name: 'Compute the frontier' }).click({ timeout: 60_000 });
    await frame.getByRole('figure', { name: 'NPV retained by cut' }).waitFor({ timeout: 60_000 });
    return { shell, frame };
  }

  it.each(cases)(
    'draws a point per cut with its table, nothing clipped, and sets the cut chosen from the keyboard (%s, %i px)',
    async (theme, width) => {
      const expected = await frontier();
      const { shell, frame } = await openFrontier(theme, width);
      const figure = frame.getByRole('figure', { name: 'NPV retained by cut' });

      const points = figure.getByRole('group').getByRole('button');
      expect(await points.count()).toBe(expected.points.length);
      expect(expected.points.filter((point) => point.status === 'planned').length).toBeGreaterThan(0);
      await figure.scrollIntoViewIfNeeded();
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-frontier-${theme}-${String(width)}.png`),
      });

      await points.nth(3).focus();
      await shell.page.keyboard.press('Enter');
      const cut = frame.getByRole('textbox', { name: /Cut \(%\)/ });
      expect(await cut.inputValue()).toBe(String(expected.points[3]?.cutPercent));
      expect(await cut.evaluate((element) => element === document.activeElement)).toBe(true);

      await figure.getByRole('button', { name: 'Show as table' }).click();
      const rows = figure.getByRole('table').locator('tbody tr');
      expect(await rows.count()).toBe(expected.points.length);
      const retained = expected.points.map((point) =>
        point.status === 'planned'
          ? new Intl.NumberFormat(undefined, { style: 'currency', currency: expected.currency }).format(
              point.npvRetained,
            )
          : '—',
      );
      const cells = await rows.locator('td:nth-child(2)').allTextContents();
      expect(cells).toEqual(retained);
      expect(await clippedText(frame)).toEqual([]);
      await figure.scrollIntoViewIfNeeded();
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-frontier-${theme}-${String(width)}-table.png`),
      });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );
});
