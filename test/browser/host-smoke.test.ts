/**
 * The smoke test a newcomer's first `npm start` depends on: every Custom UI module renders from
 * its real static build inside the host, in light and dark, with no console errors anywhere, and
 * Jira's admin gate holds. Screenshots land in test-artifacts/browser/.
 */
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import {
  browserTimeout,
  expectNoErrors,
  callBridge,
  openShell,
  useBrowserHost,
  waitForText,
} from './browser-host';

describe('the local Jira host in Chromium', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    it(
      "shows an epic picked from the list in the issue view, with the app's Value panel",
      async () => {
        const shell = await openShell(env, '/issues', { accountId: admin, theme });
        const { page } = shell;
        const firstEpic = page.locator('.issue-table tbody tr').first();
        const key = (await firstEpic.locator('.issue-key a').textContent()) ?? '';
        await firstEpic.locator('.issue-key a').click();

        await page.waitForURL(`**/browse/${key}`);
        await waitForText(page.locator('.issue-details'), key);
        await waitForText(page.locator('.issue-details'), 'Epic');
        const panel = await shell.moduleFrame('.app-panel');
        await panel.getByRole('heading', { name: 'Value', level: 1 }).waitFor();
        expect(await panel.locator('html').getAttribute('data-color-mode')).toBe(theme);
        await shell.screenshot(`issue-view-${theme}`);
        await expectNoErrors(env, shell);
        await page.context().close();
      },
      browserTimeout,
    );

    it(
      'shows the Portfolio value gadget on the dashboard',
      async () => {
        const shell = await openShell(env, '/jira/dashboards/10000', { accountId: admin, theme });
        const gadget = await shell.moduleFrame('.gadget');
        await gadget.getByRole('heading', { name: 'Portfolio value', level: 1 }).waitFor();
        await shell.screenshot(`dashboard-${theme}`);
        await expectNoErrors(env, shell);
        await shell.page.context().close();
      },
      browserTimeout,
    );

    it(
      "shows the gadget's edit mode when Edit is pressed",
      async () => {
        const shell = await openShell(env, '/jira/dashboards/10000', { accountId: admin, theme });
        await shell.moduleFrame('.gadget');
        await shell.page.getByRole('button', { name: 'Edit' }).first().click();
        await shell.page.locator('.gadget iframe[title$="(editing)"]').waitFor();
        const editor = await shell.moduleFrame('.gadget');
        await editor.getByRole('heading', { name: 'Portfolio value', level: 1 }).waitFor();
        const context = (await callBridge(editor, 'getContext')) as { extension: { entryPoint?: string } };
        expect(context.extension.entryPoint).toBe('edit');
        await shell.screenshot(`dashboard-edit-${theme}`);
        await expectNoErrors(env, shell);
        await shell.page.context().close();
      },
      browserTimeout,
    );

    it(
      'shows the admin page to a Jira admin under Jira settings → Apps',
      async () => {
        const shell = await openShell(env, '/issues', { accountId: admin, theme });
        await shell.page.getByRole('link', { name: 'Apps' }).click();
        const adminPage = await shell.moduleFrame('.settings-content');
        await adminPage.getByRole('heading', { name: 'Value Layer', level: 1 }).waitFor();
        await waitForText(shell.page.getByRole('navigation', { name: 'Jira settings: Apps' }), 'Value Layer');
        await shell.screenshot(`admin-${theme}`);
        await expectNoErrors(env, shell);
        await shell.page.context().close();
      },
      browserTimeout,
    );

    it(
      "refuses the admin page to a team member with Jira's no-access page",
      async () => {
        const shell = await openShell(env, '/issues', { accountId: team, theme });
        await shell.page.getByRole('link', { name: 'Apps' }).click();
        await shell.page.getByRole('heading', { name: "You don't have access to this page" }).waitFor();
        expect(await shell.page.locator('iframe').count()).toBe(0);
        await shell.screenshot(`admin-refused-${theme}`);
        await expectNoErrors(env, shell);
        await shell.page.context().close();
      },
      browserTimeout,
    );
  });
});
