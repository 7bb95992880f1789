import type { LocalSiteRuntime } from '../../local-site';
import { ADMIN as ADMIN_KEYS } from '../../src/contract/admin.contract';
import type { EpicList, PortfolioView } from '../../src/contract/gadget.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { ADMIN, applyUntilDone, call, openDemoSite, PORTFOLIO, stageFile, TEAM } from './local-site';

/**
 * The three resolvers on the local Forge runtime with the real @forge/api, @forge/kvs and
 * @forge/resolver packages, against the emulated Jira site and its permission model.
 */
describe('resolvers on the local runtime', () => {
  let site: LocalSiteRuntime;
  let teamEpic: string;
  let otherEpic: string;

  beforeAll(async () => {
    site = await openDemoSite();
    const teamView = await call<PortfolioView>(site, TEAM, 'gadget/get-portfolio', {
      scope: { kind: 'all' },
    });
    const teamProject = Object.keys(teamView.data?.byProject ?? {})[0] ?? '';
    const all = await call<EpicList>(site, ADMIN, 'gadget/list-epics', { scope: { kind: 'all' } });
    teamEpic = all.data?.epics.find((epic) => epic.project === teamProject)?.key ?? '';
    otherEpic = all.data?.epics.find((epic) => epic.project !== teamProject)?.key ?? '';
  });

  afterAll(async () => {
    await site.close();
  });

  describe('epic panel', () => {
    it('lets the team member edit an epic of their project', async () => {
      const answer = await call<EpicValueView>(site, TEAM, 'panel/get-value', { issueKey: teamEpic });

      expect(answer.ok).toBe(true);
      expect(answer.data?.canEdit).toBe(true);
      expect(answer.data?.revision).toBeGreaterThan(0);
    });

    it('hides epics of other projects from the team member', async () => {
      const answer = await call(site, TEAM, 'panel/get-value', { issueKey: otherEpic });

      expect(answer.error?.code).toBe('NOT_FOUND');
    });

    it('names every malformed field of a payload', async () => {
      const answer = await call(site, TEAM, 'panel/save-value', {
        issueKey: 'not a key',
        baseRevision: -1,
        extra: 1,
      });

      expect(answer.error?.code).toBe('BAD_REQUEST');
      expect(answer.error?.fields?.map((field) => field.path).sort()).toEqual([
        'baseRevision',
        'extra',
        'issueKey',
        'value',
      ]);
    });

    it('names malformed fields inside the value record', async () => {
      const current = await call<EpicValueView>(site, TEAM, 'panel/get-value', { issueKey: teamEpic });
      const value = {
        ...current.data?.value,
        successProbability: 2,
        nps: { promoters: -1, passives: 0, detractors: 0 },
      };

      const answer = await call(site, TEAM, 'panel/save-value', {
        issueKey: teamEpic,
        baseRevision: current.data?.revision,
        value,
      });

      expect(answer.error?.fields?.map((field) => field.path)).toEqual([
        'value.nps.promoters',
        'value.successProbability',
      ]);
    });

    it('saves one of two concurrent edits and answers the other with CONFLICT and the winner’s record', async () => {
      const current = await call<EpicValueView>(site, TEAM, 'panel/get-value', { issueKey: teamEpic });
      const base = current.data;
      if (!base) throw new Error('no record');
      const edit = (successProbability: number, accountId: string) =>
        call<EpicValueView>(site, accountId, 'panel/save-value', {
          issueKey: teamEpic,
          baseRevision: base.revision,
          value: { ...base.value, successProbability },
        });

      const answers = await Promise.all([edit(0.31, TEAM), edit(0.62, PORTFOLIO)]);

      const saved = answers.filter((answer) => answer.ok);
      const refused = answers.filter((answer) => !answer.ok);
      expect(saved).toHaveLength(1);
      expect(refused.map((answer) => answer.error?.code)).toEqual(['CONFLICT']);
      const winner = saved[0]?.data?.value.successProbability;
      const conflict = refused[0]?.error?.details as { current: EpicValueView };
      expect(conflict.current.value.successProbability).toBe(winner);
      const reread = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: teamEpic });
      expect(reread.data?.revision).toBe(base.revision + 1);
    });
  });

  describe('gadget', () => {
    it("counts only the projects a restricted viewer may browse, so no other project's money shows", async () => {
      const team = await call<PortfolioView>(site, TEAM, 'gadget/get-portfolio', { scope: { kind: 'all' } });
      const everyone = await call<PortfolioView>(site, ADMIN, 'gadget/get-portfolio', {
        scope: { kind: 'all' },
      });
      const teamProject = Object.keys(team.data?.byProject ?? {});

      expect(teamProject).toHaveLength(1);
      expect(team.data?.portfolio).toEqual(everyone.data?.byProject[teamProject[0] ?? '']);
      expect(everyone.data?.portfolio.epics).toBe(120);
    });

    it('narrows a shared scope to what the team member can see instead of failing', async () => {
      const scope = { kind: 'projects', projects: ['CHK', 'PAY'] };

      const list = await call<EpicList>(site, TEAM, 'gadget/list-epics', { scope });
      const file = await call<{ content: string }>(site, TEAM, 'gadget/export', { scope, format: 'csv' });

      expect(list.data?.epics.length).toBeGreaterThan(0);
      expect(new Set(list.data?.epics.map((epic) => epic.project))).toEqual(new Set(['CHK']));
      expect(file.data?.content.split('\r\n').filter((line) => line.startsWith('PAY-'))).toEqual([]);
    });

    it('finds the team member’s epics under a programme they cannot open themselves', async () => {
      const all = await call<EpicList>(site, ADMIN, 'gadget/list-epics', {
        scope: { kind: 'projects', projects: ['CHK'] },
      });
      const programme = all.data?.epics.find((epic) => epic.programme !== null)?.programme ?? '';
      const expected = all.data?.epics.filter((epic) => epic.programme === programme).map((epic) => epic.key);

      const list = await call<EpicList>(site, TEAM, 'gadget/list-epics', {
        scope: { kind: 'programmes', programmes: [programme] },
      });

      expect(list.error).toBeUndefined();
      expect(list.data?.epics.map((epic) => epic.key)).toEqual(expected);
    });

    it('refuses JQL that Jira rejects, naming the jql field', async () => {
      const answer = await call(site, PORTFOLIO, 'gadget/get-portfolio', {
        scope: { kind: 'jql', jql: 'summary ~~ x' },
      });

      expect(answer.error?.code).toBe('BAD_REQUEST');
      expect(answer.error?.fields?.[0]?.path).toBe('jql');
    });
  });

  describe('admin', () => {
    const validPayloads: Record<string, unknown> = {
      [ADMIN_KEYS.saveSettings]: { settings: { currency: 'EUR', discountRate: 0.1 } },
      [ADMIN_KEYS.createObjective]: { objective: { id: 'OBJ-X', name: 'X', status: 'active', weight: 1 } },
      [ADMIN_KEYS.updateObjective]: { objective: { id: 'OBJ-X', name: 'X', status: 'active', weight: 1 } },
      [ADMIN_KEYS.setObjectiveStatus]: { id: 'OBJ-X', status: 'archived' },
      [ADMIN_KEYS.deleteObjective]: { id: 'OBJ-X' },
      [ADMIN_KEYS.stageImport]: { part: 0, parts: 1, chunk: '{}' },
      [ADMIN_KEYS.previewImport]: { importId: 'a1b2c3d4-e5f6' },
      [ADMIN_KEYS.applyImport]: { importId: 'a1b2c3d4-e5f6' },
      [ADMIN_KEYS.findGroups]: { query: 'fin' },
    };

    it.each(Object.values(ADMIN_KEYS))(
      'refuses %s to the portfolio manager and the team member',
      async (key) => {
        for (const accountId of [PORTFOLIO, TEAM]) {
          const answer = await call(site, accountId, key, validPayloads[key] ?? {});

          expect(answer.error?.code).toBe('FORBIDDEN');
        }
      },
    );

    it('imports nothing when one row is bad, and lists the error with its path', async () => {
      const backup = await call<{ content: string }>(site, ADMIN, ADMIN_KEYS.exportBackup);
      const document = JSON.parse(backup.data?.content ?? '{}') as {
        epics: { value: { successProbability: number } }[];
      };
      const first = document.epics[0];
      const second = document.epics[1];
      if (!first || !second) throw new Error('backup has epics');
      first.value.successProbability = 0.123;
      second.value.successProbability = 7;

      const importId = await stageFile(site, ADMIN, JSON.stringify(document));
      const answer = await applyUntilDone(site, ADMIN, importId);
      const after = await call<{ content: string }>(site, ADMIN, ADMIN_KEYS.exportBackup);

      expect(answer.error?.code).toBe('BAD_REQUEST');
      expect(answer.error?.fields).toEqual([
        { path: 'document.epics[1].value.successProbability', message: 'must be <= 1' },
      ]);
      expect(after.data?.content).toBe(backup.data?.content);
    });
  });
});
