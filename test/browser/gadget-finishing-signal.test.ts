/**
 * The stop signal in the Portfolio value gadget's drill-down (issue #16, point 3): the real static
 * build against the seeded demo site. Drilling into the NPV tile lists its epics; each in-flight
 * epic not worth finishing carries the Value planning page's lozenge and reason, and only those.
 * Screenshots: test-artifacts/browser/gadget-finishing-signal-*.png.
 */
import { resolve } from 'node:path';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import type { Envelope } from '../../src/contract/envelope';
import type { EpicList } from '../../src/contract/gadget.contract';
import { currentMonth } from '../../static/src/features/gadget/config/gadget-config';
import { artifactsDir, browserTimeout, expectNoErrors, openShell, useBrowserHost } from './browser-host';
import { clippedText } from './panel-checks';

const DASHBOARD = '10000';
const GADGET = '10001';

describe('the stop signal in the gadget drill-down', () => {
  const env = useBrowserHost();
  const { admin } = DEMO_ACCOUNT_IDS;

  it.each([
    ['light', 1200],
    ['dark', 380],
  ] as const)(
    'flags the epics not worth finishing in the NPV drill-down, with the planning page’s words (%s, %i px)',
    async (theme, width) => {
      const scope = { kind: 'all' };
      const saved = await fetch(
        `${env.base}/api/dashboards/${DASHBOARD}/gadgets/${GADGET}/configuration?accountId=${admin}`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ configuration: { scope } }),
        },
      );
      expect(saved.ok).toBe(true);
      const envelope = (await env.site.invoke({
        moduleKey: 'value-gadget',
        functionKey: 'gadget/list-epics',
        payload: { scope, asOf: currentMonth(new Date()), filter: { by: 'all' }, kpi: 'npv' },
        accountId: admin,
      })) as Envelope<EpicList>;
      if (!envelope.ok) throw new Error(envelope.error.message);
      const flagged = envelope.data.epics.filter(
        (row) => row.finishing?.signal.verdict === 'not_worth_finishing',
      );
      expect(flagged.length).toBeGreaterThan(0);

      const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, { accountId: admin, theme });
      await shell.page.setViewportSize({ width, height: 900 });
      const frame = await shell.moduleFrame('.gadget');
      await frame.getByRole('region', { name: 'Key figures' }).waitFor({ timeout: 60_000 });
      await frame
        .getByRole('listitem', { name: 'NPV' })
        .getByRole('button', { name: /Show the epics behind it/ })
        .click();
      const table = frame.getByRole('table', { name: /NPV/ });
      await table.waitFor({ timeout: 60_000 });

      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(envelope.data.epics.length);
      const lozenges = table.locator('.vl-lozenge', { hasText: 'Not worth finishing' });
      expect(await lozenges.count()).toBe(flagged.length);
      const reason = table.locator('.vl-signal-reason').first();
      expect(await reason.textContent()).toMatch(
        /^Remaining risk-adjusted benefit .+ is below remaining cost .+: finishing loses .+\.$/,
      );
      expect(await clippedText(frame)).toEqual([]);
      await reason.scrollIntoViewIfNeeded();
      await shell.page.screenshot({
        path: resolve(artifactsDir, `gadget-finishing-signal-${theme}-${String(width)}.png`),
      });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    browserTimeout * 2,
  );
});
