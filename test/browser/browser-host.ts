/**
 * Chromium driving the real host page against the real local site (in memory), for the browser
 * tests. Each
 * page gets a fresh context (so its own localStorage: user and theme) and records every console
 * error and uncaught exception from the shell and from the module iframes.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { startHost, type RunningHost } from 'forge-local';
import type { DemoUser, LocalSite } from '../../local-site';
import { openLocalSite } from '../../local-site';
import { launchChromium } from './chromium';

export const projectRoot = resolve(__dirname, '../..');
export const artifactsDir = resolve(projectRoot, 'test-artifacts', 'browser');

/** Launching Chromium and loading the Custom UI bundles takes seconds, not milliseconds. */
export const browserTimeout = 60_000;

export interface BrowserHost {
  site: LocalSite;
  host: RunningHost;
  browser: Browser;
  base: string;
  /** What the host reported: failed requests, resolver errors, failed event deliveries. */
  hostLog: string[];
  userWithRole(role: DemoUser['role']): DemoUser;
  close(): Promise<void>;
}

export async function startBrowserHost(): Promise<BrowserHost> {
  mkdirSync(artifactsDir, { recursive: true });
  // The real site, seeded with the demo portfolio, in memory; events wait for the host to deliver them.
  const site = await openLocalSite({ dataDir: null, log: () => undefined });
  const hostLog: string[] = [];
  const host = await startHost({
    site,
    rootDir: projectRoot,
    port: 0,
    dataDir: null,
    log: (line) => hostLog.push(line),
  });
  let browser: Browser;
  try {
    ({ browser } = await launchChromium());
  } catch (error) {
    await host.close();
    await site.close();
    throw error;
  }
  return {
    site,
    host,
    browser,
    base: `http://127.0.0.1:${String(host.port)}`,
    hostLog,
    userWithRole(role) {
      const user = site.users.find((u) => u.role === role);
      if (!user) throw new Error(`The site has no ${role} user.`);
      return user;
    },
    async close() {
      await browser.close();
      await host.close();
      await site.close();
    },
  };
}

/**
 * The browser host for the enclosing `describe`: started before its tests, closed after them.
 * The returned object forwards to the running host, so tests use it as a `BrowserHost`.
 */
export function useBrowserHost(): BrowserHost {
  let started: BrowserHost | undefined;
  beforeAll(async () => {
    started = await startBrowserHost();
  }, browserTimeout);
  afterAll(async () => {
    await started?.close();
  }, browserTimeout);
  return new Proxy({} as BrowserHost, {
    get(_target, key) {
      if (started === undefined)
        throw new Error('The browser host starts in beforeAll; use it inside tests.');
      const value: unknown = Reflect.get(started, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}

/** Nothing went wrong: no console errors in the shell or its frames, no module error, nothing in the host log. */
export async function expectNoErrors(env: BrowserHost, shell: ShellPage): Promise<void> {
  await shell.page.waitForLoadState('networkidle');
  expect(shell.errors).toEqual([]);
  expect(env.hostLog).toEqual([]);
  expect(await shell.page.locator('.module-error:not([hidden])').count()).toBe(0);
}

const cspViolationPrefix = 'CSP violation:';

export interface ShellPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations so far, from the shell and every iframe. */
  errors: string[];
  /** The Content Security Policy violations among `errors` (each starts with `CSP violation:`). */
  readonly cspViolations: string[];
  /** The Frame of the first module iframe inside `container` (a CSS selector), once it has loaded. */
  moduleFrame(container: string): Promise<Frame>;
  screenshot(name: string): Promise<void>;
}

export async function openShell(
  env: BrowserHost,
  path: string,
  options: { accountId: string; theme?: 'light' | 'dark' | 'auto' },
): Promise<ShellPage> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The shell keeps the user and theme in localStorage; set them before the first script runs.
  await context.addInitScript(
    ([accountId, theme]) => {
      localStorage.setItem('forge-local-host.accountId', accountId);
      localStorage.setItem('forge-local-host.theme', theme);
    },
    [options.accountId, options.theme ?? 'light'] as const,
  );
  // Every frame (the modules run under Forge's production CSP) reports what its CSP blocked, even
  // when the page swallows the error, as zod's `new Function` probe does.
  await context.addInitScript((prefix) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const where = event.sourceFile ? ` at ${event.sourceFile}:${String(event.lineNumber)}` : '';
      console.error(
        `${prefix} ${event.effectiveDirective} blocked ${event.blockedURI || 'a resource'}${where} in ${event.documentURI}`,
      );
    });
  }, cspViolationPrefix);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.goto(env.base + path);
  return {
    page,
    errors,
    get cspViolations() {
      return errors.filter((error) => error.startsWith(cspViolationPrefix));
    },
    async moduleFrame(container) {
      const iframe = page.locator(`${container} iframe[data-forge-frame-id]`).first();
      await iframe.waitFor();
      const frame = await (await iframe.elementHandle()).contentFrame();
      if (!frame) throw new Error(`No module frame inside ${container}.`);
      await frame.waitForLoadState('load');
      return frame;
    },
    async screenshot(name) {
      await page.screenshot({ path: resolve(artifactsDir, `${name}.png`), fullPage: true });
    },
  };
}

/** Calls the host the way @forge/bridge does from inside a module: `__bridge.callBridge(method, payload)`. */
export function callBridge(frame: Frame, method: string, payload?: unknown): Promise<unknown> {
  return frame.evaluate(
    async ([m, p]) => {
      const bridge = (
        window as unknown as { __bridge: { callBridge(method: string, payload?: unknown): Promise<unknown> } }
      ).__bridge;
      return bridge.callBridge(m, p);
    },
    [method, payload] as const,
  );
}

/** Like callBridge, but resolves to the rejection message (or null when the call succeeded). */
export function bridgeRejection(frame: Frame, method: string, payload?: unknown): Promise<string | null> {
  return frame.evaluate(
    async ([m, p]) => {
      const bridge = (
        window as unknown as { __bridge: { callBridge(method: string, payload?: unknown): Promise<unknown> } }
      ).__bridge;
      try {
        await bridge.callBridge(m, p);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : `not an Error: ${String(error)}`;
      }
    },
    [method, payload] as const,
  );
}

/** Waits until the locator's element contains the text (playwright-core has no `expect`). */
export async function waitForText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

/**
 * Posts, as `author`, a comment on `issueKey` that mentions `mentioned` followed by `text`, in Jira's
 * document format; returns the new comment's id.
 */
export async function postMention(
  env: BrowserHost,
  comment: { author: string; issueKey: string; mentioned: string; text: string },
): Promise<string> {
  const posted = await env.site.requestJira({
    accountId: comment.author,
    method: 'POST',
    path: `/rest/api/3/issue/${comment.issueKey}/comment`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      body: {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'mention', attrs: { id: comment.mentioned } },
              { type: 'text', text: comment.text },
            ],
          },
        ],
      },
    }),
  });
  if (posted.status !== 201) throw new Error(`Posting the comment answered ${String(posted.status)}.`);
  return (JSON.parse(posted.body) as { id: string }).id;
}
