import type { GadgetContext } from '../../src/application/portfolio/gadget-context';
import { getPortfolio } from '../../src/application/portfolio/get-portfolio';
import { listEpics } from '../../src/application/portfolio/list-epics';
import type { PortfolioView } from '../../src/contract/gadget.contract';
import {
  DRILL_KPIS,
  KPI_DRILL_DOWNS,
  columnTotal,
  reconciledFigure,
  type DrillKpi,
} from '../../src/contract/kpi-drill-down';
import { generatePortfolio } from '../../scripts/lib/generate-portfolio';
import { InMemoryJira, type FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { importAsAdmin } from '../fixtures/admin-site';

const admin: FakeUser = { accountId: 'admin', admin: true };
const AS_OF = '2026-09';
const CENT = 2;

type GeneratedEpic = ReturnType<typeof generatePortfolio>['epics'][number];

/**
 * Issue #15 on a generated epic: a dis-benefit realised beside its first benefit, at a fifth of
 * that benefit's amounts, month by month.
 */
function withDisBenefit(epic: GeneratedEpic): void {
  const [first] = epic.value.benefits;
  if (!first) return;
  const fifth = (amount: number) => Math.round(amount * 20) / 100;
  epic.value.benefits.push({
    id: 'dis',
    kind: 'dis_benefit',
    title: 'Extra support load during migration',
    planned: first.planned.map((entry) => ({ ...entry, amount: fifth(entry.amount) })),
    realised: first.realised.map((entry) => ({ ...entry, amount: fifth(entry.amount) })),
  });
}

/**
 * Issue #15 on a generated epic: an approved baseline of its plan as it stood before the plan
 * was cut by a third (current amounts × 1.5), or grew by a quarter (× 0.8) when `grown`.
 */
function withBaseline(epic: GeneratedEpic, grown: boolean): void {
  const approvedOf = (amount: number) => Math.round(amount * (grown ? 80 : 150)) / 100;
  epic.value.baseline = {
    version: 1,
    approvedBy: 'admin',
    approvedAt: '2025-11-20T09:00:00.000Z',
    successProbability: epic.value.successProbability,
    benefits: epic.value.benefits.map(({ id, kind, planned }) => ({
      id,
      kind,
      planned: planned.map((entry) => ({ ...entry, amount: approvedOf(entry.amount) })),
    })),
    plannedCost: epic.value.costs.planned,
  };
}

/**
 * A generated portfolio of 60 epics in 3 projects (every benefit kind and evidence grade, NPS on
 * done epics, an archived objective), with targets on two objectives, a dis-benefit on every
 * fourth epic and an approved baseline on every third, imported into fakes.
 */
async function generatedSite() {
  const document = generatePortfolio({ epics: 60, projects: 3, seed: 5, objectives: 5 });
  document.epics.forEach((epic, index) => {
    if (index % 4 === 0) withDisBenefit(epic);
    if (index % 3 === 0) withBaseline(epic, index % 2 === 0);
  });
  const [first, second] = document.objectives;
  if (!first || !second) throw new Error('the generator gave fewer than two objectives');
  Object.assign(first, { target: { measure: 'Attributed benefit', amount: 50_000, date: '2027-06-30' } });
  Object.assign(second, {
    target: { measure: 'Attributed benefit', amount: 900_000_000, date: '2026-12-31' },
  });
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  const programmes = new Set(document.epics.map((epic) => epic.programme).filter((key) => key !== null));
  for (const key of programmes) jira.addEpic({ key, hierarchyLevel: 2, summary: `Programme ${key}` });
  for (const epic of document.epics)
    jira.addEpic({ key: epic.key, summary: epic.summary, status: epic.status, parentKey: epic.programme });
  const clock = { now: () => new Date('2026-09-15T12:00:00Z') };
  const { settings, objectives, epics } = document;
  await importAsAdmin({ jira, store, clock }, { ...settings, objectives, epics });
  const context: GadgetContext = { jira: jira.siteFor(admin), store, clock };
  return { context, document };
}

/** The figure a KPI's tile shows. */
function tileFigure(view: PortfolioView, kpi: DrillKpi): number | string | null {
  switch (kpi) {
    case 'strategicGoalsAdvancedPct':
    case 'objectivesOnTrackPct':
    case 'strategicAlignmentPct':
      return view[kpi];
    default:
      return view.portfolio[kpi];
  }
}

describe('the drill-down of every KPI tile', () => {
  let site: Awaited<ReturnType<typeof generatedSite>>;
  let view: PortfolioView;
  beforeAll(async () => {
    site = await generatedSite();
    view = await getPortfolio(site.context, { scope: { kind: 'all' }, asOf: AS_OF });
  });

  it('has a tile figure that is not trivially empty for the generated portfolio', () => {
    expect(view.portfolio.epics).toBe(60);
    expect(view.portfolio.costAvoidanceRealised).toBeGreaterThan(0);
    expect(view.portfolio.npsAtCompletion).not.toBeNull();
    expect(view.objectivesOnTrackPct).not.toBeNull();
    expect(view.portfolio.disBenefitRealised).toBeGreaterThan(0);
    expect(view.portfolio.baselineRealisationRate).not.toBeNull();
    // Half the baselines were cut by a third since approval, half grew by a quarter: net, it shrank.
    expect(view.portfolio.forecastDrift).toBeLessThan(0);
  });

  it.each(DRILL_KPIS.filter((kpi) => KPI_DRILL_DOWNS[kpi].reconciles.kind !== 'objectives'))(
    'lists for %s the epics whose figures rebuild the tile',
    async (kpi) => {
      const list = await listEpics(site.context, {
        scope: { kind: 'all' },
        asOf: AS_OF,
        filter: { by: 'all' },
        kpi,
      });
      const { reconciles } = KPI_DRILL_DOWNS[kpi];
      expect(list.epics.length).toBeGreaterThan(0);
      const rebuilt = reconciledFigure(list.epics, reconciles, CENT);
      if (reconciles.kind === 'cash-flows') {
        // A rate or a month is not a sum: what reconciles is the NPV of the epics' flows.
        expect(tileFigure(view, kpi)).not.toBeUndefined();
      }
      if (reconciles.kind === 'cash-flows' || (reconciles.kind === 'sum' && reconciles.column === 'npv')) {
        // Each epic's NPV is rounded to the cent once: at most half a cent per epic apart.
        expect(Math.abs((rebuilt ?? Number.NaN) - view.portfolio.npv)).toBeLessThanOrEqual(
          0.005 * list.epics.length,
        );
      } else {
        const tile = tileFigure(view, kpi);
        expect(typeof tile).toBe('number');
        expect(rebuilt).toBeCloseTo(tile as number, 9);
      }
    },
  );

  it('leaves out the epics that add nothing to the KPI: cost avoidance lists only epics that avoided cost', async () => {
    const all = await listEpics(site.context, { scope: { kind: 'all' }, asOf: AS_OF, filter: { by: 'all' } });
    const behind = await listEpics(site.context, {
      scope: { kind: 'all' },
      asOf: AS_OF,
      filter: { by: 'all' },
      kpi: 'costAvoidanceRealised',
    });
    expect(behind.epics.length).toBeGreaterThan(0);
    expect(behind.epics.length).toBeLessThan(all.epics.length);
    expect(behind.epics.every((row) => row.kpis.costAvoidanceRealised > 0)).toBe(true);
    expect(columnTotal(behind.epics, 'costAvoidanceRealised', CENT)).toBe(
      columnTotal(all.epics, 'costAvoidanceRealised', CENT),
    );
  });

  it('leaves the epics without an approved baseline out of the baseline tiles', async () => {
    const behind = async (kpi: DrillKpi) =>
      (await listEpics(site.context, { scope: { kind: 'all' }, asOf: AS_OF, filter: { by: 'all' }, kpi }))
        .epics;
    const baselined = new Set(
      site.document.epics.filter((epic) => epic.value.baseline !== undefined).map((epic) => epic.key),
    );
    for (const kpi of ['baselineRealisationRate', 'forecastDrift'] as const) {
      const rows = await behind(kpi);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => !baselined.has(row.key))).toEqual([]);
    }
    const withDisBenefits = await behind('disBenefitRealised');
    expect(withDisBenefits.length).toBeGreaterThan(0);
    expect(withDisBenefits.every((row) => row.kpis.disBenefitRealised > 0)).toBe(true);
  });

  it('counts the objectives behind the two objective tiles from the objectives listed', () => {
    const active = Object.values(view.byObjective).filter((objective) => objective.status === 'active');
    const advanced = active.filter((objective) => objective.advanced).length;
    expect(view.strategicGoalsAdvancedPct).toBeCloseTo((100 * advanced) / active.length, 9);
    const withTarget = active.filter((objective) => objective.onTrack !== null);
    expect(withTarget).toHaveLength(2);
    const onTrack = withTarget.filter((objective) => objective.onTrack === true).length;
    expect(view.objectivesOnTrackPct).toBeCloseTo((100 * onTrack) / withTarget.length, 9);
  });

  it('attributes to an objective its share of each epic, and those amounts add up to the objective', async () => {
    for (const [id, objective] of Object.entries(view.byObjective)) {
      const list = await listEpics(site.context, {
        scope: { kind: 'all' },
        asOf: AS_OF,
        filter: { by: 'objective', id },
      });
      expect(list.epics.every((row) => row.attributed !== undefined && row.share !== undefined)).toBe(true);
      expect(columnTotal(list.epics, 'attributedRealised', CENT)).toBeCloseTo(
        objective.attributedRealised,
        9,
      );
      expect(columnTotal(list.epics, 'attributedPlanned', CENT)).toBeCloseTo(objective.attributedPlanned, 9);
      const partial = list.epics.find((row) => (row.share ?? 1) < 1 && row.kpis.realisedBenefit > 0);
      if (partial) expect(partial.attributed?.realised).toBeLessThan(partial.kpis.realisedBenefit);
    }
  });

  it('adds up, by project, to the project row of the breakdown', async () => {
    for (const [project, figures] of Object.entries(view.byProject)) {
      const list = await listEpics(site.context, {
        scope: { kind: 'all' },
        asOf: AS_OF,
        filter: { by: 'project', key: project },
      });
      expect(list.epics).toHaveLength(figures.epics);
      expect(columnTotal(list.epics, 'realisedBenefit', CENT)).toBeCloseTo(figures.realisedBenefit, 9);
    }
  });

  it('gives the JQL of the epics behind each filter, through the manifest’s entity-property alias for objectives', async () => {
    const jqlOf = async (filter: Parameters<typeof listEpics>[1]['filter']) =>
      (await listEpics(site.context, { scope: { kind: 'all' }, asOf: AS_OF, filter })).jql;
    expect(await jqlOf({ by: 'all' })).toBe('issuetype in (10001)');
    expect(await jqlOf({ by: 'project', key: 'ABC' })).toBe('project = "ABC" AND issuetype in (10001)');
    expect(await jqlOf({ by: 'programme', key: '(none)' })).toBe('parent is EMPTY AND issuetype in (10001)');
    expect(await jqlOf({ by: 'objective', id: 'OBJ-1' })).toBe(
      'valueObjective = "OBJ-1" AND issuetype in (10001)',
    );
  });
});
