/**
 * The range figures added for issue #17's missing parts, through the real resolvers on the demo
 * portfolio: each objective's chance to reach its target (or why it has none) in Objective
 * progress, the ranges CSV export, and the NPV tile that reads "At risk" when most simulated
 * outcomes are below zero — in both themes, wide (1,200 px) and narrow (380 px), with nothing
 * sticking out of the frame. Screenshots: test-artifacts/browser/gadget-range-chances-*.png.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import type { ObjectiveList } from '../../src/contract/admin.contract';
import type { Envelope } from '../../src/contract/envelope';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { artifactsDir, expectNoErrors, openShell, useBrowserHost } from './browser-host';
import { resetDemoGadget } from './site-calls';

const timeout = 180_000;
const DASHBOARD = '10000';
const workDir = mkdtempSync(join(tmpdir(), 'gadget-range-chances-'));

/** Elements of the objectives section and the NPV tile wider than the frame. */
function overflowing(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const elements = [
      ...document.querySelectorAll('.vl-objective-chance, .vl-tile-range-warning, .vl-ranges-export'),
    ];
    return elements
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.right > limit + 1;
      })
      .map((element) => `${element.className} "${element.textContent.slice(0, 40)}" sticks out`);
  });
}

describe('the gadget’s objective chances, ranges export and NPV tile against its range', () => {
  const env = useBrowserHost();
  const { admin } = DEMO_ACCOUNT_IDS;
  let targeted = '';

  beforeAll(async () => {
    await resetDemoGadget(env, admin);
    // The demo objectives have no target: give the first active one a target, as an admin does.
    const invoke = async <T>(functionKey: string, payload: unknown): Promise<T> => {
      const result = (await env.site.invoke({
        moduleKey: 'value-admin',
        functionKey,
        payload,
        accountId: admin,
      })) as Envelope<T>;
      if (!result.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    };
    const list = await invoke<ObjectiveList>('admin/list-objectives', {});
    const objective = list.objectives.find((candidate) => candidate.status === 'active');
    if (objective === undefined) throw new Error('the demo site has no active objective');
    const { linkedEpics: _linked, figures: _figures, ...stored } = objective;
    targeted = stored.name;
    await invoke('admin/update-objective', {
      objective: {
        ...stored,
        target: { measure: 'Attributed benefit', amount: 250_000, date: '2027-06-30' },
      },
    });
  }, timeout);

  it.each(['light', 'dark'] as const)(
    'shows the chances, exports the ranges and warns on the NPV tile in the %s theme',
    async (theme) => {
      const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, { accountId: admin, theme });
      await shell.page.setViewportSize({ width: 1200, height: 900 });
      const frame = await shell.moduleFrame('.gadget');
      const objectives = frame.getByRole('region', { name: 'Objective progress' });
      const chance = objectives
        .locator('.vl-objective')
        .filter({ hasText: targeted })
        .locator('.vl-objective-chance');
      await chance.waitFor({ timeout: 90_000 });

      await expect(chance.textContent()).resolves.toMatch(/^\d+(\.\d)?% chance to reach by Jun 2027$/);
      // Objectives without a target show their "No target" lozenge and no chance line.
      expect(await objectives.locator('.vl-objective-chance').count()).toBe(1);

      // The demo's defaults put most outcomes below zero (docs/kpis.md, "The NPV tile against its range").
      const npv = frame.getByRole('listitem', { name: 'NPV' });
      const warning = npv.locator('.vl-tile-range-warning');
      await warning.waitFor();
      expect(await npv.getAttribute('data-status')).toBe('at-risk');
      await expect(npv.locator('.vl-tile-status').textContent()).resolves.toMatch(
        /^At risk · plan on target: /,
      );
      await expect(warning.textContent()).resolves.toMatch(
        /^The plan figure is on target, but \d+(\.\d)?% of simulated outcomes are below zero\. The ranges include default spreads for \d+ of \d+ benefits without an entered range\.$/,
      );

      const [file] = await Promise.all([
        shell.page.waitForEvent('download'),
        frame.getByRole('button', { name: 'Export ranges CSV' }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(/^value-layer-ranges-\d{4}-\d{2}-seed-\d+\.csv$/);
      const path = join(workDir, `${theme}-${file.suggestedFilename()}`);
      await file.saveAs(path);
      const rows = readFileSync(path, 'utf8').trimEnd().split('\r\n');
      expect(rows[0]).toMatch(/^scope,key,name,epics,npvP10,/);
      expect(rows[1]).toMatch(/^portfolio,,,\d+,/);
      expect(rows.some((row) => /^objective,.*,250000,2027-06-30,(0(\.\d+)?|1),,/.test(row))).toBe(true);
      expect(rows.filter((row) => row.includes(',NO_TARGET,')).length).toBeGreaterThan(0);

      await objectives.scrollIntoViewIfNeeded();
      await objectives.screenshot({
        path: resolve(artifactsDir, `gadget-range-chances-objectives-${theme}-1200.png`),
      });
      await npv.screenshot({ path: resolve(artifactsDir, `gadget-range-chances-npv-${theme}-1200.png`) });
      expect(await overflowing(frame)).toEqual([]);

      await shell.page.setViewportSize({ width: 380, height: 900 });
      await frame.waitForFunction(() => document.documentElement.clientWidth <= 380);
      expect(await overflowing(frame)).toEqual([]);
      await npv.screenshot({ path: resolve(artifactsDir, `gadget-range-chances-npv-${theme}-380.png`) });
      await objectives.screenshot({
        path: resolve(artifactsDir, `gadget-range-chances-objectives-${theme}-380.png`),
      });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );
});
