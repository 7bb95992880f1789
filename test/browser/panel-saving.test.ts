/**
 * Saving in the epic value panel, from its real static build in the local Jira host, in both
 * themes at a narrow (380 px) and a wide (1,200 px) window: the save bar stays in view while the
 * page scrolls through a long form, and says where the edits stand (unsaved, saving, saved with a
 * visible confirmation, failed with the error right beside its button). The failure is the local
 * runtime's own fault injection: every storage call answered 500.
 * Screenshots land in test-artifacts/browser/panel-saving-*.png.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { resolve } from 'node:path';
import { artifactsDir, openShell, useBrowserHost, type ShellPage } from './browser-host';
import { CHK_EPICS_JQL, epicKeys, unwrap } from './site-calls';

const timeout = 120_000;
const HEIGHT = 700;
const widths = [380, 1200] as const;
const themes = ['light', 'dark'] as const;
const cases = themes.flatMap((theme) => widths.map((width) => [theme, width] as const));
/** A benefit planned over three years: its open card makes the form several screens long. */
const MONTHS = Array.from({ length: 36 }, (_, index) => {
  const month = index + 3;
  return `${String(2026 + Math.floor((month - 1) / 12))}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
});

/** The box of `locator` in the page's viewport (an element inside a frame included). */
async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('The element is not rendered.');
  return box;
}

/** The element is wholly inside the page's visible area. */
async function expectInView(page: Page, locator: Locator): Promise<void> {
  const box = await boxOf(locator);
  expect(box.y).toBeGreaterThanOrEqual(-1);
  expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT + 1);
}

/** What the user sees: the page's viewport, not the whole page. */
async function viewShot(shell: ShellPage, name: string): Promise<void> {
  await shell.page.screenshot({ path: resolve(artifactsDir, `${name}.png`) });
}

/** Scrolls the page until `locator` is in view, then lets the panel catch up with the scroll. */
async function scrollTo(panel: Frame, locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await panel.page().waitForTimeout(250);
}

describe('saving in the epic value panel', () => {
  const env = useBrowserHost();
  const { team } = DEMO_ACCOUNT_IDS;

  /** A CHK epic (one per test, so each starts from its own record) given a long plan. */
  async function epicWithLongPlan(index: number): Promise<string> {
    const keys = await epicKeys(env, CHK_EPICS_JQL, team);
    const key = keys[keys.length - 1 - index];
    if (key === undefined) throw new Error('The demo data has too few CHK epics.');
    const call = (functionKey: string, payload: unknown) =>
      env.site.invoke({ moduleKey: 'value-panel', functionKey, payload, accountId: team });
    const current = await unwrap<EpicValueView>(call('panel/get-value', { issueKey: key }));
    await unwrap(
      call('panel/save-value', {
        issueKey: key,
        baseRevision: current.revision,
        value: {
          ...current.value,
          benefits: [
            {
              id: 'long-plan',
              kind: 'revenue',
              title: 'Three-year uplift',
              planned: MONTHS.map((month) => ({ month, amount: 1500 })),
              realised: [],
            },
          ],
        },
      }),
    );
    return key;
  }

  it.each(cases)(
    'keeps the save bar in view and shows unsaved, saving, saved and failed beside its button (%s, %i px)',
    async (theme, width) => {
      const key = await epicWithLongPlan(cases.findIndex(([t, w]) => t === theme && w === width));
      const shell: ShellPage = await openShell(env, `/browse/${key}`, { accountId: team, theme });
      await shell.page.setViewportSize({ width, height: HEIGHT });
      const panel = await shell.moduleFrame('.app-panel');
      await panel.getByRole('button', { name: 'Three-year uplift' }).click();
      const bar = panel.getByRole('region', { name: 'Save your changes' });
      const save = bar.getByRole('button', { name: 'Save', exact: true });
      const probability = panel.getByRole('textbox', { name: 'Chance that the planned benefits arrive' });
      const firstMonth = panel.getByRole('textbox', { name: 'Planned benefit: amount for Mar 2026' });
      const middleMonth = panel.getByRole('textbox', { name: 'Planned benefit: amount for Feb 2027' });

      // The form is several screens long, so the bar's own place is far below the first month.
      expect((await boxOf(probability)).y - (await boxOf(firstMonth)).y).toBeGreaterThan(HEIGHT * 1.5);

      // With nothing to save, the bar keeps its place at the end of the form, covering nothing.
      await scrollTo(panel, firstMonth);
      expect((await boxOf(save)).y).toBeGreaterThan(HEIGHT);
      await firstMonth.fill('1,750.00');
      await bar.getByText('Unsaved changes', { exact: true }).waitFor();
      await expectInView(shell.page, save);
      await scrollTo(panel, middleMonth);
      await expectInView(shell.page, save);
      await viewShot(shell, `panel-saving-unsaved-${theme}-${String(width)}`);

      // Saving, slowed down so that the state can be seen, then Saved where the user clicked.
      env.site.setFaults({ storageLatencyMs: 400 });
      await save.click();
      await bar.getByText('Saving', { exact: true }).waitFor();
      await expectInView(shell.page, bar.getByText('Saving', { exact: true }));
      await bar.getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 });
      env.site.setFaults({});
      await expectInView(shell.page, bar.getByText('Saved', { exact: true }));
      await bar.getByText('No unsaved changes').waitFor();
      await viewShot(shell, `panel-saving-saved-${theme}-${String(width)}`);

      // A save that fails: the error sits right under the button, in view, and the edit stays.
      await middleMonth.fill('2,000.00');
      env.site.setFaults({ storage5xxRate: 1, seed: 7 });
      await save.click();
      const error = bar.getByRole('alert');
      await error.getByText('Not saved.').waitFor({ timeout: 60_000 });
      env.site.setFaults({});
      await bar.getByText('Not saved', { exact: true }).waitFor();
      const saveBox = await boxOf(save);
      const errorBox = await boxOf(error);
      expect(errorBox.y - (saveBox.y + saveBox.height)).toBeGreaterThanOrEqual(0);
      expect(errorBox.y - (saveBox.y + saveBox.height)).toBeLessThan(200);
      await expectInView(shell.page, save);
      await expectInView(shell.page, error);
      expect(await middleMonth.inputValue()).toBe('2,000.00');
      await viewShot(shell, `panel-saving-failed-${theme}-${String(width)}`);

      // Scrolled back to the top of the panel, the bar (with its error) is still in view.
      await scrollTo(panel, panel.getByRole('tab', { name: 'Value' }));
      await expectInView(shell.page, save);
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );
});
