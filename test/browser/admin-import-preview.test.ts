/**
 * The import preview as an admin sees it, in Chromium on the seeded demo site: a file made from
 * the site's own backup with one objective renamed, the discount rate changed and two epics
 * changed shows each change from → to, lists the rest as unchanged, fits at 380 and 1,200 px in
 * both themes, and once applied leaves the unchanged epics alone (no new revision) and logs what
 * it changed as text. Screenshots: test-artifacts/admin-import-diff-*.png.
 */
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { Envelope } from '../../src/contract/envelope';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { browserTimeout, openShell, projectRoot, useBrowserHost } from './browser-host';

const artifacts = resolve(projectRoot, 'test-artifacts');
const MODULES = { admin: 'value-admin', panel: 'value-panel' } as const;

interface BackupEpic {
  key: string;
  value: { costs: { planned: { month: string; amount: number }[] } };
}
interface Backup {
  settings: { currency: string; discountRate: number };
  objectives: { id: string; name: string }[];
  epics: BackupEpic[];
}

describe('the admin import preview in Chromium', () => {
  const env = useBrowserHost();
  const { admin } = DEMO_ACCOUNT_IDS;

  beforeAll(() => {
    mkdirSync(artifacts, { recursive: true });
  });

  async function call<T>(module: keyof typeof MODULES, functionKey: string, payload: unknown): Promise<T> {
    const result = (await env.site.invoke({
      moduleKey: MODULES[module],
      functionKey,
      payload,
      accountId: admin,
    })) as Envelope<T>;
    if (!result.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  }

  /**
   * Sets the window so that the admin page's frame is `width` px wide; the host's layout reflows
   * as the window changes, so it is measured again. Answers the width reached: the host caps its
   * content column, so a wide frame may stop short of `width`.
   */
  async function frameWidth(page: Page, width: number): Promise<number> {
    let reached = -1;
    for (let attempt = 0; attempt < 5; attempt++) {
      const box = await page.locator('.settings-content iframe').boundingBox();
      const viewport = page.viewportSize();
      if (box === null || viewport === null) throw new Error('The admin frame is not on the page.');
      if (Math.abs(box.width - width) <= 1 || box.width === reached) return box.width;
      reached = box.width;
      await page.setViewportSize({ width: Math.round(viewport.width - box.width + width), height: 900 });
      await page.waitForTimeout(200);
    }
    return reached;
  }

  /** Whether anything in the frame sticks out sideways, outside a scroll region meant for it. */
  function overflowing(frame: Frame): Promise<string[]> {
    return frame.evaluate(() => {
      const root = document.documentElement;
      const found: string[] = [];
      if (root.scrollWidth > root.clientWidth + 1)
        found.push(`page ${String(root.scrollWidth)} > ${String(root.clientWidth)}`);
      for (const element of document.querySelectorAll<HTMLElement>('.vl-preview *')) {
        if (element.closest('.vl-table-scroll') !== null) continue;
        const box = element.getBoundingClientRect();
        if (box.right > root.clientWidth + 1)
          found.push(`${element.tagName}.${element.className}: ${element.textContent.slice(0, 40)}`);
      }
      return found;
    });
  }

  it(
    'shows each change from → to, lists unchanged epics apart, fits at 380 and 1,200 px, and leaves them alone on apply',
    async () => {
      const backup = JSON.parse(
        (await call<{ content: string }>('admin', 'admin/export-backup', {})).content,
      ) as Backup;
      const withCosts = backup.epics.filter((epic) => epic.value.costs.planned.length > 0).slice(0, 2);
      const unchanged = backup.epics.find((epic) => !withCosts.includes(epic));
      const objective = backup.objectives[0];
      if (withCosts.length < 2 || unchanged === undefined || objective === undefined)
        throw new Error('The demo site needs two epics with planned costs, another epic and an objective.');
      const changedKeys = withCosts.map((epic) => epic.key);
      for (const epic of withCosts) {
        const first = epic.value.costs.planned[0];
        if (first) epic.value.costs.planned[0] = { ...first, amount: first.amount + 1000 };
      }
      const file = {
        ...backup,
        settings: { ...backup.settings, discountRate: 0.11 },
        objectives: backup.objectives.map((item) =>
          item.id === objective.id ? { ...item, name: 'Renamed by the import' } : item,
        ),
        epics: [...withCosts, unchanged],
      };
      const before = await call<EpicValueView>('panel', 'panel/get-value', { issueKey: unchanged.key });

      const shell = await openShell(env, '/issues', { accountId: admin, theme: 'light' });
      const { page } = shell;
      await page.getByRole('link', { name: 'Apps' }).click();
      const frame = await shell.moduleFrame('.settings-content');
      await frame.getByRole('tab', { name: 'Import' }).click();
      await frame.getByLabel('Choose a file').setInputFiles({
        name: 'portfolio.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });

      const preview = frame.getByRole('region', { name: 'Ready to import' });
      await preview.waitFor();
      expect(
        (await preview.getByRole('group', { name: 'Settings' }).textContent())?.replace(/\s+/g, ' '),
      ).toMatch(/^Discount rate \d+(\.\d+)?% → changed to 11%$/);
      const renamed = preview.getByRole('row', { name: new RegExp(`^${objective.id} `) });
      expect(((await renamed.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
        `Name ${objective.name} → changed to Renamed by the import`,
      );
      const epics = preview.getByRole('table', { name: 'Epics the import writes' });
      const rows = (await epics.getByRole('row').allTextContents()).map((row) => row.replace(/\s+/g, ' '));
      expect(rows.slice(1).map((row) => row.split(' ')[0])).toEqual(changedKeys);
      for (const row of rows.slice(1))
        expect(row).toMatch(/ChangedPlanned cost €[\d,.]+ → changed to €[\d,.]+/);
      await preview.getByText('1 epic unchanged: left as they are, with no new revision').waitFor();
      await preview.getByRole('button', { name: 'Import 1 objective and 2 epics' }).waitFor();

      for (const width of [380, 1200]) {
        const reached = await frameWidth(page, width);
        if (width === 380) expect(Math.round(reached)).toBe(380);
        else expect(reached).toBeGreaterThan(900);
        for (const theme of ['light', 'dark'] as const) {
          await page.locator('#theme-switch').selectOption(theme);
          await page
            .locator('html')
            .and(page.locator(`[data-color-mode="${theme}"]`))
            .waitFor();
          await page.waitForTimeout(200);
          expect({ width, theme, overflowing: await overflowing(frame) }).toEqual({
            width,
            theme,
            overflowing: [],
          });
          await page.screenshot({
            path: resolve(artifacts, `admin-import-diff-${String(width)}-${theme}.png`),
            fullPage: true,
          });
        }
      }
      await page.locator('#theme-switch').selectOption('light');

      await preview.getByRole('button', { name: 'Import 1 objective and 2 epics' }).click();
      await frame.getByText('Imported 1 objective and 2 epics; 1 epic left as it was').waitFor();
      const after = await call<EpicValueView>('panel', 'panel/get-value', { issueKey: unchanged.key });
      expect({ revision: after.revision, updatedBy: after.updatedBy }).toEqual({
        revision: before.revision,
        updatedBy: before.updatedBy,
      });

      await frame.getByRole('tab', { name: 'Audit log' }).click();
      const entry = frame.getByRole('row', { name: /Imported a portfolio file/ }).first();
      await entry.waitFor();
      const logged = ((await entry.textContent()) ?? '').replace(/\s+/g, ' ');
      expect(logged).toContain('Discount rate');
      expect(logged).toContain('11%');
      expect(logged).toContain(`Objective ${objective.id}: name`);
      expect(logged).toContain(`Epics changed ${changedKeys.join(', ')}`);
      expect(logged).toContain('Epics left as they were 1');
      expect(logged).not.toMatch(/[{}]/);
      // The filtered audit log and the settings (targets beside their built-in values), as a user sees them.
      for (const tab of ['Audit log', 'Settings'] as const) {
        await frame.getByRole('tab', { name: tab }).click();
        await (tab === 'Settings'
          ? frame.getByRole('columnheader', { name: 'Built-in target' }).waitFor()
          : frame.getByRole('combobox', { name: 'Kind' }).waitFor());
        for (const width of [380, 1200]) {
          await frameWidth(page, width);
          for (const theme of ['light', 'dark'] as const) {
            await page.locator('#theme-switch').selectOption(theme);
            await page
              .locator('html')
              .and(page.locator(`[data-color-mode="${theme}"]`))
              .waitFor();
            await page.waitForTimeout(200);
            const sticking = await frame.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            );
            expect({ tab, width, theme, sticking }).toEqual({ tab, width, theme, sticking: 0 });
            await page.screenshot({
              path: resolve(
                artifacts,
                `admin-${tab === 'Settings' ? 'settings' : 'audit'}-${String(width)}-${theme}.png`,
              ),
              fullPage: true,
            });
          }
        }
        await page.locator('#theme-switch').selectOption('light');
      }

      expect(shell.errors).toEqual([]);
      await page.context().close();
    },
    6 * browserTimeout,
  );
});
