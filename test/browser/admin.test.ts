/**
 * The admin page end to end: its real static build in the local Jira host, on the seeded demo
 * site. An admin creates an objective, an epic links to it, the dashboard's figures count it, and
 * archiving it takes it out of "% strategic goals advanced"; a file with one bad row imports
 * nothing and says where the problem is; a team member is refused on every call. Screenshots:
 * test-artifacts/admin-*.png.
 */
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { ObjectiveList } from '../../src/contract/admin.contract';
import type { Envelope } from '../../src/contract/envelope';
import type { EpicList, PortfolioView } from '../../src/contract/gadget.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { browserTimeout, openShell, projectRoot, useBrowserHost, type ShellPage } from './browser-host';

const artifacts = resolve(projectRoot, 'test-artifacts');
const flowTimeout = 4 * browserTimeout;
const MODULES = { admin: 'value-admin', panel: 'value-panel', gadget: 'value-gadget' } as const;

describe('the admin page in Chromium', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  beforeAll(() => {
    mkdirSync(artifacts, { recursive: true });
  });

  /** A resolver call exactly as a module's `invoke()` makes it, answered with its envelope. */
  async function call<T>(
    module: keyof typeof MODULES,
    functionKey: string,
    payload: unknown,
    accountId = admin,
  ): Promise<T> {
    const result = (await env.site.invoke({
      moduleKey: MODULES[module],
      functionKey,
      payload,
      accountId,
    })) as Envelope<T>;
    if (!result.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  }

  const portfolio = () => call<PortfolioView>('gadget', 'gadget/get-portfolio', { scope: { kind: 'all' } });

  async function openAdminPage(accountId: string): Promise<{ shell: ShellPage; frame: Frame }> {
    const shell = await openShell(env, '/issues', { accountId, theme: 'light' });
    await shell.page.getByRole('link', { name: 'Apps' }).click();
    const frame = await shell.moduleFrame('.settings-content');
    await frame.getByRole('heading', { name: 'Value Layer', level: 1 }).waitFor();
    return { shell, frame };
  }

  /** The page in both themes, switched as a person would with the host's theme menu. */
  async function screenshots(page: Page, name: string): Promise<void> {
    for (const theme of ['light', 'dark'] as const) {
      await page.locator('#theme-switch').selectOption(theme);
      await page
        .locator('html')
        .and(page.locator(`[data-color-mode="${theme}"]`))
        .waitFor();
      await page.waitForTimeout(200);
      await page.screenshot({ path: resolve(artifacts, `admin-${name}-${theme}.png`), fullPage: true });
    }
    await page.locator('#theme-switch').selectOption('light');
  }

  /** An epic that plans benefit but has realised none yet, with room for one more objective link. */
  async function epicWithPlanOnly(): Promise<{ view: EpicValueView; room: number }> {
    const { epics } = await call<EpicList>('gadget', 'gadget/list-epics', { scope: { kind: 'all' } });
    for (const row of epics.filter(
      (epic) => epic.kpis.plannedBenefit > 0 && epic.kpis.realisedBenefit === 0,
    )) {
      const view = await call<EpicValueView>('panel', 'panel/get-value', { issueKey: row.key });
      const used = view.value.objectives.reduce((sum, link) => sum + Math.round(link.share * 1e6), 0);
      if (view.canEdit && used <= 500_000) return { view, room: (1e6 - used) / 1e6 };
    }
    throw new Error(
      'The demo site has no epic that plans benefit, has realised none, and has room for a link.',
    );
  }

  it(
    'creates an objective that an epic then links to, shows it counted, and takes it out of the goals KPI when archived',
    async () => {
      const { shell, frame } = await openAdminPage(admin);
      const { page } = shell;
      await frame.getByRole('table', { name: /Strategic objectives/ }).waitFor();
      expect((await portfolio()).strategicGoalsAdvancedPct).toBe(100);

      await frame.getByRole('button', { name: 'Create objective' }).click();
      await frame.getByRole('textbox', { name: /^ID/ }).fill('OBJ-NORDICS');
      await frame.getByRole('textbox', { name: /^Name/ }).fill('Win the Nordic market');
      await frame.getByRole('textbox', { name: 'Description' }).fill('Local payment methods and partners.');
      await frame.getByRole('combobox', { name: 'Owner' }).pressSequentially('mei');
      await frame.getByRole('option', { name: /Mei Chen/ }).waitFor();
      await frame.getByRole('combobox', { name: 'Owner' }).press('Enter');
      await frame.getByRole('button', { name: 'Change owner (Mei Chen)' }).waitFor();
      await frame.getByRole('spinbutton', { name: /Weight/ }).fill('7');
      await frame.getByRole('textbox', { name: 'Measure' }).fill('Nordic revenue (EUR)');
      await frame.getByRole('spinbutton', { name: 'Amount' }).fill('2000000');
      await frame.getByLabel('By date').fill('2027-12-31');
      await screenshots(page, 'objective-form');
      await frame.getByRole('button', { name: 'Create objective' }).click();
      await frame.getByText('Created OBJ-NORDICS').waitFor();

      // Active and linked to nothing: it counts in the KPI's denominator and has not advanced.
      const created = await portfolio();
      expect(created.byObjective['OBJ-NORDICS']).toMatchObject({
        status: 'active',
        attributedPlanned: 0,
        advanced: false,
      });
      expect(created.strategicGoalsAdvancedPct).toBe(87.5);

      // The epic panel's save, as its UI makes it: the epic's current value plus the new link.
      const { view, room } = await epicWithPlanOnly();
      const share = Math.min(0.5, room);
      await call<EpicValueView>('panel', 'panel/save-value', {
        issueKey: view.epic.key,
        baseRevision: view.revision,
        value: { ...view.value, objectives: [...view.value.objectives, { id: 'OBJ-NORDICS', share }] },
      });
      const linked = await portfolio();
      expect(linked.byObjective['OBJ-NORDICS']?.attributedPlanned).toBeGreaterThan(0);
      expect(linked.byObjective['OBJ-NORDICS']?.advanced).toBe(false);
      expect(linked.strategicGoalsAdvancedPct).toBe(87.5);

      // The admin page shows the link and the value attributed (the list loads when shown).
      await frame.getByRole('tab', { name: 'Settings' }).click();
      await frame.getByRole('tab', { name: 'Objectives' }).click();
      const row = frame.getByRole('row', { name: /OBJ-NORDICS/ });
      await row.getByText('Mei Chen').waitFor();
      expect(await row.getByRole('cell').nth(3).textContent()).toBe('1');
      expect(await row.textContent()).toMatch(/€0(\.0)? realised of €[\d.]+K? planned/);
      await screenshots(page, 'objectives');

      await frame.getByRole('button', { name: 'Archive OBJ-NORDICS' }).click();
      await frame.getByText('Archived OBJ-NORDICS').waitFor();
      const archived = await portfolio();
      expect(archived.byObjective['OBJ-NORDICS']).toMatchObject({ status: 'archived' });
      expect(archived.strategicGoalsAdvancedPct).toBe(100);
      const objectives = await call<ObjectiveList>('admin', 'admin/list-objectives', {});
      expect(objectives.objectives.find((objective) => objective.id === 'OBJ-NORDICS')).toMatchObject({
        status: 'archived',
        linkedEpics: 1,
        ownerAccountId: expect.any(String) as unknown,
        target: { measure: 'Nordic revenue (EUR)', amount: 2_000_000, date: '2027-12-31' },
      });

      await frame.getByRole('tab', { name: 'Audit log' }).click();
      await frame.getByRole('rowheader', { name: 'Archived objective OBJ-NORDICS' }).waitFor();
      await frame.getByRole('rowheader', { name: 'Created objective OBJ-NORDICS' }).waitFor();
      await screenshots(page, 'audit');

      await frame.getByRole('tab', { name: 'Settings' }).click();
      await frame.getByRole('spinbutton', { name: 'Discount rate (% a year)' }).waitFor();
      await screenshots(page, 'settings');

      await frame.getByRole('tab', { name: 'Backup' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        frame.getByRole('button', { name: 'Download backup' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^value-layer-backup-\d{4}-\d{2}-\d{2}\.json$/);
      await frame.getByText(/objectives and the value records of \d+ epics/).waitFor();

      expect(shell.errors).toEqual([]);
      expect(env.hostLog).toEqual([]);
      await page.context().close();
    },
    flowTimeout,
  );

  it(
    'imports nothing from a file with one bad row, and lists the problem with its path',
    async () => {
      const backup = await call<{ content: string }>('admin', 'admin/export-backup', {});
      const document = JSON.parse(backup.content) as {
        objectives: { id: string; name: string }[];
        epics: { key: string; value: { costs: { planned: { amount: number }[] } } }[];
      };
      const file = {
        ...document,
        // A valid change that must not be applied either: all or nothing.
        objectives: document.objectives.map((objective, index) =>
          index === 0 ? { ...objective, name: 'Renamed by import' } : objective,
        ),
        epics: document.epics.slice(0, 6),
      };
      const bad = file.epics.findIndex((epic) => epic.value.costs.planned.length > 0);
      const badEpic = file.epics[bad];
      if (badEpic === undefined) throw new Error('No epic in the first six has planned costs.');
      badEpic.value.costs.planned[0] = { ...badEpic.value.costs.planned[0], amount: -100 };

      const { shell, frame } = await openAdminPage(admin);
      await frame.getByRole('tab', { name: 'Import' }).click();
      await frame.getByLabel('Choose a file').setInputFiles({
        name: 'portfolio.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file, null, 2)),
      });

      await frame.getByRole('alert').getByText('1 problem found: nothing will be imported').waitFor();
      const problems = frame.getByRole('table', { name: '1 problem in the file' });
      expect(await problems.getByRole('row').nth(1).textContent()).toBe(
        `epics[${String(bad)}].value.costs.planned[0].amountmust be >= 0`,
      );
      expect(await frame.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
      await screenshots(shell.page, 'import-error');

      // The same file without the bad row previews what it would change; cancelled, it changes nothing.
      const fixed = { ...file, epics: file.epics.filter((_, index) => index !== bad) };
      await frame.getByLabel('Choose another file').setInputFiles({
        name: 'portfolio-fixed.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(fixed)),
      });
      const preview = frame.getByRole('region', { name: 'Ready to import' });
      const renamed = preview.getByRole('row', { name: new RegExp(`^${file.objectives[0]?.id ?? ''} `) });
      await renamed.getByText('Changed', { exact: true }).waitFor();
      expect(await renamed.textContent()).toContain('Renamed by import');
      // The epics are as the backup holds them: the import would leave every one alone.
      await preview
        .getByText(`${String(fixed.epics.length)} epics unchanged: left as they are, with no new revision`)
        .waitFor();
      await screenshots(shell.page, 'import-preview');
      await preview.getByRole('button', { name: 'Cancel' }).click();

      // The server refuses the same file too, uploaded as the page does, and nothing changed.
      const invokeAdmin = async (functionKey: string, payload: unknown) =>
        (await env.site.invoke({
          moduleKey: MODULES.admin,
          functionKey,
          payload,
          accountId: admin,
        })) as Envelope<{ importId: string }>;
      const text = JSON.stringify(file);
      const parts = Math.ceil(text.length / 20_000);
      let importId = '';
      for (let part = 0; part < parts; part++) {
        const staged = await invokeAdmin('admin/import-stage', {
          ...(part === 0 ? {} : { importId }),
          part,
          parts,
          chunk: text.slice(part * 20_000, (part + 1) * 20_000),
        });
        importId = staged.ok ? staged.data.importId : importId;
      }
      const applied = await invokeAdmin('admin/import-apply', { importId });
      expect(applied.ok).toBe(false);
      const after = await call<{ content: string }>('admin', 'admin/export-backup', {});
      expect(after.content).toBe(backup.content);

      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    flowTimeout,
  );

  it(
    'refuses a team member on every admin call, and shows them why',
    async () => {
      const payloads: Record<string, unknown> = {
        'admin/get-settings': {},
        'admin/save-settings': { settings: { currency: 'EUR', discountRate: 0.08 } },
        'admin/list-objectives': {},
        'admin/create-objective': { objective: { id: 'OBJ-X', name: 'X', status: 'active', weight: 1 } },
        'admin/update-objective': { objective: { id: 'OBJ-1', name: 'X', status: 'active', weight: 1 } },
        'admin/set-objective-status': { id: 'OBJ-1', status: 'archived' },
        'admin/delete-objective': { id: 'OBJ-1' },
        'admin/import-stage': { part: 0, parts: 1, chunk: '{}' },
        'admin/import-preview': { importId: 'a1b2c3d4-e5f6' },
        'admin/import-apply': { importId: 'a1b2c3d4-e5f6' },
        'admin/export-backup': {},
        'admin/export-backup-page': {},
        'admin/get-audit-log': {},
      };
      for (const [functionKey, payload] of Object.entries(payloads)) {
        const answer = (await env.site.invoke({
          moduleKey: MODULES.admin,
          functionKey,
          payload,
          accountId: team,
        })) as Envelope<unknown>;
        expect({ functionKey, code: answer.ok ? 'OK' : answer.error.code }).toEqual({
          functionKey,
          code: 'FORBIDDEN',
        });
      }

      // Jira itself hides the page from non-admins.
      const gated = await openShell(env, '/issues', { accountId: team, theme: 'light' });
      await gated.page.getByRole('link', { name: 'Apps' }).click();
      await gated.page.getByRole('heading', { name: "You don't have access to this page" }).waitFor();
      await gated.page.context().close();

      // Should the page be reached anyway (a stale Jira check), the app's own server check holds.
      const shell = await openShell(env, '/issues', { accountId: team, theme: 'light' });
      await shell.page.route('**/api/admin-access*', (route) =>
        route.fulfill({ json: { isJiraAdmin: true } }),
      );
      await shell.page.getByRole('link', { name: 'Apps' }).click();
      const frame = await shell.moduleFrame('.settings-content');
      await frame
        .getByRole('heading', { name: 'Only Jira admins can manage Value Layer', level: 1 })
        .waitFor();
      await frame
        .getByText('Only Jira administrators can manage Value Layer settings and objectives.')
        .waitFor();
      expect(await frame.getByRole('tab').count()).toBe(0);
      await screenshots(shell.page, 'refused');
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    flowTimeout,
  );
});
