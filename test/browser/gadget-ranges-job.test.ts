/**
 * The gadget's risk ranges of a scope too large for one call (issue #17), computed in the
 * background, on the gadget's real build in the local Jira host: the offer to compute them, the
 * job's progress, then the fan chart saying when it was computed, at 380 and 1,200 px in both
 * themes, with nothing wider than the frame and no error. The job's answers are the server's
 * shape (its ranges those the real resolver gives for the demo scope), fed through the host's
 * invoke route so that the gadget sees a large scope on the small demo site. Screenshots:
 * test-artifacts/browser/gadget-ranges-job-*.png.
 */
import { resolve } from 'node:path';
import type { Route } from 'playwright-core';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import type { Envelope } from '../../src/contract/envelope';
import type { PlanningJobView } from '../../src/contract/planning-job.contract';
import type { RangesView } from '../../src/contract/ranges.contract';
import { artifactsDir, expectNoErrors, openShell, useBrowserHost } from './browser-host';
import { resetDemoGadget } from './site-calls';

const timeout = 180_000;
const DASHBOARD = '10000';
const JOB_ID = '0b6d7c9e-2f41-4b8a-9c3d-5e6f7a8b9c0d';
const TOO_LARGE =
  'This scope has more than 5,000 epics, too many to read in one request. Its risk ranges can be computed in the background.';
const cases = (['light', 'dark'] as const).flatMap((theme) =>
  [380, 1200].map((width) => [theme, width] as const),
);

describe('the gadget’s risk ranges computed in the background', () => {
  const env = useBrowserHost();
  const { admin } = DEMO_ACCOUNT_IDS;

  beforeAll(() => resetDemoGadget(env, admin), timeout);

  it.each(cases)(
    'offers them, shows the job’s progress, then the ranges in the %s theme at %i px',
    async (theme, width) => {
      const ranges = (await env.site.invoke({
        moduleKey: 'value-gadget',
        functionKey: 'gadget/get-ranges',
        payload: { scope: { kind: 'all' } },
        accountId: admin,
      })) as Envelope<RangesView>;
      if (!ranges.ok) throw new Error(JSON.stringify(ranges.error));
      const job = (overrides: Partial<PlanningJobView>): PlanningJobView =>
        ({
          id: JOB_ID,
          kind: 'ranges',
          state: 'running',
          phase: 'reading',
          progress: { done: 6200, total: null, label: 'Reading epics: 6,200 read' },
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
          ...overrides,
        }) as PlanningJobView;
      let finished = false;
      const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, { accountId: admin, theme });
      await shell.page.setViewportSize({ width, height: 900 });
      await shell.page.route('**/api/invoke', async (route: Route) => {
        const { functionKey } = route.request().postDataJSON() as { functionKey: string };
        const fulfil = (body: unknown) =>
          route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
        if (functionKey === 'gadget/get-ranges')
          return fulfil({ ok: false, error: { code: 'TOO_LARGE', message: TOO_LARGE } });
        if (functionKey === 'gadget/find-ranges-job') return fulfil({ ok: true, data: null });
        if (functionKey === 'gadget/start-ranges-job') return fulfil({ ok: true, data: job({}) });
        if (functionKey === 'gadget/get-ranges-job')
          return fulfil({
            ok: true,
            data: finished
              ? job({
                  state: 'done',
                  phase: 'finished',
                  progress: { done: 6200, total: 6200, label: 'Done' },
                  result: ranges.data,
                })
              : job({}),
          });
        return route.continue();
      });
      const frame = await shell.moduleFrame('.gadget');
      const name = (state: string) => `gadget-ranges-job-${state}-${theme}-${String(width)}.png`;

      const offer = frame.getByRole('button', { name: 'Compute in the background' });
      await offer.waitFor({ timeout: 90_000 });
      expect(await frame.getByText(TOO_LARGE).count()).toBe(1);
      await offer.scrollIntoViewIfNeeded();
      await frame
        .locator('section', { has: offer })
        .screenshot({ path: resolve(artifactsDir, name('offer')) });
      await offer.focus();
      await shell.page.keyboard.press('Enter');

      const progress = frame.getByRole('group', { name: 'Risk ranges in progress' });
      await progress.waitFor({ timeout: 30_000 });
      await expect(progress.getByRole('progressbar').getAttribute('aria-valuetext')).resolves.toBe(
        'Reading epics: 6,200 read',
      );
      await progress.screenshot({ path: resolve(artifactsDir, name('progress')) });

      finished = true;
      const fan = frame.getByRole('figure', { name: 'Benefit range over time' });
      await fan.waitFor({ timeout: 30_000 });
      await expect(fan.getByText(/Computed in the background at/).count()).resolves.toBe(1);
      await expect(
        frame.getByRole('listitem', { name: 'NPV' }).locator('.vl-tile-range').textContent(),
      ).resolves.toMatch(/^P10–P90: /);
      // The ranges section (the fan chart's) holds nothing wider than the frame.
      const sticking = await frame.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        const section = [...document.querySelectorAll('section')].find((element) =>
          element.textContent.includes('Computed in the background at'),
        );
        return [...(section?.querySelectorAll('*') ?? [])]
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && box.right > limit + 1;
          })
          .map((element) => `${element.tagName} "${element.textContent.slice(0, 40)}"`);
      });
      expect(sticking).toEqual([]);
      await fan.scrollIntoViewIfNeeded();
      await fan.screenshot({ path: resolve(artifactsDir, name('done')) });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );
});
