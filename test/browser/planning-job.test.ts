/**
 * Planning jobs on the value planning page's real build in the local Jira host, in both themes.
 * A budget cut run as a job: the kit's progress bar while the job runs (determinate once the total
 * is known), then the plan; the job's answers are the server's shape, fed through the host's invoke
 * route so that the page sees a large scope on the small demo site. Applying a plan of more epics
 * than one call writes: the real job in the real consumer, which the host runs at once; the page's
polls wait until its progress has been checked. Screenshots:
 * test-artifacts/browser/planning-job-*.png and planning-apply-job-*.png.
 */
import { resolve } from 'node:path';
import type { Frame, Route } from 'playwright-core';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { APPLY_INLINE_EPICS } from '../../src/application/planning/jobs/apply-job';
import type { Envelope } from '../../src/contract/envelope';
import type { PlanningJobView } from '../../src/contract/planning-job.contract';
import type { ScenarioView } from '../../src/contract/planning.contract';
import { artifactsDir, expectNoErrors, openShell, useBrowserHost, type ShellPage } from './browser-host';

const timeout = 120_000;

/** Opens the value planning page from the shell and runs a cut of `percent`% of the forecast. */
async function runCut(shell: ShellPage, percent: number): Promise<Frame> {
  await shell.page.getByRole('link', { name: 'Value planning' }).click();
  const frame = await shell.moduleFrame('#main');
  await frame.getByRole('button', { name: 'Run the cut' }).waitFor({ timeout: 60_000 });
  await frame.getByRole('textbox', { name: /Cut \(%\)/ }).fill(String(percent));
  await frame.getByRole('button', { name: 'Run the cut' }).click();
  return frame;
}
const JOB_ID = '7d9f2b1c-4a5e-4f3a-9b8c-1d2e3f4a5b6c';

describe('a budget cut run as a job', () => {
  const env = useBrowserHost();
  const { admin } = DEMO_ACCOUNT_IDS;

  it.each(['light', 'dark'] as const)(
    'shows its progress bar in the %s theme, then the plan',
    async (theme) => {
      const cut = { scope: { kind: 'all' }, cap: { kind: 'percent-cut', percent: 25 } };
      const planned = (await env.site.invoke({
        moduleKey: 'value-planning',
        functionKey: 'planning/run-scenario',
        payload: cut,
        accountId: admin,
      })) as Envelope<ScenarioView>;
      if (!planned.ok) throw new Error(JSON.stringify(planned.error));
      const job = (overrides: Partial<PlanningJobView>): PlanningJobView =>
        ({
          id: JOB_ID,
          kind: 'scenario',
          state: 'running',
          phase: 'linking',
          progress: { done: 1200, total: 3000, label: 'Reading dependencies: 1,200 of 3,000 epics' },
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
          ...overrides,
        }) as PlanningJobView;
      let finished = false;
      const shell = await openShell(env, '/issues', { accountId: admin, theme });
      await shell.page.setViewportSize({ width: 380, height: 900 });
      await shell.page.route('**/api/invoke', async (route: Route) => {
        const { functionKey, payload } = route.request().postDataJSON() as {
          functionKey: string;
          payload: { jobId?: string };
        };
        const answer = (data: unknown) =>
          route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({ ok: true, data }),
          });
        if (functionKey === 'planning/start-scenario') return answer({ kind: 'job', job: job({}) });
        if (functionKey === 'planning/get-job')
          return answer(
            payload.jobId === undefined
              ? null
              : finished
                ? job({ state: 'done', phase: 'finished', result: planned.data })
                : job({}),
          );
        return route.continue();
      });
      const frame = await runCut(shell, 25);
      const bar = frame.getByRole('progressbar', { name: 'Reading dependencies: 1,200 of 3,000 epics' });
      await bar.waitFor({ timeout: 30_000 });

      expect(await frame.locator('html').getAttribute('data-color-mode')).toBe(theme);
      expect(await bar.getAttribute('aria-valuenow')).toBe('1200');
      expect(await bar.getAttribute('aria-valuemax')).toBe('3000');
      const fill = bar.locator('.vl-progressbar-fill');
      const styles = await fill.evaluate((element) => {
        const track = element.parentElement as HTMLElement;
        return {
          fill: getComputedStyle(element).backgroundColor,
          track: getComputedStyle(track).backgroundColor,
          share: element.getBoundingClientRect().width / track.getBoundingClientRect().width,
        };
      });
      expect(styles.fill).not.toBe(styles.track);
      expect(styles.share).toBeCloseTo(0.4, 1);
      // Label, bar and Cancel stack without overlapping, at 380 px.
      const boxes = await frame.locator('.vl-job-progress').evaluate((group) =>
        ['.vl-progressbar-label', '.vl-progressbar-track', 'button'].map((selector) => {
          const box = (group.querySelector(selector) as HTMLElement).getBoundingClientRect();
          return { top: box.top, bottom: box.bottom };
        }),
      );
      const [label, track, cancel] = boxes;
      expect(label && track && label.bottom <= track.top).toBe(true);
      expect(track && cancel && track.bottom <= cancel.top).toBe(true);
      await bar.scrollIntoViewIfNeeded();
      await shell.page.screenshot({ path: resolve(artifactsDir, `planning-job-${theme}-380.png`) });
      await frame.getByRole('button', { name: 'Cancel the cut' }).focus();
      expect(
        await frame
          .getByRole('button', { name: 'Cancel the cut' })
          .evaluate((b) => b === document.activeElement),
      ).toBe(true);

      finished = true;
      const decisions = frame.getByRole('table', { name: /Decisions per epic/ });
      await decisions.waitFor({ timeout: 30_000 });
      expect(await decisions.locator('tbody tr').count()).toBe(
        planned.data.status === 'planned' ? planned.data.exact.decisions.length : -1,
      );
      expect(await frame.getByRole('progressbar').count()).toBe(0);
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );

  it.each([
    ['light', 1280],
    ['dark', 380],
  ] as const)(
    'applies a plan of more epics than one call writes as a job, in the %s theme at %i px',
    async (theme, width) => {
      const shell = await openShell(env, '/issues', { accountId: admin, theme });
      await shell.page.setViewportSize({ width, height: 900 });
      let holdPolls = true;
      await shell.page.route('**/api/invoke', async (route: Route) => {
        const { functionKey, payload } = route.request().postDataJSON() as {
          functionKey: string;
          payload: { jobId?: string };
        };
        while (holdPolls && functionKey === 'planning/get-job' && payload.jobId !== undefined)
          await new Promise((resolve) => setTimeout(resolve, 50));
        return route.continue();
      });
      const frame = await runCut(shell, 25);
      const decisions = frame.getByRole('table', { name: /Decisions per epic/ });
      await decisions.waitFor({ timeout: 60_000 });
      const planned = await decisions.locator('tbody tr').count();
      expect(planned).toBeGreaterThan(APPLY_INLINE_EPICS);

      await frame.getByRole('button', { name: 'Apply decisions' }).click();
      const dialog = frame.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /Scenario name/ }).fill(`Apply as a job (${theme})`);
      await dialog.getByRole('button', { name: 'Apply decisions' }).click();
      const progress = frame.getByRole('group', { name: 'Applying decisions' });
      await progress.waitFor({ timeout: 30_000 });
      expect(await frame.getByRole('dialog').count()).toBe(0);
      const bar = progress.getByRole('progressbar');
      expect(await bar.getAttribute('aria-valuemax')).toBe(String(planned));
      await progress.scrollIntoViewIfNeeded();
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-apply-job-${theme}-${String(width)}.png`),
      });

      holdPolls = false;
      const applied = frame.getByText(`Applied “Apply as a job (${theme})”`);
      await applied.waitFor({ timeout: 30_000 });
      expect(await frame.getByRole('progressbar').count()).toBe(0);
      const job = (await env.site.invoke({
        moduleKey: 'value-planning',
        functionKey: 'planning/get-job',
        payload: {},
        accountId: admin,
      })) as Envelope<PlanningJobView | null>;
      expect(job.ok && job.data?.kind === 'apply' ? job.data.result?.epics.length : null).toBe(planned);
      await applied.scrollIntoViewIfNeeded();
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-apply-job-${theme}-${String(width)}-done.png`),
      });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );
});
