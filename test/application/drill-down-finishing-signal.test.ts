import { listEpics } from '../../src/application/portfolio/list-epics';
import { InMemoryJira, type FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { importAsAdmin } from '../fixtures/admin-site';
import { inFlightEpic } from '../fixtures/in-flight-epic';

const admin: FakeUser = { accountId: 'admin', admin: true };

/**
 * As of 2026-03: PAY-1 still has 0.5 × 3,000.00 = 1,500.00 to gain against 2,000.00 to spend (not
 * worth finishing, margin −500.00); PAY-2 0.8 × 3,000.00 = 2,400.00 against 2,000.00 (worth
 * finishing, margin 400.00); PAY-3 is Done.
 */
async function site() {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  jira.addEpic({ key: 'PAY-1' });
  jira.addEpic({ key: 'PAY-2' });
  jira.addEpic({ key: 'PAY-3', status: 'done' });
  const clock = { now: () => new Date('2026-03-20T12:00:00Z') };
  await importAsAdmin(
    { jira, store, clock },
    {
      discountRate: 0.12,
      epics: [
        inFlightEpic('PAY-1', { cost: 2000, benefit: 3000, probability: 0.5 }),
        inFlightEpic('PAY-2', { cost: 2000, benefit: 3000, probability: 0.8 }),
        inFlightEpic('PAY-3', { cost: 2000, benefit: 3000, probability: 0.5, status: 'done' }),
      ],
    },
  );
  return { jira: jira.siteFor(admin), store, clock };
}

describe('listEpics finishing signal', () => {
  it('returns each in-flight epic’s stop/continue signal with what it weighs, and none for a Done epic', async () => {
    const context = await site();

    const list = await listEpics(context, { scope: { kind: 'all' }, asOf: '2026-03', filter: { by: 'all' } });

    const byKey = new Map(list.epics.map((row) => [row.key, row.finishing]));
    expect(byKey.get('PAY-1')).toEqual({
      signal: { verdict: 'not_worth_finishing', margin: -500 },
      remainingBenefit: 1500,
      remainingCost: 2000,
    });
    expect(byKey.get('PAY-2')).toEqual({
      signal: { verdict: 'worth_finishing', margin: 400 },
      remainingBenefit: 2400,
      remainingCost: 2000,
    });
    expect(byKey.get('PAY-3')).toBeNull();
  });

  it('returns the signal in a KPI drill-down too, for the epics behind the tile', async () => {
    const context = await site();

    const list = await listEpics(context, {
      scope: { kind: 'all' },
      asOf: '2026-03',
      filter: { by: 'all' },
      kpi: 'expectedRoi',
    });

    expect(list.epics.find((row) => row.key === 'PAY-1')?.finishing?.signal.verdict).toBe(
      'not_worth_finishing',
    );
  });
});
