import { getPortfolio } from '../../../src/application/portfolio/get-portfolio';
import type { GadgetContext } from '../../../src/application/portfolio/gadget-context';
import { onIssueChanged } from '../../../src/application/rollup/on-issue-changed';
import { readContribution } from '../../../src/application/rollup/contribution';
import { readAggregate } from '../../../src/application/rollup/project-aggregate';
import { rollupScopeTotals } from '../../../src/application/rollup/rollup-scope-totals';
import type { Viewer } from '../../../src/application/rollup/viewer-projects';
import { rollupEpicKey, rollupProjectKey } from '../../../src/application/storage-keys';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import type { InMemoryJira } from '../../fakes/in-memory-jira-site';
import type { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { ADMIN, AS_OF, aSite, CLOCK, figures, fromScratch, reconcileContext } from './rollup-support';

/*
 * Roll-up schema 3 (issue #15): contributions and project aggregates whose totals carry the
 * dis-benefits and the approved baselines. What an older version stored (schema 2: no `baseline`
 * series, no `dis_benefit` row) is never summed with them: the project is computed live until the
 * reconcile rewrites it.
 */

function gadget(jira: InMemoryJira, store: InMemoryKeyValueStore): GadgetContext & { viewer: Viewer } {
  return {
    jira: jira.siteFor(ADMIN),
    store,
    clock: CLOCK,
    viewer: {
      accountId: ADMIN.accountId,
      browsableProjectKeys: () => jira.permissionsFor(ADMIN).browsableProjectKeys(),
    },
  };
}

const view = (jira: InMemoryJira, store: InMemoryKeyValueStore) =>
  getPortfolio(gadget(jira, store), { scope: { kind: 'all' }, asOf: AS_OF });

/** Approved in January at 1,000.00 a month; since cut to 600.00, with a dis-benefit beside it. */
const baselined: EpicValueDocument = {
  successProbability: 0.8,
  objectives: [{ id: 'OBJ-1', share: 0.5 }],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Conversion uplift',
      planned: ['2026-09', '2026-10', '2026-11'].map((month) => ({ month, amount: 600 })),
      realised: [{ month: '2026-10', amount: 500, evidence: 'verified' }],
    },
    {
      id: 'b2',
      kind: 'dis_benefit',
      title: 'Lost sales during the migration',
      planned: [{ month: '2026-10', amount: 150 }],
      realised: [{ month: '2026-10', amount: 120, evidence: 'measured' }],
    },
  ],
  costs: { planned: [{ month: '2026-08', amount: 1000 }], actual: [{ month: '2026-08', amount: 1100 }] },
  nps: null,
  baseline: {
    version: 1,
    approvedBy: 'approver-1',
    approvedAt: '2026-01-05T09:00:00.000Z',
    successProbability: 0.8,
    benefits: [
      {
        id: 'b1',
        kind: 'revenue',
        planned: ['2026-09', '2026-10', '2026-11'].map((month) => ({ month, amount: 1000 })),
      },
    ],
    plannedCost: [{ month: '2026-08', amount: 1000 }],
  },
};

const plain: EpicValueDocument = {
  successProbability: 1,
  objectives: [],
  benefits: [
    {
      id: 'b1',
      kind: 'cost_saving',
      title: 'Fewer support calls',
      planned: [{ month: '2026-11', amount: 300 }],
      realised: [{ month: '2026-11', amount: 250, evidence: 'measured' }],
    },
  ],
  costs: { planned: [], actual: [{ month: '2026-07', amount: 200 }] },
  nps: null,
};

/** What a schema 2 writer stored for these totals: no baseline series and no dis-benefit row. */
function asSchema2(stored: unknown): Record<string, unknown> {
  const copy = structuredClone(stored) as {
    totals: { baseline?: unknown; realisedByKind: Record<string, unknown> };
  };
  delete copy.totals.baseline;
  delete copy.totals.realisedByKind['dis_benefit'];
  return { ...copy, schema: 2 };
}

async function rolledUpSite() {
  const { jira, store } = await aSite([
    { project: 0, programme: 0, value: baselined },
    { project: 0, programme: 1, value: plain },
    { project: 1, programme: 0, value: plain },
  ]);
  const context = { jira: jira.siteFor(ADMIN), store, clock: CLOCK };
  for (const issue of jira.issues.values()) await onIssueChanged(context, { issueId: issue.id });
  const [withBaseline, besideIt] = [...jira.issues.values()];
  if (withBaseline === undefined || besideIt === undefined) throw new Error('no epics');
  return { jira, store, context, withBaseline, besideIt };
}

describe('roll-up schema 3', () => {
  it('files contributions and aggregates of schema 3 that carry the baselines and dis-benefits', async () => {
    const { jira, store, withBaseline } = await rolledUpSite();
    const contribution = readContribution(
      await store.get(rollupEpicKey({ project: withBaseline.projectKey, issueId: withBaseline.id })),
    );
    expect(contribution?.schema).toBe(3);
    expect(contribution?.totals.baseline.epicCount).toBe(1);
    const aggregate = readAggregate(await store.get(rollupProjectKey({ project: withBaseline.projectKey })));
    expect(aggregate?.totals.baseline.epicCount).toBe(1);
    expect(aggregate?.totals.realisedByKind.dis_benefit).toContain(12_000);

    const rolledUp = await view(jira, store);
    expect(rolledUp.source).toBe('rollup');
    expect(figures(rolledUp)).toEqual(figures(await fromScratch(jira, store, ADMIN)));
    // As of 2026-11: 500 - 120 realised by the baselined epic against 3 x 1,000 approved for Sep..Nov.
    expect(rolledUp.portfolio).toMatchObject({
      baselineRealisationRate: 380 / 3000,
      disBenefitRealised: 120,
    });
  });

  it('reads a schema 2 contribution as unreadable, so that the project is computed live and not summed without it', async () => {
    const { jira, store, context, withBaseline, besideIt } = await rolledUpSite();
    const key = rollupEpicKey({ project: withBaseline.projectKey, issueId: withBaseline.id });
    await store.set(key, asSchema2(await store.get(key)));
    expect(readContribution(await store.get(key))).toBeNull();
    // A later save of the other epic of the project recomputes its aggregate from what is on file.
    besideIt.stored = {
      state: 'stored',
      record: { revision: 2, updatedAt: '', updatedBy: 'u', value: { ...plain, successProbability: 0.5 } },
    };
    await onIssueChanged(context, { issueId: besideIt.id });

    expect(await store.get(rollupProjectKey({ project: withBaseline.projectKey }))).toMatchObject({
      schema: 3,
      incomplete: true,
    });
    const whileOutdated = await view(jira, store);
    expect(figures(whileOutdated)).toEqual(figures(await fromScratch(jira, store, ADMIN)));
    expect(whileOutdated.portfolio.epics).toBe(3);

    await reconcileContext(jira, store).runReconcile();
    expect(readContribution(await store.get(key))?.schema).toBe(3);
    expect(await store.get(rollupProjectKey({ project: withBaseline.projectKey }))).not.toHaveProperty(
      'incomplete',
    );
    const reconciled = await view(jira, store);
    expect(reconciled.source).toBe('rollup');
    expect(figures(reconciled)).toEqual(figures(whileOutdated));
  });

  it('serves a project whose stored aggregate is schema 2 live, and rolls it up again once reconciled', async () => {
    const { jira, store, withBaseline } = await rolledUpSite();
    const key = rollupProjectKey({ project: withBaseline.projectKey });
    await store.set(key, asSchema2(await store.get(key)));
    expect(readAggregate(await store.get(key))).toBeNull();

    const { stale } = await rollupScopeTotals({
      store,
      viewer: gadget(jira, store).viewer,
      scope: { kind: 'all' },
      currency: Promise.resolve('EUR'),
      now: CLOCK.now(),
    });
    expect(stale).toEqual([withBaseline.projectKey]);
    const whileOutdated = await view(jira, store);
    expect(figures(whileOutdated)).toEqual(figures(await fromScratch(jira, store, ADMIN)));

    await reconcileContext(jira, store).runReconcile();
    expect(readAggregate(await store.get(key))?.schema).toBe(3);
    const reconciled = await view(jira, store);
    expect(reconciled.source).toBe('rollup');
    expect(figures(reconciled)).toEqual(figures(whileOutdated));
  });
});
