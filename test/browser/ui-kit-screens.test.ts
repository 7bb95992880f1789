/**
 * The three modules built on the one UI kit, in the local Jira host: each renders in both themes
 * at a narrow (380 px) and a wide (1,200 px) window under Forge's CSP, with no console error and no
 * CSP violation, and nothing wider than its frame. Screenshots land in test-artifacts/ui-kit-*.png.
 */
import type { Frame } from 'playwright-core';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { expectNoErrors, openShell, useBrowserHost, type ShellPage } from './browser-host';

const timeout = 120_000;
const widths = [380, 1200] as const;
const themes = ['light', 'dark'] as const;
const cases = themes.flatMap((theme) => widths.map((width) => [theme, width] as const));

/**
 * What sticks out of the frame's viewport (and so makes the whole module scroll sideways): the
 * outermost such elements, each as tag.class and how far it sticks out.
 */
async function widestOverflow(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const out: string[] = [];
    const visit = (element: Element): void => {
      const box = element.getBoundingClientRect();
      const scrolls = getComputedStyle(element).overflowX !== 'visible';
      if (box.right > limit + 1 && box.width > 0) {
        const childrenOut = [...element.children].some(
          (child) => child.getBoundingClientRect().right > limit + 1,
        );
        if (!childrenOut || scrolls) {
          out.push(
            `${element.tagName.toLowerCase()}.${element.className}: ${String(Math.round(box.right - limit))}px`,
          );
          return;
        }
      }
      if (!scrolls) [...element.children].forEach(visit);
    };
    visit(document.body);
    return out;
  });
}

describe('the UI kit in every module', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  async function open(path: string, accountId: string, theme: 'light' | 'dark', width: number) {
    const shell = await openShell(env, path, { accountId, theme });
    await shell.page.setViewportSize({ width, height: 900 });
    return shell;
  }

  async function finish(shell: ShellPage, frame: Frame, name: string): Promise<void> {
    await shell.screenshot(`ui-kit-${name}`);
    expect(await widestOverflow(frame)).toEqual([]);
    await expectNoErrors(env, shell);
    await shell.page.context().close();
  }

  it.each(cases)(
    'shows the epic panel in the %s theme at %i px',
    async (theme, width) => {
      const shell = await open('/browse/CHK-1', team, theme, width);
      const panel = await shell.moduleFrame('.app-panel');
      await panel.getByRole('button', { name: 'Save' }).first().waitFor({ timeout: 30_000 });
      expect(await panel.locator('html').getAttribute('data-color-mode')).toBe(theme);
      await finish(shell, panel, `panel-${theme}-${String(width)}`);
    },
    timeout,
  );

  it.each(cases)(
    'shows the gadget in the %s theme at %i px',
    async (theme, width) => {
      const shell = await open('/jira/dashboards/10000', admin, theme, width);
      const gadget = await shell.moduleFrame('.gadget');
      await gadget.getByRole('region', { name: 'Key figures' }).waitFor({ timeout: 30_000 });
      await finish(shell, gadget, `gadget-${theme}-${String(width)}`);
    },
    timeout,
  );

  it.each(cases)(
    'shows the admin page in the %s theme at %i px',
    async (theme, width) => {
      const shell = await open('/issues', admin, theme, width);
      await shell.page.getByRole('link', { name: 'Apps' }).click();
      const page = await shell.moduleFrame('.settings-content');
      await page.getByRole('heading', { name: 'Value Layer', level: 1 }).waitFor();
      await page.getByRole('table').first().waitFor({ timeout: 30_000 });
      await finish(shell, page, `admin-${theme}-${String(width)}`);
    },
    timeout,
  );
});
