/**
 * Value Layer's seeds on the local Forge runtime: what each writes into Jira, and how the value
 * data goes in through the app's own admin import (here the import fixture app, which stands in
 * for the app and records what it would import).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMemoryJiraStore, InvokeError } from 'forge-local';
import { parsePortfolioV1 } from '../../src/contract';
import {
  DEMO_ACCOUNT_IDS,
  openLocalSite,
  REPO_ROOT,
  type LocalSiteRuntime,
  type OpenLocalSiteOptions,
  type ProductResponse,
} from '../../local-site';
import { readAppceleratorIssues, referencePortfolioDir } from '../../local-site/seeds/appcelerator-seed';
import { checkSeedSource, seedSite } from '../../local-site/seeds/value-seeds';
import { importValueData } from '../../local-site/seeds/value-import';

const IMPORT_APP = resolve(__dirname, 'fixtures/import-app');
const ADMIN: string = DEMO_ACCOUNT_IDS.admin;
const PORTFOLIO: string = DEMO_ACCOUNT_IDS.portfolio;
const TEAM: string = DEMO_ACCOUNT_IDS.team;

function openFixtureSite(options: Partial<OpenLocalSiteOptions> = {}): Promise<LocalSiteRuntime> {
  return openLocalSite({ dataDir: null, appRoot: IMPORT_APP, log: () => undefined, ...options });
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed view of a JSON body, as each test reads it
function bodyOf<T = Record<string, unknown>>(response: ProductResponse): T {
  return JSON.parse(response.body) as T;
}

function rest(site: LocalSiteRuntime, accountId: string, method: string, path: string, body?: unknown) {
  return site.requestJira({
    accountId,
    method,
    path,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

interface Page {
  issues: {
    key: string;
    fields: Record<string, { name?: string; hierarchyLevel?: number; key?: string } | null>;
  }[];
}

async function count(site: LocalSiteRuntime, jql: string): Promise<number> {
  return bodyOf<{ count: number }>(
    await rest(site, ADMIN, 'POST', '/rest/api/3/search/approximate-count', { jql }),
  ).count;
}

describe('the demo seed', () => {
  let site: LocalSiteRuntime;

  beforeAll(async () => {
    site = await openFixtureSite();
  });

  afterAll(async () => {
    await site.close();
  });

  it('has the three demo users, the Jira admin first', () => {
    expect(site.users.map((u) => [u.role, u.accountId])).toEqual([
      ['admin', DEMO_ACCOUNT_IDS.admin],
      ['portfolio', DEMO_ACCOUNT_IDS.portfolio],
      ['team', DEMO_ACCOUNT_IDS.team],
    ]);
  });

  it('has six delivery projects and a programme project', async () => {
    const projects = bodyOf<{ values: { key: string }[] }>(
      await rest(site, ADMIN, 'GET', '/rest/api/3/project/search'),
    );
    expect(projects.values.map((p) => p.key)).toEqual(['CHK', 'CRM', 'FIN', 'MOB', 'OPS', 'PAY', 'PRG']);
  });

  it('has 120 epics under programmes (Initiatives, hierarchy level 2), with children and sub-tasks', async () => {
    expect(await count(site, 'issuetype = Epic')).toBe(120);
    const underProgrammes = await count(site, 'issuetype = Epic AND parent IS NOT EMPTY');
    expect(underProgrammes).toBeGreaterThan(90);
    expect(await count(site, 'issuetype = Initiative')).toBeGreaterThan(0);
    expect(await count(site, 'issuetype in (Story, Task, Bug)')).toBeGreaterThan(240);
    expect(await count(site, 'issuetype = Sub-task')).toBeGreaterThan(20);
    const programme = bodyOf<Page>(
      await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', {
        jql: 'issuetype = Initiative',
        fields: ['issuetype'],
        maxResults: 1,
      }),
    ).issues[0];
    expect(programme?.fields.issuetype?.hierarchyLevel).toBe(2);
  });

  it('gives every child a parent one hierarchy level up', async () => {
    const page = bodyOf<Page>(
      await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', {
        jql: 'project = PAY AND parent IS NOT EMPTY',
        fields: ['issuetype', 'parent'],
        maxResults: 100,
      }),
    );
    for (const issue of page.issues) {
      const level = issue.fields.issuetype?.hierarchyLevel ?? 0;
      const parentLevel = (
        issue.fields.parent as { fields?: { issuetype?: { hierarchyLevel?: number } } } | null
      )?.fields?.issuetype?.hierarchyLevel;
      expect(parentLevel).toBe(level === -1 ? 0 : level + 1);
    }
  });

  it('lets the team member see one project and the portfolio manager all of them', async () => {
    const visible = async (accountId: string) =>
      bodyOf<{ values: unknown[] }>(await rest(site, accountId, 'GET', '/rest/api/3/project/search')).values
        .length;
    expect(await visible(TEAM)).toBe(1);
    expect(await visible(PORTFOLIO)).toBe(7);
  });

  it('applies the value data through the app admin import, as the admin', () => {
    expect(site.valueImport).toBe('imported');
    expect(site.storage.get('imported')).toEqual({ epics: 120, by: ADMIN });
  });

  it('seeds the same site every time', async () => {
    const again = await openFixtureSite();
    const keys = async (s: LocalSiteRuntime) =>
      bodyOf<Page>(
        await rest(s, ADMIN, 'POST', '/rest/api/3/search/jql', {
          jql: 'project = MOB ORDER BY key',
          fields: ['summary'],
          maxResults: 100,
        }),
      ).issues;
    expect(await keys(again)).toEqual(await keys(site));
    await again.close();
  });
});

describe('seed options', () => {
  it('seeds a large generated site quickly, straight into the store', async () => {
    const started = performance.now();
    const big = await openFixtureSite({ seedSize: { epics: 5000, projects: 50 }, importValues: false });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(await count(big, 'issuetype = Epic')).toBe(5000);
    const projects = bodyOf<{ total: number }>(
      await rest(big, ADMIN, 'GET', '/rest/api/3/project/search'),
    ).total;
    expect(projects).toBe(51);
    await big.close();
  });

  it('seeds users and projects only with `empty`', async () => {
    const empty = await openFixtureSite({ seed: 'empty' });
    expect(empty.users).toHaveLength(3);
    expect(
      bodyOf<{ total: number }>(await rest(empty, ADMIN, 'GET', '/rest/api/3/project/search')).total,
    ).toBe(7);
    expect(await count(empty, 'project in (PAY, CHK)')).toBe(0);
    expect(empty.valueImport).toBe('not-needed');
    await empty.close();
  });

  it('seeds the real Appcelerator epics in Cloud shape with `appcelerator`', async () => {
    expect(existsSync(referencePortfolioDir(REPO_ROOT))).toBe(true);
    const site = await openFixtureSite({ seed: 'appcelerator' });
    expect(await count(site, 'issuetype = Epic')).toBe(134);
    const story = bodyOf<Page>(
      await rest(site, ADMIN, 'POST', '/rest/api/3/search/jql', {
        jql: 'project = TIMOB AND parent IS NOT EMPTY AND issuetype = Story',
        fields: ['parent', 'issuetype', 'status'],
        maxResults: 1,
      }),
    ).issues[0];
    expect(story?.fields.issuetype?.hierarchyLevel).toBe(0);
    expect(
      (story?.fields.parent as { fields?: { issuetype?: { name?: string; hierarchyLevel?: number } } }).fields
        ?.issuetype,
    ).toMatchObject({
      name: 'Epic',
      hierarchyLevel: 1,
    });
    expect(await count(site, 'issuetype in (Sub-task, "Technical task")')).toBe(96);
    expect(site.storage.get('imported')).toEqual({ epics: 134, by: ADMIN });
    await site.close();
  });

  it('says plainly when the reference portfolio folder is not there', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'no-shared-'));
    expect(() => readAppceleratorIssues(join(elsewhere, 'repo'))).toThrow('is not beside this repository');
    expect(() => {
      checkSeedSource('appcelerator', { repoRoot: join(elsewhere, 'repo') });
    }).toThrow(/does not exist/);
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it.each([
    { epics: -1, projects: 1 },
    { epics: 10, projects: 0 },
    { epics: 2.5, projects: 1 },
  ])('refuses a seed size it cannot build: %j', (size) => {
    expect(() => {
      checkSeedSource('demo', { repoRoot: REPO_ROOT, size });
    }).toThrow(/seedSize needs whole numbers/);
  });

  it("refuses a reset whose seed's source is missing before wiping anything", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-site-'));
    const nowhere = mkdtempSync(join(tmpdir(), 'local-site-no-reference-'));
    try {
      const first = await openFixtureSite({ dataDir: dir });
      first.storage.set('kept', 1);
      await first.close();
      await expect(
        openFixtureSite({ dataDir: dir, reset: true, seed: 'appcelerator', seedSourceRoot: nowhere }),
      ).rejects.toThrow(/does not exist/);
      const third = await openFixtureSite({ dataDir: dir });
      expect(third.storage.get('kept')).toBe(1);
      await third.close();
    } finally {
      rmSync(nowhere, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the value data the seeds import', () => {
  it.each(['demo', 'appcelerator'] as const)('is a valid portfolio v1 document for the %s seed', (name) => {
    const jira = createMemoryJiraStore();
    const { document } = seedSite(jira, name, { repoRoot: REPO_ROOT });
    const parsed = parsePortfolioV1(JSON.parse(JSON.stringify(document)));
    expect(parsed.success ? [] : parsed.issues).toEqual([]);
    const epicKeys = [...jira.allIssues()]
      .filter((i) => jira.issueType(i.issueTypeId)?.hierarchyLevel === 1)
      .map((i) => i.key);
    expect(document?.epics.map((e) => e.key).sort()).toEqual(epicKeys.sort());
  });
});

describe('the value import', () => {
  it('logs one line and goes on when the admin import does not exist yet', async () => {
    const lines: string[] = [];
    const outcome = await importValueData(
      () => Promise.reject(new InvokeError("Resolver has no definition for 'admin/import-stage'.", 'Error')),
      {
        format: 'value-layer.portfolio',
        version: 1,
        settings: { currency: 'EUR', discountRate: 0.08 },
        objectives: [],
        epics: [],
      },
      ADMIN,
      (line) => lines.push(line),
    );
    expect(outcome).toBe('unavailable');
    expect(lines).toEqual(['value data not imported: the admin import is not available yet']);
  });

  it("imports by the admin page's one path: upload in parts, preview by id, apply in steps until done", async () => {
    const jira = createMemoryJiraStore();
    const { document } = seedSite(jira, 'demo', { repoRoot: REPO_ROOT });
    if (document === null) throw new Error('the demo seed has value data');
    const calls: { functionKey: string; payload: Record<string, unknown> }[] = [];
    let applySteps = 0;
    const outcome = await importValueData(
      ({ functionKey, payload }) => {
        calls.push({ functionKey, payload: payload as Record<string, unknown> });
        if (functionKey === 'admin/import-stage')
          return Promise.resolve({ ok: true, data: { importId: 'imp-1' } });
        if (functionKey === 'admin/import-preview')
          return Promise.resolve({ ok: true, data: { valid: true, issues: [] } });
        applySteps += 1;
        return Promise.resolve({ ok: true, data: { done: applySteps === 3 } });
      },
      document,
      ADMIN,
      () => undefined,
    );

    const keys = calls.map((call) => call.functionKey);
    const stages = calls.filter((call) => call.functionKey === 'admin/import-stage');
    expect(outcome).toBe('imported');
    expect(stages.length).toBeGreaterThan(1);
    expect(stages.map((call) => call.payload.chunk).join('')).toBe(JSON.stringify(document));
    expect(keys.slice(stages.length)).toEqual([
      'admin/import-preview',
      'admin/import-apply',
      'admin/import-apply',
      'admin/import-apply',
    ]);
    expect(calls.slice(stages.length).map((call) => call.payload)).toEqual(
      Array.from({ length: 4 }, () => ({ importId: 'imp-1' })),
    );
    expect(calls.some((call) => 'document' in call.payload)).toBe(false);
  });

  it('applies value data it could not apply on first start once the app has its import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-site-import-'));
    const lines: string[] = [];
    const before = await openFixtureSite({
      dataDir: dir,
      appRoot: resolve(__dirname, 'fixtures/app-without-import'),
      log: (line) => lines.push(line),
    });
    expect(before.valueImport).toBe('unavailable');
    await before.close();
    const after = await openFixtureSite({ dataDir: dir });
    expect(after.valueImport).toBe('imported');
    expect(after.storage.get('imported')).toEqual({ epics: 120, by: ADMIN });
    await after.close();
    const third = await openFixtureSite({ dataDir: dir });
    expect(third.valueImport).toBe('not-needed');
    await third.close();
    rmSync(dir, { recursive: true, force: true });
    expect(lines).toContain('value data not imported: the admin import is not available yet');
  });
});
