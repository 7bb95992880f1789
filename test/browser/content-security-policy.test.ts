/**
 * The Custom UI under Forge's production Content Security Policy. The host serves every resource
 * with the header @forge/csp builds for manifest.yml (no `unsafe-eval`, no `unsafe-inline`), and
 * each module, through its main interactions, must run under it without a single violation: on
 * Forge a violation is a feature that silently does nothing, and a report to Atlassian.
 * The first test shows that the check sees a violation when there is one.
 */
import type { Frame } from 'playwright-core';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { browserTimeout, openShell, useBrowserHost, waitForText, type ShellPage } from './browser-host';

const DASHBOARD = '10000';
const GADGET = '10001';

describe("the Custom UI under Forge's Content Security Policy", () => {
  const env = useBrowserHost();
  const { admin } = DEMO_ACCOUNT_IDS;

  /** Lets the last reports arrive, then expects none. */
  async function expectNoViolations(shell: ShellPage): Promise<void> {
    await shell.page.waitForLoadState('networkidle');
    expect(shell.cspViolations).toEqual([]);
    expect(shell.errors).toEqual([]);
  }

  /** From the top, without the shell's focused skip link over the page. */
  async function screenshot(shell: ShellPage, name: string): Promise<void> {
    await shell.page.evaluate(() => {
      window.scrollTo(0, 0);
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.tagName !== 'IFRAME') active.blur();
    });
    await shell.screenshot(name);
  }

  async function openGadget(theme: 'light' | 'dark'): Promise<{ shell: ShellPage; frame: Frame }> {
    const response = await fetch(
      `${env.base}/api/dashboards/${DASHBOARD}/gadgets/${GADGET}/configuration?accountId=${admin}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ configuration: { scope: { kind: 'projects', projects: ['CHK', 'PAY'] } } }),
      },
    );
    if (!response.ok) throw new Error(`Configuring the gadget failed: ${String(response.status)}`);
    const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, { accountId: admin, theme });
    const frame = await shell.moduleFrame('.gadget');
    await frame.getByRole('region', { name: 'Key figures' }).waitFor({ timeout: 30_000 });
    return { shell, frame };
  }

  it(
    'serves every file of a module with the production header @forge/csp builds: no unsafe-eval, no unsafe-inline',
    async () => {
      const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, {
        accountId: admin,
        theme: 'light',
      });
      const policies = new Map<string, string | undefined>();
      shell.page.on('response', (response) => {
        if (response.url().includes('/resources/'))
          policies.set(new URL(response.url()).pathname, response.headers()['content-security-policy']);
      });
      await shell.page.reload();
      const reloaded = await shell.moduleFrame('.gadget');
      await reloaded.getByRole('heading', { name: 'Portfolio value', level: 1 }).waitFor();
      expect([...policies.keys()].filter((path) => /\.(?:html|js|css)$/.test(path)).length).toBeGreaterThan(
        2,
      );
      for (const [path, policy] of policies) {
        expect({ path, scripts: /script-src ([^;]*)/.exec(policy ?? '')?.[1] }).toEqual({
          path,
          scripts: expect.stringMatching(
            /^'self' https:\/\/forge\.cdn\.prod\.atlassian-dev\.net /,
          ) as unknown,
        });
        expect(policy).not.toContain('unsafe');
      }
      await shell.page.context().close();
    },
    browserTimeout,
  );

  it(
    "reports what the header blocks in a module's frame: eval (as zod's JIT probe), an inline <script> and an inline <style>",
    async () => {
      const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, {
        accountId: admin,
        theme: 'light',
      });
      const frame = await shell.moduleFrame('.gadget');
      await frame.getByRole('heading', { name: 'Portfolio value', level: 1 }).waitFor();
      await shell.page.waitForLoadState('networkidle');
      expect(shell.cspViolations).toEqual([]);

      // Code of the page's own (not DevTools', which CSP exempts): a string timer is eval, then an
      // inline <script> and an inline <style>. All three blocked, all three reported.
      await frame.evaluate(() => {
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the very call the CSP must block
        setTimeout('window.evalRan = true', 0);
        const script = document.createElement('script');
        script.textContent = 'window.inlineScriptRan = true;';
        document.head.append(script);
        const style = document.createElement('style');
        style.textContent = 'body { outline: 7px solid red; }';
        document.head.append(style);
      });
      // The reports are events, dispatched after the blocked code; the timer runs a moment later.
      await shell.page.waitForTimeout(300);
      expect(
        await frame.evaluate(() => {
          const page = window as unknown as Record<string, unknown>;
          return {
            evalRan: page.evalRan ?? false,
            inlineScriptRan: page.inlineScriptRan ?? false,
            outlineStyle: getComputedStyle(document.body).outlineStyle,
          };
        }),
      ).toEqual({ evalRan: false, inlineScriptRan: false, outlineStyle: 'none' });
      expect(shell.cspViolations.map((violation) => violation.replace(/ at .*| in .*/, ''))).toEqual(
        expect.arrayContaining([
          'CSP violation: script-src blocked eval',
          'CSP violation: script-src-elem blocked inline',
          'CSP violation: style-src-elem blocked inline',
        ]),
      );
      expect(shell.cspViolations).toHaveLength(3);
      // The browser also posts each one to the header's report-uri: the host's log, which npm start prints.
      for (let waited = 0; waited < 5000 && env.hostLog.length < 3; waited += 100) {
        await shell.page.waitForTimeout(100);
      }
      expect(env.hostLog.map((line) => line.replace(/ at .*/, ''))).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^CSP violation in .*\/resources\/gadget\/index\.html: script-src blocked eval$/,
          ),
          expect.stringMatching(/: style-src-elem blocked inline$/),
        ]),
      );
      await shell.page.context().close();
    },
    browserTimeout,
  );

  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    it(
      'runs the epic panel, its tabs and the benefit editor without a violation',
      async () => {
        const shell = await openShell(env, '/issues', { accountId: admin, theme });
        await shell.page.locator('.issue-table tbody tr .issue-key a').first().click();
        const panel = await shell.moduleFrame('.app-panel');
        await panel.getByRole('tab', { name: 'Value' }).waitFor();
        for (const tab of await panel.getByRole('tab').all()) await tab.click();
        await panel.getByRole('tab', { name: 'Value' }).click();
        await panel.getByRole('button', { name: 'Add benefit' }).click();
        await panel.getByRole('textbox', { name: 'Title', exact: true }).fill('Checked under the CSP');
        await panel.getByText('Unsaved changes', { exact: true }).first().waitFor();
        await screenshot(shell, `csp-epic-panel-${theme}`);
        await expectNoViolations(shell);
        await shell.page.context().close();
      },
      browserTimeout,
    );

    it(
      'runs the gadget, its drill-down and its edit mode without a violation',
      async () => {
        const { shell, frame } = await openGadget(theme);
        await frame
          .getByRole('region', { name: 'Value by programme' })
          .getByRole('button', { name: /^PRG-/ })
          .first()
          .click();
        await frame.getByRole('region', { name: /^Epics: / }).waitFor();
        await screenshot(shell, `csp-gadget-drill-down-${theme}`);
        await frame.getByRole('button', { name: 'Back to overview' }).click();
        await frame.getByRole('region', { name: 'Key figures' }).waitFor();
        await screenshot(shell, `csp-gadget-view-${theme}`);

        await shell.page.getByRole('button', { name: 'Edit' }).first().click();
        await shell.page.locator('.gadget iframe[title$="(editing)"]').waitFor();
        const editor = await shell.moduleFrame('.gadget');
        await editor.getByRole('radio', { name: 'Projects' }).check();
        await screenshot(shell, `csp-gadget-edit-${theme}`);
        await editor.getByRole('button', { name: 'Save' }).click();
        await shell.page.locator('.gadget iframe[title="Portfolio value gadget"]').waitFor();
        const view = await shell.moduleFrame('.gadget');
        await view.getByRole('region', { name: 'Key figures' }).waitFor({ timeout: 30_000 });
        await expectNoViolations(shell);
        await shell.page.context().close();
      },
      browserTimeout,
    );

    it(
      'runs the value planning page, its scope lists and a new ranking without a violation',
      async () => {
        const shell = await openShell(env, '/issues', { accountId: admin, theme });
        await shell.page.getByRole('link', { name: 'Value planning' }).click();
        const page = await shell.moduleFrame('#main');
        await page.getByRole('table', { name: /^Ranked by CD3/ }).waitFor({ timeout: 30_000 });
        await page.getByRole('radio', { name: 'Objectives' }).check();
        await page.getByRole('checkbox').first().check();
        await page.getByRole('radio', { name: 'Projects' }).check();
        await page.getByRole('checkbox', { name: /\(CHK\)$/ }).check();
        await page.getByRole('button', { name: 'Rank epics' }).click();
        await waitForText(page.getByRole('table', { name: /^Ranked by CD3/ }), 'CHK-');
        await screenshot(shell, `csp-planning-${theme}`);
        await expectNoViolations(shell);
        await shell.page.context().close();
      },
      browserTimeout,
    );

    it(
      'runs every tab of the admin page without a violation',
      async () => {
        const shell = await openShell(env, '/issues', { accountId: admin, theme });
        await shell.page.getByRole('link', { name: 'Apps' }).click();
        const adminPage = await shell.moduleFrame('.settings-content');
        await adminPage.getByRole('heading', { name: 'Value Layer', level: 1 }).waitFor();
        await waitForText(adminPage.getByRole('table', { name: /Strategic objectives/ }), 'OBJ-');
        await screenshot(shell, `csp-admin-${theme}`);
        for (const tab of await adminPage.getByRole('tab').all()) {
          await tab.click();
          await shell.page.waitForLoadState('networkidle');
        }
        await adminPage.getByRole('tab', { name: 'Objectives' }).click();
        await adminPage.getByRole('button', { name: 'Create objective' }).click();
        await adminPage.getByRole('textbox', { name: /^Name/ }).fill('Checked under the CSP');
        await expectNoViolations(shell);
        await shell.page.context().close();
      },
      browserTimeout,
    );
  });
});
