/**
 * The gadget's risk ranges (issue #17) through the real resolvers on the demo portfolio: the
 * P10–P90 lines on the NPV and realised benefit tiles, and the fan chart with its seed and its
 * table, at 380 and 1,200 px in both themes, with nothing clipped or sticking out of the frame.
 * Screenshots: test-artifacts/browser/gadget-ranges-*.png.
 */
import { resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { artifactsDir, expectNoErrors, openShell, useBrowserHost } from './browser-host';
import { resetDemoGadget } from './site-calls';

const timeout = 180_000;
const DASHBOARD = '10000';
const cases = (['light', 'dark'] as const).flatMap((theme) =>
  [380, 1200].map((width) => [theme, width] as const),
);

/** Text in the fan chart's section that is wider than its box or sticks out of the frame. */
function overflowingText(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const found: string[] = [];
    const figure = [...document.querySelectorAll('figure')].find((element) =>
      element.textContent.includes('Benefit range over time'),
    );
    const tiles = [...document.querySelectorAll('.vl-tile-range')];
    for (const element of [...(figure ? [figure, ...figure.querySelectorAll('*')] : []), ...tiles]) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > limit + 1)
        found.push(`${element.tagName} "${element.textContent.slice(0, 40)}" sticks out`);
    }
    return found;
  });
}

describe('the gadget’s risk ranges', () => {
  const env = useBrowserHost();

  beforeAll(() => resetDemoGadget(env, DEMO_ACCOUNT_IDS.admin), timeout);

  it.each(cases)(
    'shows the range lines and the fan chart in the %s theme at %i px',
    async (theme, width) => {
      const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, {
        accountId: DEMO_ACCOUNT_IDS.admin,
        theme,
      });
      await shell.page.setViewportSize({ width, height: 900 });
      const frame = await shell.moduleFrame('.gadget');
      const fan = frame.getByRole('figure', { name: 'Benefit range over time' });
      await fan.waitFor({ timeout: 90_000 });

      await expect(fan.getByText(/^Seed \d+ · 2,000 draws/).textContent()).resolves.toMatch(/same seed/);
      const npv = frame.getByRole('listitem', { name: 'NPV' });
      await expect(npv.locator('.vl-tile-range').textContent()).resolves.toMatch(
        /^P10–P90: .+ to .+ · \d+% chance NPV below zero$/,
      );
      const benefit = frame.getByRole('listitem', { name: 'Realised benefit' });
      await expect(benefit.locator('.vl-tile-range').textContent()).resolves.toMatch(/^By .+, P10–P90: /);
      expect(await overflowingText(frame)).toEqual([]);
      await fan.scrollIntoViewIfNeeded();
      await fan.screenshot({
        path: resolve(artifactsDir, `gadget-ranges-fan-${theme}-${String(width)}.png`),
      });
      await npv.screenshot({
        path: resolve(artifactsDir, `gadget-ranges-npv-${theme}-${String(width)}.png`),
      });

      await fan.getByRole('button', { name: 'Show as table' }).click();
      const rows = fan.getByRole('table').getByRole('row');
      expect(await rows.count()).toBeGreaterThan(2);
      await expect(rows.first().textContent()).resolves.toBe('MonthPlanP10P50P90');
      await fan.screenshot({
        path: resolve(artifactsDir, `gadget-ranges-table-${theme}-${String(width)}.png`),
      });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );
});
