/**
 * The Portfolio value gadget at the widths a Jira dashboard gives it (380, 760 and 1,200 px), in
 * both themes, on the demo portfolio and on the 134 real Appcelerator epics: no cell, figure or
 * tile is clipped or sticks out of its box, a money figure never loses its currency or its K/M
 * suffix, tables scroll sideways with their first column kept in view, and a drill-down and the
 * targets editor fit too; through the real resolvers, every tile reconciles with its drill-down and
 * every drill-down's JQL runs in issue search. Screenshots: test-artifacts/browser/gadget-width-*.png.
 */
import { resolve } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { startHost, type RunningHost } from 'forge-local';
import { DEMO_ACCOUNT_IDS, openLocalSite, type LocalSite, type SeedName } from '../../local-site';
import {
  artifactsDir,
  browserTimeout,
  openShell,
  projectRoot,
  type BrowserHost,
  type ShellPage,
} from './browser-host';
import { launchChromium } from './chromium';
import type { EpicList, PortfolioView } from '../../src/contract/gadget.contract';
import { DRILL_KPIS, KPI_DRILL_DOWNS, reconciledFigure } from '../../src/contract/kpi-drill-down';

const timeout = 180_000;
const widths = [380, 760, 1200] as const;
const themes = ['light', 'dark'] as const;
const cases = themes.flatMap((theme) => widths.map((width) => [theme, width] as const));
const DASHBOARD = '10000';

interface Host {
  site: LocalSite;
  host: RunningHost;
  browser: Browser;
  base: string;
  hostLog: string[];
}

/** The local site with a seed of our choosing, its Jira host and Chromium. */
function useSeededHost(seed: SeedName): { readonly current: Host } {
  let started: Host | undefined;
  beforeAll(async () => {
    const site = await openLocalSite({ dataDir: null, seed, log: () => undefined });
    const hostLog: string[] = [];
    const host = await startHost({
      site,
      rootDir: projectRoot,
      port: 0,
      dataDir: null,
      log: (l) => hostLog.push(l),
    });
    const { browser } = await launchChromium();
    started = { site, host, browser, base: `http://127.0.0.1:${String(host.port)}`, hostLog };
  }, browserTimeout * 2);
  afterAll(async () => {
    await started?.browser.close();
    await started?.host.close();
    await started?.site.close();
  }, browserTimeout);
  return {
    get current() {
      if (started === undefined) throw new Error('The host starts in beforeAll.');
      return started;
    },
  };
}

/** What openShell needs of a host: its browser and its address. */
function asBrowserHost(host: Host): BrowserHost {
  return {
    ...host,
    userWithRole: () => {
      throw new Error('not needed here');
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Every clipped or overflowing piece of text: a cell, figure, tile value, label or button whose
 * content is wider than its box (scrollWidth > clientWidth), text cut by `text-overflow`, and a
 * tile's parts sticking out of the tile. Each as "what: text (by how much)".
 */
async function clippedText(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''} "${element.textContent.trim().slice(0, 40)}"`;
    const selector =
      'td, th, data, .vl-figure, .vl-tile-value, .vl-tile-label, .vl-tile-detail, .vl-tile-status, .vl-objective-figures, .vl-objective-target, button, label, a, .vl-lozenge, h1, h2, h3, p';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      // Hidden, or read only by screen readers (clipped on purpose).
      if (element.offsetParent === null || element.closest('.vl-visually-hidden')) continue;
      const style = getComputedStyle(element);
      if (element.scrollWidth > element.clientWidth + 1 && style.display !== 'inline')
        found.push(
          `${describe(element)} is ${String(element.scrollWidth - element.clientWidth)}px wider than its box`,
        );
      if (style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth)
        found.push(`${describe(element)} is cut with an ellipsis`);
    }
    for (const tile of document.querySelectorAll('.vl-tile')) {
      const box = tile.getBoundingClientRect();
      for (const part of tile.querySelectorAll('*')) {
        const inner = part.getBoundingClientRect();
        if (inner.width > 0 && (inner.right > box.right + 1 || inner.left < box.left - 1))
          found.push(`${describe(part)} sticks out of its tile`);
      }
    }
    // Nothing may stick out of the frame: only a table's own scroll region may be wider.
    const limit = document.documentElement.clientWidth;
    const visit = (element: Element): void => {
      const box = element.getBoundingClientRect();
      const scrolls = getComputedStyle(element).overflowX !== 'visible';
      if (box.right > limit + 1 && box.width > 0) {
        const childOut = [...element.children].some(
          (child) => child.getBoundingClientRect().right > limit + 1,
        );
        if (!childOut || scrolls) {
          found.push(
            `${describe(element)} sticks ${String(Math.round(box.right - limit))}px out of the frame`,
          );
          return;
        }
      }
      if (!scrolls) [...element.children].forEach(visit);
    };
    visit(document.body);
    if (document.documentElement.scrollWidth > limit + 1) {
      const outside = [...document.querySelectorAll('body *')].filter(
        (element) =>
          !element.closest('.vl-table-scroll') && element.getBoundingClientRect().right > limit + 1,
      );
      found.push(
        `the frame scrolls sideways ${String(document.documentElement.scrollWidth - limit)}px, for ${outside.map(describe).slice(0, 3).join('; ') || 'something inside a table region'}`,
      );
    }
    return found;
  });
}

/** Money figures whose text lost its currency, or its K/M/B suffix for an amount of 1,000 or more. */
async function figuresWithoutUnit(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const wrong: string[] = [];
    const money = document.querySelectorAll<HTMLDataElement>(
      'data.vl-figure, [data-unit="money"] .vl-tile-value data',
    );
    for (const data of money) {
      const text = data.textContent.trim();
      if (!/[€$£¥]|[A-Z]{3}/.test(text)) wrong.push(`"${text}" for ${data.value} has no currency`);
      else if (Math.abs(Number(data.value)) >= 1000 && !/\d\s?[KMBT]/.test(text))
        wrong.push(`"${text}" for ${data.value} lost its K/M suffix`);
    }
    return wrong;
  });
}

/**
 * Every table region that scrolls sideways: a cell cut by its edge must be under the fade that
 * says the row goes on; scrolled to its end, every cell shows in full; and its first column
 * stays in view throughout.
 */
async function scrollingTableProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    for (const region of document.querySelectorAll<HTMLElement>('.vl-table-scroll')) {
      if (region.offsetParent === null || region.scrollWidth <= region.clientWidth) continue;
      const name = region.getAttribute('aria-label') ?? 'a table';
      const edge = () => region.getBoundingClientRect();
      const cells = () => [...region.querySelectorAll('tbody td, tfoot td')];
      const faded = region.closest('.vl-scroll-hint')?.getAttribute('data-more-end') === 'true';
      const cut = cells().filter((cell) => {
        const box = cell.getBoundingClientRect();
        return box.left < edge().right - 1 && box.right > edge().right + 1;
      });
      if (cut.length > 0 && !faded) problems.push(`${name}: a cell is cut by the edge with no fade over it`);
      region.scrollLeft = region.scrollWidth;
      const left = edge().left;
      const first = region.querySelector('tbody tr > :first-child');
      if (first && Math.abs(first.getBoundingClientRect().left - left) > 2)
        problems.push(`${name}: first column left the view`);
      const last = region.querySelector('tbody tr > :last-child');
      if (last && last.getBoundingClientRect().right > edge().right + 1)
        problems.push(`${name}: the last column cannot be scrolled into view`);
      region.scrollLeft = 0;
    }
    return problems;
  });
}

async function expectFits(frame: Frame): Promise<void> {
  expect(await clippedText(frame)).toEqual([]);
  expect(await figuresWithoutUnit(frame)).toEqual([]);
  expect(await scrollingTableProblems(frame)).toEqual([]);
}

async function screenshot(shell: ShellPage, name: string): Promise<void> {
  await shell.page.evaluate(() => {
    window.scrollTo(0, 0);
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.tagName !== 'IFRAME') active.blur();
  });
  await shell.page.screenshot({ path: resolve(artifactsDir, `${name}.png`), fullPage: true });
  // The same page in screen-high parts, to read at full size.
  const { width, height } = await shell.page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  for (let top = 0, part = 1; top < height && part <= 6; top += 1200, part += 1) {
    await shell.page.screenshot({
      path: resolve(artifactsDir, `${name}-part${String(part)}.png`),
      fullPage: true,
      clip: { x: 0, y: top, width, height: Math.min(1200, height - top) },
    });
  }
}

describe.each(['demo', 'appcelerator'] as const)('the gadget on the %s seed', (seed) => {
  const env = useSeededHost(seed);
  const { admin } = DEMO_ACCOUNT_IDS;

  async function openGadget(theme: 'light' | 'dark', width: number) {
    const hostEnv = env.current;
    const shell = await openShell(asBrowserHost(hostEnv), `/jira/dashboards/${DASHBOARD}`, {
      accountId: admin,
      theme,
    });
    await shell.page.setViewportSize({ width, height: 900 });
    const frame = await shell.moduleFrame('.gadget');
    await frame.getByRole('region', { name: 'Key figures' }).waitFor({ timeout: 60_000 });
    await frame.getByRole('region', { name: /Table of value by programme/ }).waitFor();
    return { shell, frame };
  }

  beforeAll(async () => {
    // Every tile, whatever the dashboard's gadget saved before.
    const response = await fetch(
      `${env.current.base}/api/dashboards/${DASHBOARD}/gadgets/10001/configuration?accountId=${admin}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ configuration: {} }),
      },
    );
    expect(response.ok).toBe(true);
    // Targets on two active objectives, one easily reached and one far off, so that progress
    // against target, the forecast and on/off track show.
    const { site } = env.current;
    const list = (await site.invoke({
      moduleKey: 'value-admin',
      functionKey: 'admin/list-objectives',
      payload: {},
      accountId: admin,
    })) as { ok: true; data: { objectives: (Record<string, unknown> & { status: string })[] } };
    const active = list.data.objectives.filter((objective) => objective.status === 'active').slice(0, 2);
    for (const [index, stored] of active.entries()) {
      const { linkedEpics: _linked, figures: _figures, ...objective } = stored;
      const saved = (await site.invoke({
        moduleKey: 'value-admin',
        functionKey: 'admin/update-objective',
        payload: {
          objective: {
            ...objective,
            target: {
              measure: 'Attributed benefit',
              amount: index === 0 ? 50_000 : 90_000_000,
              date: '2027-06-30',
            },
          },
        },
        accountId: admin,
      })) as { ok: boolean };
      expect(saved).toEqual(expect.objectContaining({ ok: true }));
    }
  }, browserTimeout);

  it(
    'reconciles, through the real resolvers, every tile with the drill-down behind it',
    async () => {
      const { site } = env.current;
      const asOf = '2026-09';
      const call = async <T>(functionKey: string, payload: unknown) =>
        (
          (await site.invoke({ moduleKey: 'value-gadget', functionKey, payload, accountId: admin })) as {
            data: T;
          }
        ).data;
      const view = await call<PortfolioView>('gadget/get-portfolio', { scope: { kind: 'all' }, asOf });
      expect(view.source).toBe('rollup');
      for (const kpi of DRILL_KPIS) {
        const { reconciles } = KPI_DRILL_DOWNS[kpi];
        if (reconciles.kind === 'objectives') continue;
        const list = await call<EpicList>('gadget/list-epics', {
          scope: { kind: 'all' },
          asOf,
          filter: { by: 'all' },
          kpi,
        });
        const rebuilt = reconciledFigure(list.epics, reconciles, 2);
        const tile =
          kpi === 'strategicAlignmentPct' ||
          kpi === 'strategicGoalsAdvancedPct' ||
          kpi === 'objectivesOnTrackPct'
            ? view[kpi]
            : view.portfolio[kpi];
        if (reconciles.kind === 'cash-flows' || kpi === 'npv') {
          // NPV is rounded to the cent per epic: at most half a cent per epic apart.
          expect({
            kpi,
            apart: Math.abs((rebuilt ?? Number.NaN) - view.portfolio.npv) <= 0.005 * list.epics.length,
          }).toEqual({ kpi, apart: true });
        } else {
          expect({ kpi, rebuilt: rebuilt?.toFixed(6) }).toEqual({
            kpi,
            rebuilt: (tile as number | null)?.toFixed(6),
          });
        }
      }
    },
    timeout,
  );

  it(
    "gives drill-downs JQL that Jira's issue search runs and that finds every epic listed",
    async () => {
      const { site } = env.current;
      const asOf = '2026-09';
      const objectives = (await site.invoke({
        moduleKey: 'value-gadget',
        functionKey: 'gadget/get-portfolio',
        payload: { scope: { kind: 'all' }, asOf },
        accountId: admin,
      })) as { ok: true; data: { byObjective: Record<string, unknown>; byProject: Record<string, unknown> } };
      const [objective] = Object.keys(objectives.data.byObjective);
      const [project] = Object.keys(objectives.data.byProject);
      const drills = [
        { filter: { by: 'all' }, kpi: 'costAvoidanceRealised' },
        { filter: { by: 'project', key: project } },
        { filter: { by: 'objective', id: objective } },
        { filter: { by: 'programme', key: '(none)' } },
      ];
      for (const drill of drills) {
        const answer = (await site.invoke({
          moduleKey: 'value-gadget',
          functionKey: 'gadget/list-epics',
          payload: { scope: { kind: 'all' }, asOf, ...drill },
          accountId: admin,
        })) as { ok: true; data: { jql: string; epics: { key: string }[] } };
        expect(answer.data.epics.length).toBeGreaterThan(0);
        const found = new Set<string>();
        let pageToken: string | undefined;
        do {
          const response = await site.requestJira({
            accountId: admin,
            method: 'POST',
            path: '/rest/api/3/search/jql',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              jql: answer.data.jql,
              fields: ['key'],
              maxResults: 100,
              nextPageToken: pageToken,
            }),
          });
          expect({ jql: answer.data.jql, status: response.status }).toEqual({
            jql: answer.data.jql,
            status: 200,
          });
          const page = JSON.parse(response.body) as { issues: { key: string }[]; nextPageToken?: string };
          for (const issue of page.issues) found.add(issue.key);
          pageToken = page.nextPageToken;
        } while (pageToken !== undefined);
        const missing = answer.data.epics.map((epic) => epic.key).filter((key) => !found.has(key));
        expect({ jql: answer.data.jql, missing }).toEqual({ jql: answer.data.jql, missing: [] });
      }
    },
    timeout,
  );

  it.each(cases)(
    'fits the overview and a drill-down in the %s theme at %i px',
    async (theme, width) => {
      const { shell, frame } = await openGadget(theme, width);
      expect(await frame.locator('html').getAttribute('data-color-mode')).toBe(theme);
      await expectFits(frame);
      await screenshot(shell, `gadget-width-${seed}-${theme}-${String(width)}`);

      await frame.getByRole('button', { name: 'By project' }).click();
      await expectFits(frame);

      await frame
        .getByRole('listitem', { name: 'Cost avoidance realised' })
        .getByRole('button', { name: /Show the epics behind it/ })
        .click();
      const table = frame.getByRole('table', { name: /Cost avoidance realised/ });
      const none = frame.getByText('No epic of this scope adds anything to Cost avoidance realised.');
      await table.or(none).first().waitFor({ timeout: 60_000 });
      await frame.getByRole('link', { name: /Open in issue search/ }).waitFor();
      await expectFits(frame);
      await screenshot(shell, `gadget-width-${seed}-drill-${theme}-${String(width)}`);

      await frame.getByRole('button', { name: 'Back to overview' }).click();
      await frame
        .getByRole('listitem', { name: 'Objectives on track' })
        .getByRole('button', { name: /Show the epics behind it/ })
        .click();
      await frame.getByRole('table', { name: 'Objectives on track: the objectives counted' }).waitFor();
      await expectFits(frame);
      await screenshot(shell, `gadget-width-${seed}-objectives-${theme}-${String(width)}`);
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );

  it.each(cases)(
    'fits the targets editor with its column headers in the %s theme at %i px',
    async (theme, width) => {
      const { shell } = await openGadget(theme, width);
      await shell.page.getByRole('button', { name: 'Edit' }).first().click();
      await shell.page.locator('.gadget iframe[title$="(editing)"]').waitFor();
      const editor = await shell.moduleFrame('.gadget');
      const targets = editor.getByRole('table', { name: 'KPI tiles and targets' });
      await targets.waitFor({ timeout: 30_000 });
      const headers = await targets.getByRole('columnheader').allTextContents();
      expect(headers).toEqual(['Show KPI', 'Target', 'Better when', 'On target at', 'At risk at']);
      await editor
        .getByRole('combobox', { name: 'NPV: target' })
        .selectOption({ label: 'Set for this gadget' });
      await expectFits(editor);
      await screenshot(shell, `gadget-width-${seed}-editor-${theme}-${String(width)}`);
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );
});
