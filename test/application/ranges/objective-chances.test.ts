import type { GadgetContext } from '../../../src/application/portfolio/gadget-context';
import { getScopeRanges, rangesViewOf } from '../../../src/application/ranges/get-scope-ranges';
import type { EpicRecord } from '../../../src/domain/model/portfolio-record';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { importAsAdmin } from '../../fixtures/admin-site';

const admin: FakeUser = { accountId: 'admin', admin: true };

function anEpic(key: string, options: { ranged?: boolean; p?: number } = {}) {
  return {
    key,
    summary: `Epic ${key}`,
    project: 'PAY',
    programme: null,
    status: 'in_progress',
    value: {
      successProbability: options.p ?? 1,
      objectives: [{ id: 'OBJ-SURE', share: 1 }],
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Sales',
          planned: [{ month: '2026-12', amount: 10_000 }],
          realised: [],
        },
      ],
      costs: { planned: [{ month: '2027-01', amount: 2_000 }], actual: [] },
      ...(options.ranged
        ? {
            ranges: {
              benefits: [{ benefitId: 'b1', basis: 'percentOfPlan', low: 95, likely: 100, high: 105 }],
              costOverrun: null,
            },
          }
        : {}),
    },
  };
}

const objectives = [
  {
    id: 'OBJ-SURE',
    name: 'Sure thing',
    status: 'active' as const,
    weight: 5,
    target: { measure: 'Attributed revenue', amount: 9_000, date: '2027-03-31' },
  },
  { id: 'OBJ-OPEN', name: 'No target yet', status: 'active' as const, weight: 3, target: null },
];

async function site() {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  const epics = [anEpic('PAY-1', { ranged: true }), anEpic('PAY-2', { p: 0 })];
  for (const epic of epics) jira.addEpic({ key: epic.key });
  const clock = { now: () => new Date('2026-11-15T12:00:00Z') };
  await importAsAdmin(
    { jira, store, clock },
    {
      discountRate: 0.08,
      objectives,
      epics,
    },
  );
  const context: GadgetContext = { jira: jira.siteFor(admin), store, clock };
  return { context };
}

describe('getScopeRanges: objective chances', () => {
  it('returns the chance of each objective with a target, and says why one without a target has none', async () => {
    const { context } = await site();

    const view = await getScopeRanges(context, { scope: { kind: 'all' }, draws: 500, seed: 5 });

    // PAY-1 alone brings at least 95% of 10,000 by December: the 9,000 target is reached in every draw.
    expect(view.byObjective['OBJ-SURE']).toMatchObject({
      target: { amount: 9_000, date: '2027-03-31' },
      probabilityTargetReached: 1,
      probabilityReason: null,
    });
    expect(view.byObjective['OBJ-OPEN']).toMatchObject({
      target: null,
      probabilityTargetReached: null,
      probabilityReason: 'NO_TARGET',
    });
  });

  it('counts the drawn benefits and costs that take a default spread', async () => {
    const { context } = await site();

    const view = await getScopeRanges(context, { scope: { kind: 'all' }, draws: 500, seed: 5 });

    expect(view.defaultSpreads).toEqual({ benefits: 2, defaultBenefits: 1, costs: 2, defaultCosts: 2 });
  });
});

describe('rangesViewOf: objective chances', () => {
  it('returns null with TARGET_DATE_UNREADABLE for a stored target whose date has no real month', () => {
    const view = rangesViewOf({
      settings: { currency: 'EUR', discountRate: 0 },
      objectives: [
        {
          id: 'OBJ-OLD',
          name: 'Old record',
          status: 'active',
          weight: 1,
          target: { measure: 'Revenue', amount: 100, date: '2026-13-01' },
        },
      ],
      epics: [anEpic('PAY-1') as unknown as EpicRecord],
      asOf: '2026-11',
      draws: 100,
      seed: 1,
    });

    expect(view.byObjective['OBJ-OLD']).toMatchObject({
      probabilityTargetReached: null,
      probabilityReason: 'TARGET_DATE_UNREADABLE',
    });
  });
});
