import { runScenario } from '../../../src/application/planning/run-scenario';
import { keepDrawsFor, keepProbabilitiesView } from '../../../src/application/planning/scenario-keep';
import type { GadgetContext } from '../../../src/application/portfolio/gadget-context';
import { runScenarioInput, type ScenarioView } from '../../../src/contract/planning.contract';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { importAsAdmin } from '../../fixtures/admin-site';
import { anEpic as aDomainEpic } from '../../fixtures/value-builders';
import { inFlightEpic } from '../../fixtures/in-flight-epic';

const admin: FakeUser = { accountId: 'admin', admin: true };
const payTeam: FakeUser = { accountId: 'pay-team', browse: ['PAY'] };

const NO_SPREAD = {
  benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 100, likely: 100, high: 100 }],
  costOverrun: { low: 0, likely: 0, high: 0 },
};

async function site() {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  for (const key of ['PAY-1', 'PAY-2', 'OPS-1']) jira.addEpic({ key });
  const clock = { now: () => new Date('2026-03-20T12:00:00Z') };
  await importAsAdmin(
    { jira, store, clock },
    {
      discountRate: 0.12,
      epics: [
        // Certain and worthwhile: kept in every draw.
        inFlightEpic('PAY-1', { benefit: 3000, ranges: NO_SPREAD }),
        // Succeeds one time in two; a failed draw makes it a pure cost, stopped.
        inFlightEpic('PAY-2', { benefit: 3000, probability: 0.5, ranges: NO_SPREAD }),
        inFlightEpic('OPS-1', { cost: 70_000, benefit: 90_000, ranges: NO_SPREAD }),
      ],
    },
  );
  const contextFor = (user: FakeUser): GadgetContext => ({ jira: jira.siteFor(user), store, clock });
  return { contextFor };
}

function planned(view: ScenarioView) {
  if (view.status !== 'planned') throw new Error(`expected a plan, got ${JSON.stringify(view)}`);
  return view;
}

const input = (overrides: Record<string, unknown> = {}) =>
  runScenarioInput.parse({
    scope: { kind: 'projects', projects: ['PAY'] },
    cap: { kind: 'percent-cut', percent: 0 },
    ...overrides,
  });

describe('runScenario: keep-probabilities', () => {
  it('returns each epic’s keep-probability with its seed and draws, the same on every run', async () => {
    const { contextFor } = await site();

    const view = planned(await runScenario(contextFor(admin), input()));
    const again = planned(await runScenario(contextFor(admin), input()));

    expect(view.keep).toMatchObject({
      draws: 200,
      drawsWithoutPlan: 0,
      solver: 'greedy-improved',
      reason: null,
    });
    expect(view.keep?.byEpic['PAY-1']).toEqual({ keep: 1, continue: 1, reason: null });
    const risky = view.keep?.byEpic['PAY-2']?.keep ?? Number.NaN;
    expect(Math.abs(risky - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 200));
    expect(again.keep).toEqual(view.keep);
  });

  it('draws only the epics the viewer may browse', async () => {
    const { contextFor } = await site();

    const view = planned(await runScenario(contextFor(payTeam), input({ scope: { kind: 'all' } })));

    expect(Object.keys(view.keep?.byEpic ?? {})).toEqual(['PAY-1', 'PAY-2']);
  });

  it('keeps the point plan’s cap in money: an epic pinned to continue is kept in every draw', async () => {
    const { contextFor } = await site();

    const view = planned(
      await runScenario(contextFor(admin), input({ pins: [{ key: 'PAY-2', pin: 'continue' }] })),
    );

    expect(view.keep?.byEpic['PAY-2']).toMatchObject({ keep: 1, continue: 1 });
  });
});

describe('keepDrawsFor', () => {
  it('returns 200 draws for a small scope, fewer for a large one, and 0 when even 50 do not fit', () => {
    expect(keepDrawsFor(10)).toBe(200);
    expect(keepDrawsFor(1000)).toBe(60);
    expect(keepDrawsFor(1201)).toBe(0);
  });
});

describe('keepProbabilitiesView', () => {
  it('returns no figures, with SCOPE_TOO_LARGE, for a scope too large for the fewest draws', () => {
    const view = keepProbabilitiesView({
      epics: [aDomainEpic({ key: 'A-1' }), aDomainEpic({ key: 'A-2' })],
      scenario: { asOf: '2026-03', discountRate: 0 },
      periods: [],
      seed: 1,
      maxEpicDraws: 99,
    });

    expect(view).toMatchObject({ draws: 0, reason: 'SCOPE_TOO_LARGE', byEpic: {} });
  });
});
