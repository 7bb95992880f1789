import { toCsv } from '../../src/application/csv';
import { exportScope } from '../../src/application/portfolio/export-scope';
import type { GadgetContext } from '../../src/application/portfolio/gadget-context';
import { getPortfolio } from '../../src/application/portfolio/get-portfolio';
import { drillDownScope, listEpics } from '../../src/application/portfolio/list-epics';
import { scopeJql } from '../../src/application/portfolio/scope-jql';
import { InMemoryJira, type FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { growRevenue, importAsAdmin } from '../fixtures/admin-site';

const admin: FakeUser = { accountId: 'admin', admin: true };
const payTeam: FakeUser = { accountId: 'pay-team', browse: ['PAY'] };

function anEpic(key: string, programme: string | null, planned: number, realised: number, cost: number) {
  return {
    key,
    summary: `Epic ${key}`,
    project: key.split('-')[0],
    programme,
    status: 'in_progress',
    value: {
      objectives: [{ id: 'OBJ-GROW', share: 0.5 }],
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Sales',
          planned: [{ month: '2026-01', amount: planned }],
          realised: [{ month: '2026-02', amount: realised, evidence: 'measured' }],
        },
      ],
      costs: { planned: [], actual: [{ month: '2026-01', amount: cost }] },
    },
  };
}

async function site() {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  jira.addEpic({ key: 'PAY-100', hierarchyLevel: 2, summary: 'Checkout programme' });
  jira.addEpic({ key: 'PAY-1', parentKey: 'PAY-100' });
  // Summaries come from Jira, where anyone who can edit the epic writes what they like.
  jira.addEpic({ key: 'PAY-2', parentKey: 'PAY-100', summary: '=HYPERLINK("http://evil")' });
  jira.addEpic({ key: 'OPS-1', parentKey: null });
  const clock = { now: () => new Date('2026-11-15T12:00:00Z') };
  await importAsAdmin(
    { jira, store, clock },
    {
      discountRate: 0.08,
      objectives: [growRevenue({ amount: 250_000, date: '2026-12-31' })],
      epics: [
        anEpic('PAY-1', 'PAY-100', 1000, 400, 200),
        anEpic('PAY-2', 'PAY-100', 3000, 600, 300),
        anEpic('OPS-1', null, 50_000, 45_000, 10_000),
      ],
    },
  );
  const contextFor = (user: FakeUser): GadgetContext => ({ jira: jira.siteFor(user), store, clock });
  return { contextFor };
}

describe('getPortfolio', () => {
  it('rolls up every epic the viewer may browse, by project, programme and objective', async () => {
    const { contextFor } = await site();

    const view = await getPortfolio(contextFor(admin), { scope: { kind: 'all' } });

    expect(view.asOf).toBe('2026-11');
    expect(view.portfolio).toMatchObject({
      epics: 3,
      plannedBenefit: 54_000,
      realisedBenefit: 46_000,
      actualCost: 10_500,
    });
    expect(Object.keys(view.byProject)).toEqual(['OPS', 'PAY']);
    expect(view.byProgramme['PAY-100']?.realisedBenefit).toBe(1000);
    expect(view.byProgramme['(none)']?.realisedBenefit).toBe(45_000);
    expect(view.byObjective['OBJ-GROW']).toMatchObject({ name: 'Grow revenue', attributedRealised: 23_000 });
  });

  it("shows an objective's progress against its target, its forecast at the target date and whether it is on track", async () => {
    const { contextFor } = await site();

    const view = await getPortfolio(contextFor(admin), { scope: { kind: 'all' } });

    // 0.5 x (400 + 600 + 45,000) realised in February; nothing more is planned before December.
    expect(view.byObjective['OBJ-GROW']).toMatchObject({
      target: { measure: 'Attributed revenue', amount: 250_000, date: '2026-12-31' },
      progress: 23_000 / 250_000,
      forecastAtTargetDate: 23_000,
      onTrack: false,
      realisedInWindow: 0, // September to November
      advanced: false,
    });
    expect(view.objectivesOnTrackPct).toBe(0);
    expect(view.advancedWindowMonths).toBe(3);
    // Benefit that arrived in February does not count as advancing a goal in November.
    expect(view.strategicGoalsAdvancedPct).toBe(0);
  });

  it('computes the same objective figures live as from the roll-up', async () => {
    const { contextFor } = await site();

    const rolledUp = await getPortfolio(contextFor(admin), { scope: { kind: 'all' } });
    const live = await getPortfolio(contextFor(admin), {
      scope: { kind: 'objectives', objectives: ['OBJ-GROW'] },
    });

    expect(live.source).toBe('live');
    expect(live.byObjective['OBJ-GROW']).toEqual(rolledUp.byObjective['OBJ-GROW']);
  });

  it("never lets a restricted viewer's totals include a project they cannot browse", async () => {
    const { contextFor } = await site();

    const view = await getPortfolio(contextFor(payTeam), { scope: { kind: 'all' } });

    expect(view.portfolio).toMatchObject({
      epics: 2,
      plannedBenefit: 4000,
      realisedBenefit: 1000,
      actualCost: 500,
    });
    expect(Object.keys(view.byProject)).toEqual(['PAY']);
    expect(view.byObjective['OBJ-GROW']?.attributedRealised).toBe(500);
  });

  it('computes as of the month asked for: later realised amounts do not exist yet', async () => {
    const { contextFor } = await site();

    const view = await getPortfolio(contextFor(admin), { scope: { kind: 'all' }, asOf: '2026-01' });

    expect(view.portfolio.realisedBenefit).toBe(0);
    expect(view.portfolio.actualCost).toBe(10_500);
  });
});

describe('listEpics', () => {
  it('lists the epics behind a programme with their own KPIs', async () => {
    const { contextFor } = await site();

    const list = await listEpics(contextFor(admin), {
      scope: { kind: 'all' },
      filter: { by: 'programme', key: 'PAY-100' },
    });

    expect(list.epics.map((epic) => [epic.key, epic.kpis.roi])).toEqual([
      ['PAY-1', 1], // (400 - 200) / 200
      ['PAY-2', 1], // (600 - 300) / 300
    ]);
  });

  it('shows each epic’s share when drilling into an objective', async () => {
    const { contextFor } = await site();

    const list = await listEpics(contextFor(admin), {
      scope: { kind: 'all' },
      filter: { by: 'objective', id: 'OBJ-GROW' },
    });

    expect(list.epics.every((epic) => epic.share === 0.5)).toBe(true);
  });
});

describe('drillDownScope', () => {
  it('searches only the project, programme or objective behind a figure of the whole site', () => {
    expect(drillDownScope({ kind: 'all' }, { by: 'project', key: 'PAY' })).toEqual({
      kind: 'projects',
      projects: ['PAY'],
    });
    expect(drillDownScope({ kind: 'all' }, { by: 'programme', key: 'PRG-1' })).toEqual({
      kind: 'programmes',
      programmes: ['PRG-1'],
    });
    expect(drillDownScope({ kind: 'all' }, { by: 'objective', id: 'OBJ-1' })).toEqual({
      kind: 'objectives',
      objectives: ['OBJ-1'],
    });
  });

  it('finds nothing for a project outside a projects scope, and keeps scopes it cannot narrow', () => {
    expect(drillDownScope({ kind: 'projects', projects: ['PAY'] }, { by: 'project', key: 'OPS' })).toBeNull();
    expect(drillDownScope({ kind: 'all' }, { by: 'programme', key: '(none)' })).toEqual({ kind: 'all' });
    const jql = { kind: 'jql', jql: 'project = PAY' } as const;
    expect(drillDownScope(jql, { by: 'project', key: 'PAY' })).toBe(jql);
  });
});

describe('exportScope', () => {
  it('exports one CSV row per epic with its KPIs, with formula cells neutralised', async () => {
    const { contextFor } = await site();

    const file = await exportScope(contextFor(admin), { scope: { kind: 'all' }, format: 'csv' });
    const lines = file.content.trim().split('\r\n');

    expect(file).toMatchObject({ mimeType: 'text/csv', filename: 'value-layer-epics-2026-11.csv' });
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^Epic,Summary,Project,Programme,Status,Objectives \(share\),Planned benefit \(EUR\),/,
    );
    expect(lines[0]).toMatch(
      /,Payback month \(YYYY-MM\),Discounted payback month \(YYYY-MM\),IRR \(%\),MIRR \(%\),/,
    );
    expect(lines[2]).toMatch(
      /^PAY-2,"'=HYPERLINK\(""http:\/\/evil""\)",PAY,PAY-100,In progress,OBJ-GROW Grow revenue \(50%\),3000,/,
    );
  });

  it('exports the scope as a portfolio v1 document', async () => {
    const { contextFor } = await site();

    const file = await exportScope(contextFor(payTeam), { scope: { kind: 'all' }, format: 'json' });
    const document = JSON.parse(file.content) as {
      format: string;
      objectives: { id: string; target?: unknown }[];
      epics: { key: string }[];
    };

    expect(document.format).toBe('value-layer.portfolio');
    expect(document.epics.map((epic) => epic.key)).toEqual(['PAY-1', 'PAY-2']);
    expect(document.objectives).toEqual([growRevenue({ amount: 250_000, date: '2026-12-31' })]);
  });
});

describe('toCsv', () => {
  it.each([['=1+2'], ['+1'], ['-1'], ['@SUM(A1)'], ['\tx']])('neutralises the text cell %j', (cell) => {
    expect(toCsv([[cell]]).startsWith(`'`) || toCsv([[cell]]).startsWith(`"'`)).toBe(true);
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(toCsv([[-5, 1.5, null, 'a,b']])).toBe('-5,1.5,,"a,b"\r\n');
  });
});

describe('scopeJql', () => {
  const epicTypeIds = ['10000'];

  it('keeps a user’s JQL inside parentheses and drops its ORDER BY', () => {
    expect(
      scopeJql({ scope: { kind: 'jql', jql: 'project = PAY OR project = OPS order by rank' }, epicTypeIds }),
    ).toBe('(project = PAY OR project = OPS) AND issuetype in (10000) ORDER BY key ASC');
  });

  it('finds objective scopes through the indexed property alias', () => {
    expect(scopeJql({ scope: { kind: 'objectives', objectives: ['OBJ-1'] }, epicTypeIds })).toBe(
      'valueObjective in ("OBJ-1") AND issuetype in (10000) ORDER BY key ASC',
    );
  });
});
