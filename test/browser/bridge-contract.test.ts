/**
 * The host side of @forge/bridge 7.2.0's `callBridge(method, payload)` contract (forge-platform.md
 * §2.6), exercised from inside real module iframes in the host page.
 */
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import type { Frame } from 'playwright-core';
import { PANEL } from '../../src/contract/panel.contract';
import {
  bridgeRejection,
  browserTimeout,
  callBridge,
  openShell,
  useBrowserHost,
  waitForText,
  type ShellPage,
} from './browser-host';

describe('the Custom UI bridge host', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  describe('in the issue panel', () => {
    let shell: ShellPage;
    let panel: Frame;
    let epicKey: string;

    beforeAll(async () => {
      const opened = await openShell(env, '/issues', { accountId: team });
      epicKey = (await opened.page.locator('.issue-table .issue-key a').first().textContent()) ?? '';
      await opened.page.locator('.issue-table .issue-key a').first().click();
      shell = opened;
      panel = await shell.moduleFrame('.app-panel');
    }, browserTimeout);

    afterAll(async () => {
      await shell.page.context().close();
    });

    it(
      "getContext returns the issue panel's full context for the signed-in user",
      async () => {
        const context = (await callBridge(panel, 'getContext')) as Record<string, unknown>;
        expect(context).toMatchObject({
          accountId: team,
          cloudId: env.site.cloudId,
          siteUrl: env.site.siteUrl,
          moduleKey: 'value-panel',
          environmentType: 'DEVELOPMENT',
          theme: { colorMode: 'light' },
          extension: {
            type: 'jira:issuePanel',
            issue: { key: epicKey, type: 'Epic' },
            project: { key: epicKey.split('-')[0] },
            isNewToIssue: false,
          },
        });
        expect(typeof context['localId']).toBe('string');
        expect(typeof context['locale']).toBe('string');
        expect(typeof context['timezone']).toBe('string');
        expect((context['extension'] as { location: string }).location).toBe(`${env.base}/browse/${epicKey}`);
      },
      browserTimeout,
    );

    it(
      "getContext's objects belong to the iframe's own realm, as libraries that check prototypes need",
      async () => {
        const sameRealm = await panel.evaluate(async () => {
          const bridge = (
            window as unknown as { __bridge: { callBridge(m: string): Promise<{ extension: unknown }> } }
          ).__bridge;
          const context = await bridge.callBridge('getContext');
          return (
            Object.getPrototypeOf(context) === Object.prototype &&
            Object.getPrototypeOf(context.extension) === Object.prototype
          );
        });
        expect(sameRealm).toBe(true);
      },
      browserTimeout,
    );

    it(
      "invoke resolves to the resolver's result",
      async () => {
        const result = await callBridge(panel, 'invoke', {
          functionKey: PANEL.getValue,
          payload: { issueKey: epicKey },
        });
        // The app's envelope (src/contract/envelope.ts), whatever the epic's value data holds.
        expect(typeof (result as { ok: unknown }).ok).toBe('boolean');
      },
      browserTimeout,
    );

    it(
      'invoke wraps the result in {body, metadata} when metadata was asked for',
      async () => {
        const result = await callBridge(panel, 'invoke', {
          functionKey: PANEL.getValue,
          payload: { issueKey: epicKey },
          metadata: { rateLimitProperties: true },
        });
        expect(result).toMatchObject({ body: { ok: expect.any(Boolean) as unknown }, metadata: {} });
      },
      browserTimeout,
    );

    it(
      'invoke rejects with the resolver error when the resolver throws',
      async () => {
        const message = await bridgeRejection(panel, 'invoke', { functionKey: 'panel/no-such-key' });
        expect(message).toBe(
          "There was an error invoking the function - Resolver has no definition for 'panel/no-such-key'.",
        );
      },
      browserTimeout,
    );

    it(
      'fetchProduct makes the Jira call as the signed-in user and returns status, headers and body',
      async () => {
        const response = (await callBridge(panel, 'fetchProduct', {
          product: 'jira',
          restPath: '/rest/api/3/mypermissions?permissions=ADMINISTER',
          fetchRequestInit: { method: 'GET', headers: [['X-Atlassian-Token', 'no-check']], body: null },
          isMultipartFormData: false,
        })) as { status: number; body: string };
        expect(response.status).toBe(200);
        expect(JSON.parse(response.body)).toMatchObject({
          permissions: { ADMINISTER: { havePermission: false } },
        });
      },
      browserTimeout,
    );

    it(
      'fetchProduct rejects a product other than Jira',
      async () => {
        const message = await bridgeRejection(panel, 'fetchProduct', {
          product: 'confluence',
          restPath: '/wiki/rest/api/space',
          fetchRequestInit: {},
        });
        expect(message).toContain('Jira only');
      },
      browserTimeout,
    );

    it(
      'submit and close answer false in an issue panel, so the bridge reports "not submittable"',
      async () => {
        expect(await callBridge(panel, 'submit', { any: 1 })).toBe(false);
        expect(await callBridge(panel, 'close')).toBe(false);
      },
      browserTimeout,
    );

    it(
      'rejects an unknown method with an error that names it and lists the supported ones',
      async () => {
        const message = await bridgeRejection(panel, 'openRovo');
        expect(message).toContain('does not implement the bridge method "openRovo"');
        expect(message).toContain('invoke');
      },
      browserTimeout,
    );

    it(
      'getUrl turns an issue location into the shell URL of its issue view',
      async () => {
        expect(await callBridge(panel, 'getUrl', { target: 'issue', issueKey: 'PAY-2' })).toBe(
          `${env.base}/browse/PAY-2`,
        );
      },
      browserTimeout,
    );

    it(
      'showFlag shows a flag in the shell whose action calls back into the iframe, and closeFlag removes it',
      async () => {
        await panel.evaluate(() => {
          const bridge = (
            window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> } }
          ).__bridge;
          void bridge.callBridge('showFlag', {
            id: 'saved',
            title: 'Value saved',
            type: 'success',
            actions: [
              {
                text: 'Undo',
                onClick: () => {
                  document.body.setAttribute('data-undo', 'clicked');
                },
              },
            ],
          });
        });
        const flag = shell.page.locator('[data-flag-id="saved"]');
        await waitForText(flag, 'Value saved');
        await flag.getByRole('button', { name: 'Undo' }).click();
        expect(await panel.locator('body').getAttribute('data-undo')).toBe('clicked');
        await callBridge(panel, 'closeFlag', { id: 'saved' });
        expect(await flag.count()).toBe(0);
      },
      browserTimeout,
    );

    it(
      'on delivers JIRA_ISSUE_CHANGED when the summary is edited in the issue view',
      async () => {
        await panel.evaluate(() => {
          const bridge = (
            window as unknown as { __bridge: { callBridge(m: string, p: unknown): Promise<unknown> } }
          ).__bridge;
          void bridge.callBridge('on', {
            event: 'JIRA_ISSUE_CHANGED',
            callback: (payload: unknown) => {
              document.body.setAttribute('data-changed', JSON.stringify(payload));
            },
          });
        });
        await shell.page.getByRole('button', { name: 'Edit summary' }).click();
        await shell.page.getByLabel('Summary').fill('Renamed by the browser test');
        await shell.page.getByRole('button', { name: 'Save' }).click();
        await shell.page.getByRole('heading', { name: 'Renamed by the browser test' }).waitFor();
        const changed = JSON.parse(
          (await panel.locator('body').getAttribute('data-changed')) ?? 'null',
        ) as unknown;
        expect(changed).toMatchObject({ changes: [{ changeType: 'updated', atlassianId: team }] });
      },
      browserTimeout,
    );

    it(
      'enableTheming follows the shell theme switch inside the iframe',
      async () => {
        await shell.page.getByLabel('Theme').selectOption('dark');
        expect(await panel.locator('html').getAttribute('data-color-mode')).toBe('dark');
        expect(await panel.locator('link[data-forge-tokens]').count()).toBe(1);
        await shell.page.getByLabel('Theme').selectOption('light');
        expect(await panel.locator('html').getAttribute('data-color-mode')).toBe('light');
      },
      browserTimeout,
    );

    it(
      'navigate to a dashboard location moves the shell to that dashboard',
      async () => {
        await callBridge(panel, 'navigate', { target: 'dashboard', dashboardId: '10000', type: 'same-tab' });
        await shell.page.waitForURL('**/jira/dashboards/10000');
        await shell.moduleFrame('.gadget');
      },
      browserTimeout,
    );
  });

  describe('in dashboard gadgets', () => {
    it(
      'saves the configuration submitted in edit mode and hands it back as gadgetConfiguration',
      async () => {
        const shell = await openShell(env, '/jira/dashboards/10000', { accountId: admin });
        await shell.page.getByRole('button', { name: 'Add Portfolio value gadget' }).click();
        const added = shell.page.locator('.gadget').nth(1);
        await added.locator('iframe[title$="(editing)"]').waitFor();
        const editor = await shell.moduleFrame('.gadget:nth-child(2)');
        expect(await callBridge(editor, 'submit', { refresh: 15, projects: ['PAY'] })).toBe(true);

        await added.locator('iframe:not([title$="(editing)"])').waitFor();
        const view = await shell.moduleFrame('.gadget:nth-child(2)');
        const context = (await callBridge(view, 'getContext')) as { extension: Record<string, unknown> };
        expect(context.extension['gadgetConfiguration']).toEqual({ refresh: 15, projects: ['PAY'] });
        expect(context.extension['entryPoint']).toBeUndefined();
        const first = (await callBridge(await shell.moduleFrame('.gadget:nth-child(1)'), 'getContext')) as {
          extension: Record<string, unknown>;
        };
        expect(first.extension['gadgetConfiguration']).toEqual({});
        expect(shell.errors).toEqual([]);
        await shell.page.context().close();
      },
      browserTimeout,
    );

    it(
      'close in edit mode goes back to the view without saving',
      async () => {
        const shell = await openShell(env, '/jira/dashboards/10000', { accountId: admin });
        await shell.moduleFrame('.gadget');
        await shell.page.getByRole('button', { name: 'Edit' }).first().click();
        await shell.page.locator('.gadget iframe[title$="(editing)"]').first().waitFor();
        expect(await callBridge(await shell.moduleFrame('.gadget'), 'close')).toBe(true);
        await shell.page.locator('.gadget').first().getByRole('button', { name: 'Edit' }).waitFor();
        await shell.page.context().close();
      },
      browserTimeout,
    );
  });

  describe('on the admin page', () => {
    it(
      "createHistory maps the module's paths below the admin page URL without reloading the iframe",
      async () => {
        const shell = await openShell(env, '/jira/settings/apps', { accountId: admin });
        const adminFrame = await shell.moduleFrame('.settings-content');
        const pathname = await adminFrame.evaluate(async () => {
          const bridge = (
            window as unknown as { __bridge: { callBridge(m: string): Promise<Record<string, unknown>> } }
          ).__bridge;
          const history = (await bridge.callBridge('createHistory')) as unknown as {
            push(path: string): void;
            listen(fn: (location: { pathname: string }) => void): void;
          };
          (window as unknown as { seen: string[] }).seen = [];
          history.listen((location) =>
            (window as unknown as { seen: string[] }).seen.push(location.pathname),
          );
          history.push('/objectives');
          return (window as unknown as { seen: string[] }).seen;
        });
        expect(pathname).toEqual(['/objectives']);
        expect(shell.page.url()).toMatch(/\/jira\/settings\/apps\/[^/]+\/[^/]+\/objectives$/);
        // The same document still answers: the iframe was not reloaded.
        expect(await adminFrame.evaluate(() => (window as unknown as { seen: string[] }).seen.length)).toBe(
          1,
        );
        await shell.page.goBack();
        await adminFrame.waitForFunction(() => (window as unknown as { seen: string[] }).seen.at(-1) === '/');
        await shell.page.context().close();
      },
      browserTimeout,
    );

    it(
      'changeWindowTitle sets the page title',
      async () => {
        const shell = await openShell(env, '/jira/settings/apps', { accountId: admin });
        const adminFrame = await shell.moduleFrame('.settings-content');
        await callBridge(adminFrame, 'changeWindowTitle', 'Objectives - Value Layer');
        expect(await shell.page.title()).toBe('Objectives - Value Layer');
        await shell.page.context().close();
      },
      browserTimeout,
    );
  });

  describe('when the user switches', () => {
    it(
      'reloads the modules as the new user',
      async () => {
        const shell = await openShell(env, '/jira/dashboards/10000', { accountId: admin });
        const before = (await callBridge(await shell.moduleFrame('.gadget'), 'getContext')) as {
          accountId: string;
        };
        const oldFrameId = await shell.page
          .locator('.gadget iframe')
          .first()
          .getAttribute('data-forge-frame-id');
        await shell.page.getByLabel('Signed in as').selectOption(team);
        await shell.page.waitForFunction(
          (id) =>
            (document.querySelector('.gadget iframe')?.getAttribute('data-forge-frame-id') ?? id) !== id,
          oldFrameId,
        );
        const after = (await callBridge(await shell.moduleFrame('.gadget'), 'getContext')) as {
          accountId: string;
        };
        expect([before.accountId, after.accountId]).toEqual([admin, team]);
        await shell.page.context().close();
      },
      browserTimeout,
    );
  });
});
