/**
 * The value planning page end to end: its real static build as the local Jira host's global page
 * (Apps → Value planning), against the seeded demo site, in both themes at 380 and 1,200 px. The
 * table must rank exactly what the page's resolver answers, flag the epics not worth finishing
 * with their reason, fit with no text clipped, and be usable from the keyboard; a team member
 * sees only their project's epics. Screenshots: test-artifacts/browser/planning-*.png.
 */
import { resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import type { Envelope } from '../../src/contract/envelope';
import type { RankingView, ScenarioView } from '../../src/contract/planning.contract';
import { artifactsDir, expectNoErrors, openShell, useBrowserHost, type ShellPage } from './browser-host';
import { clippedText } from './panel-checks';

const timeout = 120_000;
const cases = (['light', 'dark'] as const).flatMap((theme) =>
  [380, 1200].map((width) => [theme, width] as const),
);
const TABLE = 'Ranked by CD3, highest first';

describe('the value planning page', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  async function ranking(accountId: string, scope: unknown = { kind: 'all' }): Promise<RankingView> {
    const envelope = (await env.site.invoke({
      moduleKey: 'value-planning',
      functionKey: 'planning/get-ranking',
      payload: { scope },
      accountId,
    })) as Envelope<RankingView>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data;
  }

  /** Opens Jira's epics, then the page from the main navigation, as a user would. */
  async function openPage(
    accountId: string,
    theme: 'light' | 'dark',
    width: number,
  ): Promise<{ shell: ShellPage; frame: Frame }> {
    const shell = await openShell(env, '/issues', { accountId, theme });
    await shell.page.setViewportSize({ width, height: 900 });
    await shell.page.getByRole('link', { name: 'Value planning' }).click();
    const frame = await shell.moduleFrame('#main');
    await frame.getByRole('table', { name: TABLE }).waitFor({ timeout: 60_000 });
    return { shell, frame };
  }

  /** The epic keys of the table's rows, top to bottom. */
  async function shownKeys(frame: Frame): Promise<string[]> {
    const headers = await frame.getByRole('table', { name: TABLE }).locator('tbody th').allTextContents();
    return headers.map((text) => /[A-Z][A-Z0-9]+-\d+/.exec(text)?.[0] ?? text);
  }

  it.each(cases)(
    'ranks every in-flight epic by CD3 and flags those not worth finishing, with nothing clipped (%s, %i px)',
    async (theme, width) => {
      const expected = await ranking(admin);
      const { shell, frame } = await openPage(admin, theme, width);

      expect(await shell.page.title()).toBe('Value planning - Apps - Jira');
      expect(await shownKeys(frame)).toEqual(expected.rows.map((row) => row.key));
      const flagged = expected.rows.filter((row) => row.signal.verdict === 'not_worth_finishing');
      expect(flagged.length).toBeGreaterThan(0);
      const lozenges = frame.locator('.vl-lozenge', { hasText: 'Not worth finishing' });
      expect(await lozenges.count()).toBe(flagged.length);
      expect(await frame.locator('.vl-signal-reason').first().textContent()).toMatch(
        /^Remaining risk-adjusted benefit .+ is below remaining cost .+: finishing loses .+\.$/,
      );
      expect(await frame.getByLabel('Totals of the scope').textContent()).toContain(
        `In-flight epics${String(expected.totals.epics)}`,
      );
      expect(await clippedText(frame)).toEqual([]);
      await shell.screenshot(`planning-${theme}-${String(width)}`);
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-${theme}-${String(width)}-top.png`),
      });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );

  it.each(cases)(
    'runs a 25%% budget cut with a pin from a ranking row and shows its decisions and why, with nothing clipped (%s, %i px)',
    async (theme, width) => {
      const { rows } = await ranking(admin);
      const pinned = rows[0]?.key ?? '?';
      const envelope = (await env.site.invoke({
        moduleKey: 'value-planning',
        functionKey: 'planning/run-scenario',
        payload: {
          scope: { kind: 'all' },
          cap: { kind: 'percent-cut', percent: 25 },
          pins: [{ key: pinned, pin: 'continue' }],
        },
        accountId: admin,
      })) as Envelope<ScenarioView>;
      if (!envelope.ok || envelope.data.status !== 'planned') throw new Error(JSON.stringify(envelope));
      const expected = envelope.data;
      const { shell, frame } = await openPage(admin, theme, width);

      await frame.getByRole('combobox', { name: `Budget cut for ${pinned}` }).selectOption('continue');
      const cut = frame.getByRole('textbox', { name: /Cut \(%\)/ });
      await cut.fill('25');
      await frame.getByRole('button', { name: 'Run the cut' }).click();
      const decisions = frame.getByRole('table', { name: /Decisions per epic/ });
      await decisions.waitFor({ timeout: 60_000 });

      expect(await decisions.locator('tbody tr').count()).toBe(expected.exact.decisions.length);
      const pinnedRow = decisions.locator('tbody tr', { hasText: pinned });
      expect(await pinnedRow.textContent()).toContain('Pinned: must continue.');
      expect(await frame.getByLabel('The cut in figures').textContent()).toContain('NPV retained');
      expect(await clippedText(frame)).toEqual([]);
      await frame.getByRole('heading', { name: 'Budget cut' }).scrollIntoViewIfNeeded();
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-cut-${theme}-${String(width)}.png`),
      });
      await frame.getByLabel('The cut in figures').scrollIntoViewIfNeeded();
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-cut-${theme}-${String(width)}-results.png`),
      });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );

  it(
    'ranks a JQL scope chosen from the keyboard alone',
    async () => {
      const expected = await ranking(admin, { kind: 'jql', jql: 'project = CHK' });
      const { shell, frame } = await openPage(admin, 'light', 1200);

      await frame.getByRole('radio', { name: 'Whole site' }).focus();
      for (const _step of ['Projects', 'Programmes', 'Objectives', 'JQL filter'])
        await shell.page.keyboard.press('ArrowDown');
      expect(await frame.getByRole('radio', { name: 'JQL filter' }).isChecked()).toBe(true);
      await shell.page.keyboard.press('Tab');
      await shell.page.keyboard.type('project = CHK');
      await shell.page.keyboard.press('Tab');
      await shell.page.keyboard.press('Enter');
      await frame.getByRole('table', { name: TABLE }).waitFor();
      await frame
        .locator('tbody th', { hasText: expected.rows[0]?.key ?? '?' })
        .first()
        .waitFor();

      expect(await shownKeys(frame)).toEqual(expected.rows.map((row) => row.key));
      expect(expected.rows.every((row) => row.project === 'CHK')).toBe(true);
      await shell.screenshot('planning-keyboard-jql');
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );

  it(
    'shows a team member only their own project’s epics, in rows and totals',
    async () => {
      const everyone = await ranking(admin);
      const { shell, frame } = await openPage(team, 'dark', 1200);
      const keys = await shownKeys(frame);
      const projects = new Set(keys.map((key) => key.split('-')[0]));
      const theirs = everyone.rows.filter((row) => projects.has(row.project));

      expect(projects.size).toBe(1);
      expect(keys).toEqual(theirs.map((row) => row.key));
      expect(await frame.getByLabel('Totals of the scope').textContent()).toContain(
        `In-flight epics${String(theirs.length)}`,
      );
      await shell.screenshot('planning-team-dark-1200');
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );
});

describe('the value planning page’s scenarios', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  async function openPage(accountId: string, theme: 'light' | 'dark', width: number) {
    const shell = await openShell(env, '/issues', { accountId, theme });
    await shell.page.setViewportSize({ width, height: 900 });
    await shell.page.getByRole('link', { name: 'Value planning' }).click();
    const frame = await shell.moduleFrame('#main');
    await frame.getByRole('table', { name: TABLE }).waitFor({ timeout: 60_000 });
    return { shell, frame };
  }

  it.each(cases)(
    'applies a cut’s decisions after a dialog that says what is recorded, then saves it under a name (%s, %i px)',
    async (theme, width) => {
      const { shell, frame } = await openPage(admin, theme, width);
      await frame.getByRole('textbox', { name: /Cut \(%\)/ }).fill('20');
      await frame.getByRole('button', { name: 'Run the cut' }).click();
      await frame.getByRole('table', { name: /Decisions per epic/ }).waitFor({ timeout: 60_000 });
      const decisions = await frame
        .getByRole('table', { name: /Decisions per epic/ })
        .locator('tbody tr')
        .count();

      await frame.getByRole('button', { name: 'Apply decisions' }).click();
      const dialog = frame.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.getByRole('heading').textContent()).toBe(
        `Apply decisions to ${decisions === 1 ? '1 epic' : `${String(decisions)} epics`}?`,
      );
      expect(await dialog.textContent()).toContain('Issues are never transitioned');
      const counted = (
        await dialog.getByRole('list', { name: 'Decisions to record' }).allTextContents()
      ).join();
      expect(counted).toMatch(/Continue: \d+ epics?/);
      const name = `Cut 20% ${theme} ${String(width)}`;
      await dialog.getByRole('textbox', { name: /Scenario name/ }).fill(name);
      expect(await clippedText(frame)).toEqual([]);
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-apply-${theme}-${String(width)}.png`),
      });
      await dialog.getByRole('button', { name: 'Apply decisions' }).click();
      const applied = frame.locator('.vl-message', { hasText: `Applied “${name}”` });
      await applied.waitFor({ timeout: 60_000 });
      expect(await applied.textContent()).toContain(
        `Recorded the decision on ${decisions === 1 ? '1 epic' : `${String(decisions)} epics`}`,
      );
      // The focus goes back to what opened the dialog.
      expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Apply decisions');

      await frame.getByRole('textbox', { name: /Save as/ }).fill(name);
      await frame.getByRole('button', { name: 'Save scenario' }).click();
      await frame.getByText(`Saved “${name}”.`).waitFor({ timeout: 60_000 });
      await frame.getByRole('checkbox', { name: new RegExp(name) }).waitFor();
      await frame.getByRole('heading', { name: 'Saved scenarios' }).scrollIntoViewIfNeeded();
      expect(await clippedText(frame)).toEqual([]);
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-saved-${theme}-${String(width)}.png`),
      });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );

  it(
    'compares two saved scenarios side by side: NPV retained, cash freed and the epics decided differently',
    async () => {
      const ranked = (await env.site.invoke({
        moduleKey: 'value-planning',
        functionKey: 'planning/get-ranking',
        payload: { scope: { kind: 'all' } },
        accountId: admin,
      })) as Envelope<RankingView>;
      if (!ranked.ok) throw new Error(JSON.stringify(ranked));
      // The epic first by CD3 continues under a 10% cut; the second scenario pins it to stop.
      const first = ranked.data.rows[0]?.key ?? '?';
      for (const [name, pins] of [
        ['Compare 10%', []],
        ['Compare 10%, stop the first', [{ key: first, pin: 'stop' }]],
      ] as const) {
        const saved = (await env.site.invoke({
          moduleKey: 'value-planning',
          functionKey: 'planning/save-scenario',
          payload: {
            name,
            inputs: { scope: { kind: 'all' }, cap: { kind: 'percent-cut', percent: 10 }, pins },
          },
          accountId: admin,
        })) as Envelope<{ id: string }>;
        if (!saved.ok) throw new Error(JSON.stringify(saved));
      }
      const { shell, frame } = await openPage(admin, 'light', 1200);

      await frame.getByRole('checkbox', { name: 'Compare 10% (choose to compare)' }).check();
      await frame.getByRole('checkbox', { name: /Compare 10%, stop the first/ }).check();
      await frame.getByRole('button', { name: 'Compare 2 scenarios' }).click();
      const table = frame.getByRole('table', { name: 'Scenarios compared' });
      await table.waitFor({ timeout: 60_000 });

      const headers = await table.locator('thead th').allTextContents();
      expect(headers.slice(1).sort()).toEqual(['Compare 10%', 'Compare 10%, stop the first']);
      const text = (await table.textContent()) ?? '';
      for (const label of [
        'NPV retained',
        'Cash freed',
        'Value lost per objective',
        'Epics decided differently',
      ])
        expect(text).toContain(label);
      const differing = table.locator('tbody tr', { hasText: first });
      expect(await differing.locator('td').allTextContents()).toEqual(
        expect.arrayContaining(['Stop']) as string[],
      );
      expect(await clippedText(frame)).toEqual([]);
      await table.scrollIntoViewIfNeeded();
      await shell.page.screenshot({ path: resolve(artifactsDir, 'planning-compare-light-1200.png') });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );

  it(
    'opens a scenario saved over the whole site for a team member with only their own project’s epics',
    async () => {
      const saved = (await env.site.invoke({
        moduleKey: 'value-planning',
        functionKey: 'planning/save-scenario',
        payload: {
          name: 'Whole site, 30%',
          inputs: { scope: { kind: 'all' }, cap: { kind: 'percent-cut', percent: 30 } },
        },
        accountId: admin,
      })) as Envelope<{ id: string }>;
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      const { shell, frame } = await openPage(team, 'dark', 1200);
      const own = new Set(
        (await frame.getByRole('table', { name: TABLE }).locator('tbody th').allTextContents()).map(
          (text) => /([A-Z][A-Z0-9]+)-\d+/.exec(text)?.[1],
        ),
      );

      await frame.getByRole('button', { name: 'Open Whole site, 30%' }).click();
      const decisions = frame.getByRole('table', { name: /Decisions per epic/ });
      await decisions.waitFor({ timeout: 60_000 });
      const keys = (await decisions.locator('tbody tr').allTextContents()).map(
        (text) => /([A-Z][A-Z0-9]+)-\d+/.exec(text)?.[1],
      );

      expect(own.size).toBe(1);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys)).toEqual(own);
      expect(await frame.getByRole('button', { name: 'Delete Whole site, 30%' }).count()).toBe(0);
      await frame.getByRole('heading', { name: 'Whole site, 30%' }).scrollIntoViewIfNeeded();
      await shell.page.screenshot({ path: resolve(artifactsDir, 'planning-saved-team-dark-1200.png') });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );
});
