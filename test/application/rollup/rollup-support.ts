import fc from 'fast-check';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import type { PortfolioView } from '../../../src/contract/gadget.contract';
import { liveViewOf } from '../../../src/application/portfolio/get-portfolio';
import { recordsOfPage } from '../../../src/application/portfolio/collect-scope';
import { SiteConfig } from '../../../src/application/site-config';
import { storedObjectiveSchema } from '../../../src/contract/site-config.schema';
import type { ReconcileContext } from '../../../src/application/rollup/rollup-context';
import {
  reconcileStep,
  startReconcile,
  type ReconcileStepBody,
} from '../../../src/application/rollup/reconcile';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';

export const ADMIN: FakeUser = { accountId: 'admin', admin: true };
export const PROJECTS = ['ALPHA', 'BETA', 'GAMMA'] as const;
export const PROGRAMMES = ['PRG-1', 'PRG-2', null] as const;
export const CLOCK = { now: () => new Date('2026-11-23T10:00:00Z') };
export const AS_OF = '2026-11';

const month = fc.integer({ min: 0, max: 23 }).map((offset) => {
  const index = 2026 * 12 + offset;
  return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
});
const amount = fc.integer({ min: 0, max: 2_000_000 }).map((cents) => cents / 100);
const monthly = fc.uniqueArray(fc.record({ month, amount }), {
  maxLength: 4,
  selector: (entry) => entry.month,
});

/** A value record as a save writes it (decimal amounts, exact weights). */
export const valueArbitrary: fc.Arbitrary<EpicValueDocument> = fc.record({
  successProbability: fc.constantFrom(0, 0.333333, 0.5, 0.8, 1),
  objectives: fc.subarray([
    { id: 'OBJ-1', share: 0.5 },
    { id: 'OBJ-2', share: 0.25 },
  ]),
  benefits: fc.array(
    fc.record({
      id: fc.constantFrom('b1', 'b2'),
      kind: fc.constantFrom('revenue' as const, 'cost_saving' as const, 'cost_avoidance' as const),
      title: fc.constant('Benefit'),
      planned: monthly,
      realised: fc.uniqueArray(
        fc.record({ month, amount, evidence: fc.constantFrom('verified' as const, 'measured' as const) }),
        { maxLength: 3, selector: (entry) => entry.month },
      ),
    }),
    { maxLength: 2 },
  ),
  costs: fc.record({ planned: monthly, actual: monthly }),
  nps: fc.option(
    fc.record({
      promoters: fc.nat({ max: 50 }),
      passives: fc.nat({ max: 50 }),
      detractors: fc.nat({ max: 50 }),
    }),
    { nil: null },
  ),
});

/** A Jira site of a few epics over three projects, with objectives and settings stored. */
export async function aSite(
  epics: { project: number; programme: number; value: EpicValueDocument | null }[],
) {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  const config = new SiteConfig(store);
  await config.saveSettings({ ...(await config.settings()), currency: 'EUR', discountRate: 0.08 });
  for (const objective of [
    { id: 'OBJ-1', name: 'Grow', status: 'active', weight: 3 },
    { id: 'OBJ-2', name: 'Save', status: 'archived', weight: 1 },
  ]) {
    await config.saveObjective(storedObjectiveSchema.parse(objective));
  }
  epics.forEach((epic, index) => {
    const project = PROJECTS[epic.project % PROJECTS.length] ?? 'ALPHA';
    jira.addEpic({
      key: `${project}-${String(index + 1)}`,
      projectKey: project,
      parentKey: PROGRAMMES[epic.programme % PROGRAMMES.length] ?? null,
      status: index % 3 === 0 ? 'done' : 'in_progress',
      stored:
        epic.value === null
          ? { state: 'none' }
          : {
              state: 'stored',
              record: { revision: 1, updatedAt: '', updatedBy: 'admin', value: epic.value },
            },
    });
  });
  return { jira, store };
}

/** The view the engine computes from the raw records Jira holds now, for a user. */
export async function fromScratch(
  jira: InMemoryJira,
  store: InMemoryKeyValueStore,
  user: FakeUser,
): Promise<PortfolioView> {
  const config = new SiteConfig(store);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  const site = jira.siteFor(user);
  const page = await site.searchEpics({ jql: 'all', pageSize: 100_000 });
  const records = recordsOfPage(page.epics, settings);
  return liveViewOf({ settings, objectives, ...records }, AS_OF);
}

/** A reconcile context on the fakes whose queue is run to the end by `runReconcile`. */
export function reconcileContext(jira: InMemoryJira, store: InMemoryKeyValueStore) {
  const queued: ReconcileStepBody[] = [];
  const context: ReconcileContext = {
    jira: jira.siteFor(ADMIN),
    store,
    clock: CLOCK,
    listProjects: () => jira.permissionsFor(ADMIN).browsableProjectKeys(),
    queue: {
      push: (bodies) => {
        queued.push(...(bodies as unknown as ReconcileStepBody[]));
        return Promise.resolve();
      },
    },
  };
  return {
    context,
    async runReconcile(): Promise<number> {
      await startReconcile(context);
      let steps = 0;
      for (let body = queued.shift(); body !== undefined; body = queued.shift()) {
        await reconcileStep(context, body);
        steps += 1;
      }
      return steps;
    },
  };
}

/** The figures of a view, without where they came from. */
export function figures(view: PortfolioView): Omit<PortfolioView, 'source'> {
  const { source: _source, ...rest } = view;
  return rest;
}
