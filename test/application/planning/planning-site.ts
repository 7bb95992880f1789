import type { GadgetContext } from '../../../src/application/portfolio/gadget-context';
import type { Clock } from '../../../src/application/ports/clock';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { growRevenue, importAsAdmin } from '../../fixtures/admin-site';
import { inFlightEpic } from '../../fixtures/in-flight-epic';

/** The site the budget cut and the efficient frontier are planned on (worked figures below). */
export const admin: FakeUser = { accountId: 'admin', admin: true };
export const payTeam: FakeUser = { accountId: 'pay-team', browse: ['PAY'] };

/**
 * As of 2026-03 at 12% a year (i = 1% a month), each epic costs `cost` in April (t = 1) and brings
 * `benefit` (p = 1) in May (t = 2): remaining NPV = −cost / 1.01 + benefit / 1.01².
 * - PAY-1: cost 1,000, benefit 3,000 → 1,950.79
 * - PAY-2: cost 1,000, benefit 1,500 → 480.35
 * - PAY-3: cost 2,000, benefit 2,500 → 470.54
 * Delays of 3 or 6 months keep the April cost inside the year (April 2026 to March 2027), so
 * they free nothing; 12 months moves it out and divides the NPV by 1.01¹²: PAY-1 → 1,731.23
 * (loses 219.56), PAY-2 → 426.28 (54.07), PAY-3 → 417.58 (52.96). Stopping loses everything.
 * A cut of 50% of the 4,000.00 forecast must free 2,000.00: delaying PAY-3 does it for 52.96
 * (0.026 of NPV per 1 freed); delaying PAY-1 and PAY-2 would lose 273.63.
 */
export async function site(clock: Clock = { now: () => new Date('2026-03-20T12:00:00Z') }) {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  for (const key of ['PAY-1', 'PAY-2', 'PAY-3', 'OPS-1']) jira.addEpic({ key });
  await importAsAdmin(
    { jira, store, clock },
    {
      discountRate: 0.12,
      objectives: [growRevenue(), { id: 'OBJ-COST', name: 'Cut costs', status: 'active', weight: 3 }],
      epics: [
        inFlightEpic('PAY-1', { cost: 1000, benefit: 3000, objectives: [{ id: 'OBJ-GROW', share: 1 }] }),
        inFlightEpic('PAY-2', { cost: 1000, benefit: 1500, objectives: [{ id: 'OBJ-GROW', share: 1 }] }),
        inFlightEpic('PAY-3', { cost: 2000, benefit: 2500, objectives: [{ id: 'OBJ-COST', share: 0.5 }] }),
        // Another project's epic: 70,000.00 to spend in April.
        inFlightEpic('OPS-1', { cost: 70_000, benefit: 90_000, objectives: [{ id: 'OBJ-GROW', share: 1 }] }),
      ],
    },
  );
  const contextFor = (user: FakeUser): GadgetContext => ({ jira: jira.siteFor(user), store, clock });
  return { jira, contextFor };
}

export const payScope = { kind: 'projects', projects: ['PAY'] } as const;
