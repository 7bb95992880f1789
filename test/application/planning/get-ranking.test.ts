import { getRanking, MAX_RANKING_ROWS } from '../../../src/application/planning/get-ranking';
import { listObjectives } from '../../../src/application/planning/list-objectives';
import { LIVE_SCOPE_LIMIT } from '../../../src/application/portfolio/collect-scope';
import type { GadgetContext } from '../../../src/application/portfolio/gadget-context';
import { rankingInput } from '../../../src/contract/planning.contract';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { growRevenue, importAsAdmin } from '../../fixtures/admin-site';
import { inFlightEpic } from '../../fixtures/in-flight-epic';

const admin: FakeUser = { accountId: 'admin', admin: true };
const payTeam: FakeUser = { accountId: 'pay-team', browse: ['PAY'] };

const at = (month: string, amount: number) => ({ month, amount });

/**
 * An epic of the docs' worked example ("Value planning", as of 2026-03 at 12% a year): 2,000.00
 * spent up to March; cost 1,000.00 (Apr) and 200.00 (May) and benefit 1,000.00 (May, Jun) to come.
 */
function anEpic(
  key: string,
  { p, ...plan }: Omit<Parameters<typeof inFlightEpic>[1], 'probability'> & { p: number },
) {
  return inFlightEpic(key, {
    probability: p,
    actualCost: [at('2026-03', 2000)],
    objectives: [{ id: 'OBJ-GROW', share: 1 }],
    ...plan,
  });
}

const workedExample = {
  benefit: [at('2026-05', 1000), at('2026-06', 1000)],
  cost: [at('2026-04', 1000), at('2026-05', 200)],
};

async function site() {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  for (const key of ['PAY-1', 'PAY-2', 'PAY-4', 'OPS-1']) jira.addEpic({ key });
  jira.addEpic({ key: 'PAY-3', status: 'done' });
  const clock = { now: () => new Date('2026-03-20T12:00:00Z') };
  await importAsAdmin(
    { jira, store, clock },
    {
      discountRate: 0.12,
      objectives: [growRevenue()],
      epics: [
        anEpic('PAY-1', { p: 0.8, ...workedExample }),
        anEpic('PAY-2', { p: 0.5, ...workedExample }),
        anEpic('PAY-3', { p: 0.8, ...workedExample, status: 'done' }),
        // Only benefits still to come: nothing left to fund.
        anEpic('PAY-4', { p: 1, benefit: [at('2026-06', 500)], cost: [at('2026-02', 300)] }),
        // Another project's epic, far more urgent than any of PAY's.
        anEpic('OPS-1', { p: 1, benefit: [at('2026-05', 90_000)], cost: [at('2026-04', 10_000)] }),
      ],
    },
  );
  const contextFor = (user: FakeUser): GadgetContext => ({ jira: jira.siteFor(user), store, clock });
  return { contextFor, store };
}

describe('getRanking', () => {
  it('returns each in-flight epic’s remaining NPV, remaining cost, cost of delay and CD3, as the docs work them out', async () => {
    const { contextFor } = await site();

    const ranking = await getRanking(contextFor(admin), { scope: { kind: 'projects', projects: ['PAY'] } });

    expect(ranking.asOf).toBe('2026-03');
    expect(ranking.rows.find((row) => row.key === 'PAY-1')).toMatchObject({
      remainingNpv: 374.55, // -990.10 + 588.18 + 776.47; the 2,000.00 spent plays no part
      remainingCost: 1200,
      remainingBenefit: 1600,
      costOfDelay: 3.71, // 374.5507 x 0.01 / 1.01
      remainingMonths: 2,
      cd3: 1.855, // 3.71 / 2 months
      signal: { verdict: 'worth_finishing', margin: 400 },
    });
  });

  it('flags an epic whose remaining risk-adjusted benefit is below its remaining cost as not worth finishing', async () => {
    const { contextFor } = await site();

    const ranking = await getRanking(contextFor(admin), { scope: { kind: 'all' } });

    // At p = 0.5: 500.00 + 500.00 to gain against 1,200.00 to spend.
    expect(ranking.rows.find((row) => row.key === 'PAY-2')?.signal).toEqual({
      verdict: 'not_worth_finishing',
      margin: -200,
    });
    expect(ranking.totals.notWorthFinishing).toBe(1);
    expect(ranking.totals.notWorthFinishingCost).toBe(1200);
  });

  it('ranks by CD3, highest first, leaves epics without remaining work last and Done epics out', async () => {
    const { contextFor } = await site();

    const ranking = await getRanking(contextFor(admin), { scope: { kind: 'all' } });

    expect(ranking.rows.map((row) => [row.rank, row.key])).toEqual([
      [1, 'OPS-1'],
      [2, 'PAY-1'],
      [3, 'PAY-2'],
      [4, 'PAY-4'],
    ]);
    const cd3s = ranking.rows.flatMap((row) => (row.cd3 === null ? [] : [row.cd3]));
    expect(cd3s).toEqual([...cd3s].sort((a, b) => b - a));
    expect(ranking.rows[3]).toMatchObject({
      cd3: null,
      cd3Reason: 'NO_REMAINING_WORK',
      signal: { verdict: 'nothing_to_fund', margin: 500 },
    });
    expect(ranking.doneEpics).toBe(1);
  });

  it('adds up the totals over every ranked epic', async () => {
    const { contextFor } = await site();

    const ranking = await getRanking(contextFor(admin), { scope: { kind: 'all' } });

    expect(ranking.totals.epics).toBe(4);
    expect(ranking.totals.remainingCost).toBe(1200 + 1200 + 0 + 10_000);
  });

  it("never shows a restricted viewer another project's epics, not even in the totals", async () => {
    const { contextFor } = await site();

    const mine = await getRanking(contextFor(payTeam), { scope: { kind: 'all' } });
    const asked = await getRanking(contextFor(payTeam), {
      scope: { kind: 'projects', projects: ['OPS', 'PAY'] },
    });

    for (const ranking of [mine, asked]) {
      expect(ranking.rows.map((row) => row.key)).toEqual(['PAY-1', 'PAY-2', 'PAY-4']);
      expect(ranking.totals.epics).toBe(3);
      expect(ranking.totals.remainingCost).toBe(2400);
      expect(ranking.totals.remainingNpv).toBe(
        Math.round(ranking.rows.reduce((sum, row) => sum + row.remainingNpv * 100, 0)) / 100,
      );
    }
  });

  it('ranks nothing when the scope names only projects the viewer cannot browse', async () => {
    const { contextFor } = await site();

    const ranking = await getRanking(contextFor(payTeam), { scope: { kind: 'projects', projects: ['OPS'] } });

    expect(ranking.rows).toEqual([]);
    expect(ranking.totals).toEqual({
      epics: 0,
      remainingNpv: 0,
      remainingCost: 0,
      costOfDelay: 0,
      notWorthFinishing: 0,
      notWorthFinishingCost: 0,
    });
  });

  it('lists the first rows of a long ranking and says so, while the totals cover every epic', async () => {
    const jira = new InMemoryJira();
    for (let number = 1; number <= MAX_RANKING_ROWS + 1; number += 1)
      jira.addEpic({ key: `LONG-${String(number)}` });
    const context: GadgetContext = {
      jira: jira.siteFor(admin),
      store: new InMemoryKeyValueStore(),
      clock: { now: () => new Date('2026-03-20T12:00:00Z') },
    };

    const ranking = await getRanking(context, { scope: { kind: 'all' } });

    expect(ranking.rows).toHaveLength(MAX_RANKING_ROWS);
    expect(ranking.truncated).toEqual({ shown: MAX_RANKING_ROWS, total: MAX_RANKING_ROWS + 1 });
    expect(ranking.totals.epics).toBe(MAX_RANKING_ROWS + 1);
  });

  it('refuses a scope too large to rank in one request, saying how to narrow it', async () => {
    const jira = new InMemoryJira();
    for (let number = 1; number <= LIVE_SCOPE_LIMIT + 1; number += 1)
      jira.addEpic({ key: `BIG-${String(number)}` });
    const context: GadgetContext = {
      jira: jira.siteFor(admin),
      store: new InMemoryKeyValueStore(),
      clock: { now: () => new Date('2026-03-20T12:00:00Z') },
    };

    await expect(getRanking(context, { scope: { kind: 'all' } })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(
        /too many to rank in one request\. Narrow it to some projects/,
      ) as unknown,
    });
  });

  it('computes as of the month asked for: work already past then is sunk', async () => {
    const { contextFor } = await site();

    const ranking = await getRanking(contextFor(admin), { scope: { kind: 'all' }, asOf: '2026-04' });

    // As of April only May's 200.00 is left to spend.
    expect(ranking.rows.find((row) => row.key === 'PAY-1')).toMatchObject({
      remainingCost: 200,
      remainingMonths: 1,
    });
  });
});

describe('listObjectives', () => {
  it('returns the site’s objectives by id, name and status only', async () => {
    const { store } = await site();

    expect(await listObjectives({ store })).toEqual([
      { id: 'OBJ-GROW', name: 'Grow revenue', status: 'active' },
    ]);
  });
});

describe('rankingInput', () => {
  it('accepts the gadget’s scopes and an as-of month', () => {
    expect(
      rankingInput.safeParse({ scope: { kind: 'jql', jql: 'project = PAY' }, asOf: '2026-03' }).success,
    ).toBe(true);
  });

  it('names the field of a malformed scope and refuses unknown fields', () => {
    const parsed = rankingInput.safeParse({
      scope: { kind: 'projects', projects: [] },
      asOf: '03/2026',
      x: 1,
    });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      '',
      'asOf',
      'scope.projects',
    ]);
  });
});
