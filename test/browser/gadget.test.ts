/**
 * The Portfolio value gadget end to end: the real static build in the local Jira host, against the
 * seeded demo site. Configured through its edit mode, its tiles must show exactly what
 * `npm run report` computes on an export of the same scope; drill-down, CSV download and the
 * team member's restricted view are checked the same way. Screenshots: test-artifacts/gadget-*.png.
 */
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { runReport } from '../../scripts/report';
import type { KpiFigures } from '../../src/contract/kpi-figures';
import { currentMonth } from '../../static/src/features/gadget/config/gadget-config';
import { isKpiTile, TILE_IDS, TILES } from '../../static/src/features/gadget/config/kpi-tiles';
import {
  browserTimeout,
  expectNoErrors,
  openShell,
  projectRoot,
  useBrowserHost,
  type ShellPage,
} from './browser-host';

interface Report {
  asOf: string;
  currency: string;
  portfolio: KpiFigures;
  byProgramme: Record<string, KpiFigures>;
  byProject: Record<string, KpiFigures>;
  strategicGoalsAdvancedPct: number | null;
  objectivesOnTrackPct: number | null;
  strategicAlignmentPct: number | null;
}

const DASHBOARD = '10000';
const GADGET = '10001';
const TWO_PROJECTS = { kind: 'projects', projects: ['CHK', 'PAY'] } as const;
const workDir = mkdtempSync(join(tmpdir(), 'gadget-browser-'));

/** `npm run report` (its exported entry point) on a portfolio file, parsed. */
async function report(file: string, asOf: string): Promise<Report> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runReport({
    args: ['--as-of', asOf, file],
    io: {
      writeStdout: (text) => (stdout += text),
      writeStderr: (text) => (stderr += text),
      readTextFile: (path) => readFile(path, 'utf8'),
    },
  });
  if (exitCode !== 0) throw new Error(`report exited ${String(exitCode)}: ${stderr}`);
  return JSON.parse(stdout) as Report;
}

/**
 * Every tile shows the report's figure: the tile displays it rounded, and its <data value> holds
 * it exactly, as the report prints it.
 */
async function expectTilesToShow(tiles: Locator, expected: Report): Promise<void> {
  // The benefit reviews tile counts reviews, which the report does not hold.
  for (const id of TILE_IDS.filter(isKpiTile)) {
    const expectedValue =
      id === 'strategicGoalsAdvancedPct' || id === 'strategicAlignmentPct' || id === 'objectivesOnTrackPct'
        ? expected[id]
        : expected.portfolio[id];
    const value = tiles.getByRole('listitem', { name: TILES[id].label, exact: true }).locator('data');
    expect({ id, value: await value.getAttribute('value') }).toEqual({
      id,
      value: expectedValue === null ? '' : String(expectedValue),
    });
    expect(await value.textContent()).not.toBe('');
  }
}

/** Clicks a button in the gadget and saves the file the browser downloads. */
async function download(page: Page, frame: Frame, button: string): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: button }).click(),
  ]);
  const path = join(workDir, `${String(Date.now())}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

describe('the Portfolio value gadget on the demo site', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;
  const asOf = currentMonth(new Date());

  /** Saves a configuration as view.submit would, for the tests that are not about edit mode. */
  async function configure(configuration: Record<string, unknown>): Promise<void> {
    const response = await fetch(
      `${env.base}/api/dashboards/${DASHBOARD}/gadgets/${GADGET}/configuration?accountId=${admin}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ configuration }),
      },
    );
    if (!response.ok) throw new Error(`saving the configuration failed: ${String(response.status)}`);
  }

  /** The report of what the user may see of a scope, through the gadget's own export. */
  async function reportAs(accountId: string, scope: unknown): Promise<Report> {
    const exported = (await env.site.invoke({
      moduleKey: 'value-gadget',
      functionKey: 'gadget/export',
      payload: { scope, asOf, format: 'json' },
      accountId,
    })) as { ok: true; data: { content: string } };
    const file = join(workDir, `export-${accountId}-${String(Date.now())}.json`);
    writeFileSync(file, exported.data.content);
    return report(file, asOf);
  }

  async function openGadget(
    accountId: string,
    theme: 'light' | 'dark',
  ): Promise<{ shell: ShellPage; frame: Frame }> {
    const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, { accountId, theme });
    const frame = await shell.moduleFrame('.gadget');
    await frame.getByRole('region', { name: 'Key figures' }).waitFor({ timeout: 30_000 });
    return { shell, frame };
  }

  async function screenshot(shell: ShellPage, name: string): Promise<void> {
    await shell.page.waitForLoadState('networkidle');
    await shell.page.evaluate(() => {
      window.scrollTo(0, 0);
      // The shell's own focus (its skip link) would show over the page; focus inside the gadget stays.
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.tagName !== 'IFRAME') active.blur();
    });
    await shell.page.screenshot({
      path: resolve(projectRoot, 'test-artifacts', `${name}.png`),
      fullPage: true,
    });
  }

  it(
    'is configured for two projects in edit mode and then shows the KPIs npm run report computes on its JSON export',
    async () => {
      await configure({});
      const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, {
        accountId: admin,
        theme: 'light',
      });
      const { page } = shell;
      await shell.moduleFrame('.gadget');
      await page.getByRole('button', { name: 'Edit' }).first().click();
      await page.locator('.gadget iframe[title$="(editing)"]').waitFor();
      const editor = await shell.moduleFrame('.gadget');
      await editor.getByRole('radio', { name: 'Projects' }).check();
      await editor.getByRole('checkbox', { name: 'Checkout (CHK)' }).check();
      await editor.getByRole('checkbox', { name: 'Payments (PAY)' }).check();
      await screenshot(shell, 'gadget-edit-light');
      await editor.getByRole('button', { name: 'Save' }).click();

      await page.locator('.gadget iframe[title="Portfolio value gadget"]').waitFor();
      const frame = await shell.moduleFrame('.gadget');
      const tiles = frame.getByRole('region', { name: 'Key figures' });
      await tiles.waitFor({ timeout: 30_000 });
      await frame.getByText('Projects CHK, PAY').waitFor();

      const exported = await download(page, frame, 'Export JSON');
      expect(exported.name).toBe(`value-layer-portfolio-${asOf}.json`);
      const expected = await report(exported.path, asOf);
      expect(Object.keys(expected.byProject).sort()).toEqual(['CHK', 'PAY']);
      expect(expected.portfolio.epics).toBeGreaterThan(0);
      await frame.getByText(`${String(expected.portfolio.epics)} epics`, { exact: true }).waitFor();

      await expectTilesToShow(tiles, expected);
      await screenshot(shell, 'gadget-view-light');
      await expectNoErrors(env, shell);
      await page.context().close();
    },
    browserTimeout * 2,
  );

  it(
    'computes a JQL scope page by page through gadget/live-page and shows the KPIs npm run report computes',
    async () => {
      const scope = { kind: 'jql', jql: 'project in (CHK, PAY) ORDER BY created DESC' } as const;
      await configure({ scope });
      const expected = await reportAs(admin, scope);
      expect(expected.portfolio.epics).toBeGreaterThan(0);
      const shell = await openShell(env, `/jira/dashboards/${DASHBOARD}`, {
        accountId: admin,
        theme: 'light',
      });
      const invoked: string[] = [];
      shell.page.on('request', (request) => {
        if (!request.url().endsWith('/api/invoke')) return;
        // Whatever shape the shell's request has, the resolver key is in its body.
        invoked.push(request.postData() ?? '');
      });
      const frame = await shell.moduleFrame('.gadget');
      const tiles = frame.getByRole('region', { name: 'Key figures' });
      await tiles.waitFor({ timeout: 30_000 });
      await frame.getByText(`${String(expected.portfolio.epics)} epics`, { exact: true }).waitFor();

      await expectTilesToShow(tiles, expected);
      expect(invoked.some((key) => key.includes('gadget/live-page'))).toBe(true);
      expect(invoked.some((key) => key.includes('gadget/get-portfolio'))).toBe(false);
      await screenshot(shell, 'gadget-jql-live-light');
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    browserTimeout,
  );

  it(
    'drills into a programme and lists the epics the report counts for it',
    async () => {
      await configure({ scope: TWO_PROJECTS });
      const expected = await reportAs(admin, TWO_PROJECTS);
      const [programme, figures] =
        Object.entries(expected.byProgramme).find(([key]) => key !== '(none)') ?? [];
      if (!programme || !figures) throw new Error('The demo scope has no programme.');
      const { shell, frame } = await openGadget(admin, 'light');

      await frame
        .getByRole('region', { name: 'Value by programme' })
        .getByRole('button', { name: programme, exact: true })
        .click();

      await frame
        .getByRole('heading', { name: `Epics of programme ${programme} (${String(figures.epics)})` })
        .waitFor();
      const rows = frame.getByRole('region', { name: /^Epics: / }).locator('tbody tr');
      expect(await rows.count()).toBe(figures.epics);
      await screenshot(shell, 'gadget-drill-down-light');
      await frame.getByRole('button', { name: 'Back to overview' }).click();
      await frame.getByRole('region', { name: 'Key figures' }).waitFor();
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    browserTimeout,
  );

  it(
    'downloads the scope as CSV with one row per epic and its KPIs',
    async () => {
      await configure({ scope: TWO_PROJECTS });
      const expected = await reportAs(admin, TWO_PROJECTS);
      const { shell, frame } = await openGadget(admin, 'light');

      const csv = await download(shell.page, frame, 'Export CSV');

      expect(csv.name).toBe(`value-layer-epics-${asOf}.csv`);
      const lines = readFileSync(csv.path, 'utf8').trim().split(/\r?\n/);
      expect(lines[0]).toMatch(
        /^Epic,Summary,Project,Programme,Status,Objectives \(share\),Planned benefit \(/,
      );
      const keys = lines.slice(1).map((line) => line.split(',')[0]);
      expect(keys).toHaveLength(expected.portfolio.epics);
      expect(keys.every((key) => /^(CHK|PAY)-\d+$/.test(key ?? ''))).toBe(true);
      await frame.getByText(`Downloaded ${csv.name}.`).waitFor();
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    browserTimeout,
  );

  it(
    "shows the team member only their own project's figures",
    async () => {
      await configure({});
      const everything = await reportAs(admin, { kind: 'all' });
      const expected = await reportAs(team, { kind: 'all' });
      expect(Object.keys(expected.byProject)).toEqual(['CHK']);
      expect(Object.keys(everything.byProject).length).toBeGreaterThan(1);
      expect(expected.portfolio.epics).toBe(everything.byProject['CHK']?.epics);
      const { shell, frame } = await openGadget(team, 'light');

      await frame.getByText(`${String(expected.portfolio.epics)} epics`, { exact: true }).waitFor();
      const tiles = frame.getByRole('region', { name: 'Key figures' });
      for (const id of ['realisedBenefit', 'roi', 'npv'] as const) {
        const value = await tiles
          .getByRole('listitem', { name: TILES[id].label, exact: true })
          .locator('data')
          .getAttribute('value');
        expect({ id, value }).toEqual({ id, value: String(expected.portfolio[id]) });
      }
      await frame
        .getByRole('region', { name: 'Value by programme' })
        .getByRole('button', { name: 'By project' })
        .click();
      const projects = await frame
        .getByRole('region', { name: 'Table of value by project' })
        .locator('tbody th')
        .allTextContents();
      expect(projects).toEqual(['CHK']);
      await screenshot(shell, 'gadget-team-member-light');
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    browserTimeout,
  );

  it(
    'shows the overview and edit mode in the dark theme',
    async () => {
      await configure({ scope: TWO_PROJECTS });
      const { shell, frame } = await openGadget(admin, 'dark');
      expect(await frame.locator('html').getAttribute('data-color-mode')).toBe('dark');
      await screenshot(shell, 'gadget-view-dark');
      await frame.getByRole('button', { name: 'How Realisation rate is calculated' }).focus();
      await frame.getByRole('tooltip').waitFor();
      await screenshot(shell, 'gadget-formula-dark');

      await shell.page.getByRole('button', { name: 'Edit' }).first().click();
      await shell.page.locator('.gadget iframe[title$="(editing)"]').waitFor();
      const editor = await shell.moduleFrame('.gadget');
      await editor.getByRole('radio', { name: 'JQL filter' }).check();
      await editor.getByRole('textbox', { name: /JQL query/ }).fill('projct = PAY');
      await editor.getByRole('button', { name: 'Save' }).click();
      await editor
        .getByText(/Jira rejected this JQL/)
        .first()
        .waitFor();
      await screenshot(shell, 'gadget-edit-jql-rejected-dark');
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    browserTimeout,
  );
});
